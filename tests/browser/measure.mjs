// Measures the page: bytes of what it loads (raw, gzip, brotli) and the time from navigation to
// the first scored render, in headless Chromium. Not a test: it reports, it asserts nothing.
//   node tests/browser/measure.mjs            (after scripts/build-web)
import { readdir, readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serveDist, launch, dist, root } from './helpers.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// What the served page loads; the single file is reported on its own line.
const files = (await readdir(dist)).filter((f) => ['.wasm', '.js', '.css', '.html'].includes(extname(f)) && f !== 'jixiao.html');
let total = { raw: 0, gzip: 0, br: 0 };
console.log('| file | raw | gzip -9 | brotli |\n|---|---|---|---|');
for (const f of files.sort()) {
  const body = await readFile(join(dist, f));
  const size = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += size[k];
  console.log(`| ${f.replace(/-[0-9a-f]{12,16}(?=[._])/, '')} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.br)} |`);
}
console.log(`| page total | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.br)} |`);
// The module fetched after the first load: the form reader (on the first workbook import).
for (const [folder, when] of [['reader', 'on first form import']]) {
  const size = { raw: 0, gzip: 0, br: 0 };
  for (const f of await readdir(join(dist, folder))) {
    const body = await readFile(join(dist, folder, f));
    size.raw += body.length;
    size.gzip += gzipSync(body, { level: 9 }).length;
    size.br += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`| ${folder}/ (${when}) | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.br)} |`);
}
const single = await readFile(join(dist, 'jixiao.html'));
console.log(`| jixiao.html (single file) | ${kb(single.length)} | ${kb(gzipSync(single, { level: 9 }).length)} | ${kb(brotliCompressSync(single, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)} |\n`);

const server = await serveDist();
const browser = await launch();
const kunming = await readFile(join(root, 'tests/data/kunming-2022.json'), 'utf8');
const runs = 15;
for (const [label, saved] of [['first visit (standard template)', null], ['saved Kunming example', kunming]]) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    if (saved) await context.addInitScript((text) => localStorage.setItem('jixiao/1:autosave', text), saved);
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelector('[data-testid=total]')?.textContent.length > 0);
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`navigation → first scored render, ${label}: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms (${runs} runs)`);
}
await browser.close();
await server.close();
