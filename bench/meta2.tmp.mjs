import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const code = process.argv[2];
const r = await build({ stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true, logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } });
const out = Object.values(r.metafile.outputs)[0];
console.log('total min', r.outputFiles[0].contents.length, 'gz', gzipSync(r.outputFiles[0].contents, { level: 9 }).length);
for (const [f, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 30)) console.log(String(v.bytesInOutput).padStart(7), f);
