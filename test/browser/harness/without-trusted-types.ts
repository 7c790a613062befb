// Imported first, before fc-relink: the page has no Trusted Types at all, as an older browser
// has none (fc-relink looks for them when its first module is evaluated).
Object.defineProperty(window, 'trustedTypes', { value: undefined, configurable: true });
