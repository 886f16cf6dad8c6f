// After `trunk build`: writes dist/jixiao.html, one file with the HTML, CSS, JS and the WASM inside
// (zlib + base64, unpacked with DecompressionStream, or tiny-inflate where that is missing, and instantiated from bytes with initSync,
// since file:// cannot fetch a .wasm), and adds a
// Content-Security-Policy to both it and the served dist/index.html. Nothing is fetched: the
// single file's policy has connect-src 'none'. For the served page it also writes the service
// worker dist/sw.js (from www/sw.js: this version's files, cached for offline use) and the
// version into dist/index.html (<meta name="jixiao-version">), so that a rebuild is picked up.
// JIXIAO_BUILD_SALT, if set, is mixed into the version (the browser tests' "rebuild").
//   node scripts/bundle-single-file.mjs [dist]
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = process.argv[2] ?? 'dist';
const pick = async (folder, re) => {
  const found = (await readdir(folder)).filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${re} in ${folder}, found ${found}`);
  return join(folder, found[0]);
};
const jsPath = await pick(dist, /^jixiao-web-[0-9a-f]+\.js$/);
const wasmPath = await pick(dist, /^jixiao-web-[0-9a-f]+_bg\.wasm$/);
const cssPath = await pick(dist, /^style-[0-9a-f]+\.css$/);
const indexPath = join(dist, 'index.html');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// Everything the page needs and nothing more: no fetch, no frames, no forms, no plugins.
const policy = ({ scripts, styles, connect, images = 'data:', extra = [] }) => [
  "default-src 'none'",
  `script-src ${scripts.join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${styles.join(' ')}`,
  `img-src ${images}`,
  `connect-src ${connect}`,
  ...extra,
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const cspMeta = (content) => `<meta http-equiv="Content-Security-Policy" content="${content}" />`;

// The single file.
const js = (await readFile(jsPath, 'utf8')).replace(/^export \{[^}]*\};?\s*$/m, '');
const wasm = await readFile(wasmPath);
const css = await readFile(cssPath, 'utf8');
// The served page as Trunk wrote it (a second run strips what the first added). Trunk's loader
// awaits at the top level, which browsers below Chromium 89 cannot parse: it becomes a promise
// chain, and it does not start the page where the inline floor check found the browser wanting.
const index = (await readFile(indexPath, 'utf8'))
  .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  .replace(/\s*<meta name="jixiao-version"[^>]*>/, '')
  .replace(/const wasm = await init\(([^;]*)\);([\s\S]*?)(<\/script>)/, (_, args, rest, end) =>
    `if (!window.jixiaoUnsupported) init(${args}).then((wasm) => {${rest}});\n${end}`);
const floor = index.match(/<script data-jixiao-floor>([\s\S]*?)<\/script>/)[1];
// Where DecompressionStream is missing (Firefox before 113, Safari before 16.4), the single file
// inflates its modules with tiny-inflate (npm, ES5).
const inflate = await readFile(join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'tiny-inflate', 'index.js'), 'utf8');
const unpack = `var __jixiaoInflate = (function () { var module = { exports: {} }; ${inflate}
return module.exports; })();
// A zlib stream (base64) of \`size\` bytes, unpacked to an ArrayBuffer.
function __jixiaoUnpack(text, size) {
  var packed = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(text)
    : Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
  if (typeof DecompressionStream === 'function') {
    return new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer();
  }
  var out = new Uint8Array(size);
  __jixiaoInflate(packed.subarray(2, packed.length - 4), out);
  return Promise.resolve(out.buffer);
}
`;
const share = await readFile(join(dist, 'share.js'), 'utf8');
const icon = await readFile(join(dist, 'icon.svg'));
// (Running the script twice must not stack the served page's policy onto the single file.)
// The single file needs no manifest or service worker; its icon is inline (img-src data: only).
const head = index.slice(0, index.indexOf('<script type="module">'))
  .replace(/\s*<link rel="manifest"[^>]*>/, '')
  .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}" />`)
  .replace(/\s*<script src="reader.js"[^>]*><\/script>/, '')
  .replace(/\s*<script src="share.js"[^>]*><\/script>/, '');
// The form reader (second module): its glue inline, its wasm embedded like the page's, decoded
// and instantiated only when a form is first imported.
const readerGlue = await readFile(join(dist, 'reader', 'jixiao_reader.js'), 'utf8');
const readerWasm = await readFile(join(dist, 'reader', 'jixiao_reader_bg.wasm'));
const reader = `${readerGlue}
const __jixiaoReaderWasm = "${deflateSync(readerWasm, { level: 9 }).toString('base64')}";
let __jixiaoReaderReady = null;
window.jixiaoReadForm = async (bytes) => {
  if (!__jixiaoReaderReady) {
    __jixiaoReaderReady = __jixiaoUnpack(__jixiaoReaderWasm, ${readerWasm.length}).then((bytes) => {
      jixiaoReader.initSync({ module: bytes });
      return jixiaoReader;
    });
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
// The wasm is compressed (zlib) before base64: the file is half the size, and gzip of the whole
// file stays small (base64 of raw wasm compresses poorly). No top-level await (Chromium 89+).
const script = `${share}
${unpack}
${js}
const __jixiaoWasm = "${deflateSync(wasm, { level: 9 }).toString('base64')}";
if (!window.jixiaoUnsupported) {
  __jixiaoUnpack(__jixiaoWasm, ${wasm.length}).then((bytes) => initSync({ module: bytes }));
}
${reader}`;
const single = `${head.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n  ${cspMeta(policy({
  scripts: [sha256(script), sha256(floor)], styles: [sha256(css)], connect: "'none'",
}))}`)}<style>${css}</style>
</head>
${body.replace('</body>', `<script type="module">${script}</script>\n</body>`)}`;
await writeFile(join(dist, 'jixiao.html'), single);

// The served page's version: its files' contents (and the salt), and its service worker, which
// caches exactly those files.
const here = dirname(fileURLToPath(import.meta.url));
const own = (await readdir(dist, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath ?? e.path, e.name).slice(dist.length).replace(/^[\\/]+/, '').replaceAll('\\', '/'))
  .filter((f) => !['index.html', 'sw.js', 'jixiao.html', 'web.config'].includes(f))
  .sort();
const digest = createHash('sha256');
for (const f of own) digest.update(f).update(await readFile(join(dist, f)));
digest.update(index).update(process.env.JIXIAO_BUILD_SALT ?? '');
const version = digest.digest('hex').slice(0, 16);
const worker = (await readFile(join(here, '..', 'www', 'sw.js'), 'utf8'))
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('[/* __FILES__ */]', JSON.stringify(['./', ...own.map((f) => `./${f}`)]));
await writeFile(join(dist, 'sw.js'), worker);

// The served page: its own files only (the .wasm is fetched, so connect-src 'self'; the service
// worker and the manifest are its own too).
const loader = index.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
const served = index.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n  ${cspMeta(policy({
  scripts: ["'self'", sha256(loader), sha256(floor)], styles: ["'self'"], connect: "'self'", images: "'self' data:",
  extra: ["worker-src 'self'", "manifest-src 'self'"],
}))}\n  <meta name="jixiao-version" content="${version}" />`);
await writeFile(indexPath, served);
console.log(`wrote ${join(dist, 'jixiao.html')} (${single.length} bytes), ${join(dist, 'sw.js')} (version ${version}, ${own.length + 1} files) and a CSP for ${indexPath}`);
