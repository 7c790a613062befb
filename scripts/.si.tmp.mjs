import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const ext = process.argv[2] === 'ext' ? ['lit', 'lit/*', '@lit/*', '@stripe/stripe-js', '@stripe/stripe-js/*'] : [];
const { metafile, outputFiles } = await build({ stdin: { contents: "import 'fc-relink';", resolveDir: process.cwd(), loader: 'js' }, bundle: true, splitting: true, format: 'esm', minify: true, write: false, outdir: 'size-out', metafile: true, tsconfigRaw: {}, external: ext, conditions: ['browser', 'production'], logLevel: 'error' });
const txt = new Map(outputFiles.map(f => [f.path.split('/').pop(), f.text]));
for (const [file, o] of Object.entries(metafile.outputs)) {
  console.log(file, o.bytes, 'gz', gzipSync(txt.get(file.split('/').pop()), {level:9}).length, o.imports.map(i => i.kind[0] + ':' + i.path.split('/').pop()).join(' '));
  for (const [input, i] of Object.entries(o.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,8)) console.log('   ', input, i.bytesInOutput);
}
