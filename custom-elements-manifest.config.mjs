// custom-elements.json, generated from the element's JSDoc on every build and shipped in dist/.
// Module paths are rewritten from src/*.ts to the dist/*.js files a consumer actually has.
const toDist = (path) => path?.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');

export default {
  globs: ['src/shell/fc-relink.ts', 'src/define.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      name: 'fc-relink:dist-paths',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          mod.path = toDist(mod.path);
          for (const entry of [...(mod.exports ?? []), ...(mod.declarations ?? [])]) {
            if (entry.declaration?.module) entry.declaration.module = toDist(entry.declaration.module);
            if (entry.superclass?.module) entry.superclass.module = toDist(entry.superclass.module);
          }
        }
      },
    },
  ],
};
