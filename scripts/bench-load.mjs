// Start-up as users feel it: navigation to the first scored result with the Kunming example
// saved, cold cache, each build served gzip-compressed (level 6, like a common nginx setup),
// unthrottled and at 10 Mbit/s with 40 ms round trips (Chromium's network emulation), the builds
// interleaved run by run; and what a visit has fetched 5 s after navigation. With --trace, one
// start-up of the newest build broken down (fetch, compile and instantiate, reading and scoring
// the saved work, first render). Not a test: it reports, it asserts nothing.
//   node scripts/bench-load.mjs [--runs N] [--trace] NAME=DIST [NAME=DIST ...]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, root } from '../tests/browser/helpers.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const trace = args.includes('--trace');
const builds = args.filter((a) => a.includes('=')).map((a) => {
  const [name, folder] = a.split('=');
  return { name, folder: resolve(folder) };
});
if (builds.length === 0) builds.push({ name: 'dist', folder: join(root, 'dist') });

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const compressed = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest']);

/** Serves `folder` compressed as a web server would, each file compressed once. */
async function serve(folder) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(folder)) { res.writeHead(403).end(); return; }
    try {
      if (!cache.has(file)) {
        const body = await readFile(file);
        const gzip = compressed.has(extname(file)) && /gzip/.test(req.headers['accept-encoding'] ?? '');
        cache.set(file, { body: gzip ? gzipSync(body, { level: 6 }) : body, gzip });
      }
      const { body, gzip } = cache.get(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        'cache-control': 'no-cache',
      }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

const kunming = await readFile(join(root, 'tests/data/kunming-2022.json'), 'utf8');
const throttles = [
  { name: 'unthrottled', conditions: null },
  { name: '10 Mbit/s, 40 ms', conditions: { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 } },
];

/** One cold visit: ms to the first scored result, and bytes received in the first 5 s. */
async function visit(browser, url, conditions, { traced = false } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript((text) => {
    localStorage.setItem('jixiao/1:autosave', text);
    // When the page's module is compiled and instantiated (wasm-bindgen's loader).
    const wrap = (name) => {
      const original = WebAssembly[name];
      if (!original) return;
      WebAssembly[name] = function (...a) {
        const start = performance.now();
        return original.apply(this, a).then((r) => {
          (window.__jixiaoWasm ??= []).push({ name, start, end: performance.now() });
          return r;
        });
      };
    };
    ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile'].forEach(wrap);
  }, kunming);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
  const received = [];
  cdp.on('Network.dataReceived', (e) => received.push({ at: e.timestamp, bytes: e.encodedDataLength }));
  cdp.on('Network.loadingFinished', (e) => received.push({ at: e.timestamp, bytes: 0, finished: true }));
  let navigationStart = null;
  cdp.on('Network.requestWillBeSent', (e) => { navigationStart ??= e.timestamp; });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('[data-testid=total]')?.textContent === '92.00', null, { timeout: 60000, polling: 'raf' });
  const shown = await page.evaluate(() => performance.now());
  let breakdown = null;
  if (traced) {
    breakdown = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource').map((r) => ({
        name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize,
      }));
      const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
      return { html: { start: nav.requestStart, end: nav.responseEnd }, domInteractive: nav.domInteractive, resources, wasm: window.__jixiaoWasm ?? [], marks };
    });
  }
  // What the visit has fetched 5 s after it began (the page keeps running meanwhile).
  await page.waitForTimeout(Math.max(0, 5000 - shown));
  const until = (navigationStart ?? 0) + 5;
  const bytes = received.filter((r) => r.at <= until).reduce((sum, r) => sum + r.bytes, 0);
  await context.close();
  return { shown, bytes, breakdown };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const servers = await Promise.all(builds.map((b) => serve(b.folder)));
const browser = await launch();
const results = new Map();
for (const throttle of throttles) {
  for (let run = 0; run < runs; run++) {
    for (const [i, build] of builds.entries()) {
      const r = await visit(browser, servers[i].url, throttle.conditions);
      const key = `${throttle.name}|${build.name}`;
      if (!results.has(key)) results.set(key, []);
      results.get(key).push(r);
    }
  }
}
console.log(`| network | build | first scored result, median (min–max) of ${runs} | fetched in the first 5 s (median) |`);
console.log('|---|---|---|---|');
for (const throttle of throttles) {
  for (const build of builds) {
    const rs = results.get(`${throttle.name}|${build.name}`);
    const times = rs.map((r) => r.shown);
    console.log(`| ${throttle.name} | ${build.name} | ${median(times).toFixed(0)} ms (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}) | ${(median(rs.map((r) => r.bytes)) / 1024).toFixed(1)} KB |`);
  }
}

if (trace) {
  const build = builds.at(-1);
  const { shown, breakdown: b } = await visit(browser, servers.at(-1).url, null, { traced: true });
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`\nStart-up of ${build.name}, unthrottled (ms after navigation):`);
  console.log(`- index.html fetched: ${ms(b.html.start)}–${ms(b.html.end)}; DOM interactive ${ms(b.domInteractive)}`);
  for (const r of b.resources) console.log(`- ${r.name} fetched: ${ms(r.start)}–${ms(r.end)} (${(r.bytes / 1024).toFixed(1)} KB on the wire)`);
  for (const w of b.wasm) console.log(`- WebAssembly.${w.name} (fetch of the rest of the module, compile, instantiate): ${ms(w.start)}–${ms(w.end)}`);
  for (const [name, at] of Object.entries(b.marks).sort((x, y) => x[1] - y[1])) console.log(`- ${name}: ${ms(at)}`);
  console.log(`- first scored result shown: ${ms(shown)}`);
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));
