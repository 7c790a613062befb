// Imported first, before fc-relink: records the name of every Trusted Types policy the page
// creates from then on (fc-relink creates its own when its first module is evaluated).
type Factory = { createPolicy(name: string, rules: object): unknown };

export const policiesCreated: string[] = [];

const factory = (window as { trustedTypes?: Factory }).trustedTypes;
if (factory) {
  const createPolicy = factory.createPolicy.bind(factory);
  factory.createPolicy = (name, rules) => {
    policiesCreated.push(name);
    return createPolicy(name, rules);
  };
}
