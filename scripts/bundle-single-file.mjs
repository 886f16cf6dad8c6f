// After `trunk build`: writes dist/jixiao.html, one file with the HTML, CSS, JS and the WASM inside
// (gzip + base64, unpacked with DecompressionStream and instantiated from bytes with initSync,
// since file:// cannot fetch a .wasm), and adds a
// Content-Security-Policy to both it and the served dist/index.html. Nothing is fetched: the
// single file's policy has connect-src 'none'.
//   node scripts/bundle-single-file.mjs [dist]
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const files = await readdir(dist);
const pick = (re) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${re} in ${dist}, found ${found}`);
  return join(dist, found[0]);
};
const jsPath = pick(/^jixiao-web-[0-9a-f]+\.js$/);
const wasmPath = pick(/^jixiao-web-[0-9a-f]+_bg\.wasm$/);
const cssPath = pick(/^style-[0-9a-f]+\.css$/);
const indexPath = join(dist, 'index.html');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// Everything the page needs and nothing more: no fetch, no frames, no forms, no plugins.
const policy = ({ scripts, styles, connect }) => [
  "default-src 'none'",
  `script-src ${scripts.join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${styles.join(' ')}`,
  "img-src data:",
  `connect-src ${connect}`,
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const cspMeta = (content) => `<meta http-equiv="Content-Security-Policy" content="${content}" />`;

// The single file.
const js = (await readFile(jsPath, 'utf8')).replace(/^export \{[^}]*\};?\s*$/m, '');
const wasm = await readFile(wasmPath);
const css = await readFile(cssPath, 'utf8');
const index = await readFile(indexPath, 'utf8');
// (Running the script twice must not stack the served page's policy onto the single file.)
const head = index.slice(0, index.indexOf('<script type="module">'))
  .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  .replace(/\s*<script src="reader.js"[^>]*><\/script>/, '');
// The form reader (second module): its glue inline, its wasm embedded like the page's, decoded
// and instantiated only when a form is first imported.
const readerGlue = await readFile(join(dist, 'reader', 'jixiao_reader.js'), 'utf8');
const readerWasm = await readFile(join(dist, 'reader', 'jixiao_reader_bg.wasm'));
const reader = `${readerGlue}
const __jixiaoReaderWasm = "${gzipSync(readerWasm, { level: 9 }).toString('base64')}";
let __jixiaoReaderReady = null;
window.jixiaoReadForm = async (bytes) => {
  if (!__jixiaoReaderReady) {
    __jixiaoReaderReady = (async () => {
      const packed = typeof Uint8Array.fromBase64 === 'function'
        ? Uint8Array.fromBase64(__jixiaoReaderWasm)
        : Uint8Array.from(atob(__jixiaoReaderWasm), (c) => c.charCodeAt(0));
      const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
      jixiaoReader.initSync({ module: await new Response(stream).arrayBuffer() });
      return jixiaoReader;
    })();
  }
  try {
    return (await __jixiaoReaderReady).read(bytes);
  } catch (e) {
    // A trap in the reader (a damaged workbook) leaves it unusable: instantiate it afresh next time.
    __jixiaoReaderReady = null;
    throw e;
  }
};
`;
const body = index.slice(index.indexOf('<body>'));
// The wasm is gzipped before base64: the file is half the size, and gzip of the whole file
// stays small (base64 of raw wasm compresses poorly).
const script = `${js}
const __jixiaoWasm = "${gzipSync(wasm, { level: 9 }).toString('base64')}";
const __jixiaoPacked = typeof Uint8Array.fromBase64 === 'function'
  ? Uint8Array.fromBase64(__jixiaoWasm)
  : Uint8Array.from(atob(__jixiaoWasm), (c) => c.charCodeAt(0));
const __jixiaoStream = new Blob([__jixiaoPacked]).stream().pipeThrough(new DecompressionStream('gzip'));
initSync({ module: await new Response(__jixiaoStream).arrayBuffer() });
${reader}`;
const single = `${head.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n  ${cspMeta(policy({
  scripts: [sha256(script)], styles: [sha256(css)], connect: "'none'",
}))}`)}<style>${css}</style>
</head>
${body.replace('</body>', `<script type="module">${script}</script>\n</body>`)}`;
await writeFile(join(dist, 'jixiao.html'), single);

// The served page: its own files only (the .wasm is fetched, so connect-src 'self').
if (!index.includes('Content-Security-Policy')) {
  const loader = index.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  const served = index.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n  ${cspMeta(policy({
    scripts: ["'self'", sha256(loader)], styles: ["'self'"], connect: "'self'",
  }))}`);
  await writeFile(indexPath, served);
}
console.log(`wrote ${join(dist, 'jixiao.html')} (${single.length} bytes) and a CSP for ${indexPath}`);
