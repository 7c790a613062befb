// The demo as a static folder (demo-dist/) that works offline on any static host: the page,
// its script with everything bundled (Lit, the fake Stripe, msw), and msw's service worker.
import { readFile } from 'node:fs/promises';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { sourceFiles } from './rollup.config.mjs';

const copy = (files) => ({
  name: 'copy',
  async generateBundle() {
    for (const [from, to] of files) {
      this.emitFile({ type: 'asset', fileName: to, source: await readFile(from) });
    }
  },
});

export default {
  input: { main: 'demo/main.ts', live: 'demo/live.ts', hosted: 'demo/hosted.ts' },
  plugins: [
    sourceFiles,
    nodeResolve({ extensions: ['.ts', '.js'], browser: true, exportConditions: ['browser'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: true }),
    copy([
      ['demo/index.html', 'index.html'],
      ['demo/live.html', 'live.html'],
      ['demo/hosted.html', 'hosted.html'],
      ['demo/demo.css', 'demo.css'],
      ['demo/favicon.svg', 'favicon.svg'],
      ['node_modules/msw/lib/mockServiceWorker.js', 'mockServiceWorker.js'],
    ]),
  ],
  output: { dir: 'demo-dist', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
};
