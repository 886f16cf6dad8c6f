// Share links that carry the document (#d=…), and the served page working offline: a link round
// trip into a new browser context (the same scores, the fragment never sent), the prompt and
// undo, a long link's note, the single file's links, the page reloaded with its server stopped,
// and the notice after a rebuild.
//   scripts/build-web && node --test tests/browser/share.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { serveDist, launch, openPage, newFrom, text, settled, screenshot, dist, root } from './helpers.mjs';
import { largeDocument } from './measure-keystroke.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser.close();
  await server.close();
});

/** Makes a share link on `page` and returns it. */
async function shareLink(page) {
  await page.getByTestId('share-button').click();
  const link = page.getByTestId('share-link');
  await link.waitFor();
  return link.inputValue();
}

/** Opens `url` in a fresh context (its own storage), recording every request's URL. */
async function openFresh(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.getByTestId('total').waitFor();
  return { context, page, requests, errors };
}

test('a share link opens the same document in another browser, after asking, and undo restores', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await newFrom(page, 'kunming-2022');
  await page.locator('[id="f:indicators/C112/rule/actual"]').fill('30');
  await settled(page);
  assert.equal(await text(page, 'total'), '90.00');
  const link = await shareLink(page);
  assert.ok(link.startsWith(`${server.url}#d=`), link.slice(0, 60));
  assert.match(link.slice(link.indexOf('#d=') + 3), /^[A-Za-z0-9_-]+$/, 'base64url');
  assert.match(await page.getByTestId('share').textContent(), /已复制分享链接|分享链接（请复制）/);
  console.log(`Kunming example (C112 changed): share link ${link.length} characters`);
  await screenshot(page, 'share-link');

  // Someone else opens it, with their own work in the browser.
  const other = await openFresh(server.url);
  await newFrom(other.page, 'standard');
  await other.page.locator('[id="f:meta/title"]').fill('我自己的工作');
  other.requests.length = 0;
  await other.page.goto(link);
  await other.page.getByTestId('link-offer').waitFor();
  assert.match(await other.page.getByTestId('link-offer').textContent(), /打开链接中的文档？/);
  assert.equal(await other.page.locator('[id="f:meta/title"]').inputValue(), '我自己的工作', 'nothing replaced before the answer');
  await screenshot(other.page, 'share-offer');
  await other.page.getByTestId('link-open').click();
  assert.equal(await text(other.page, 'total'), '90.00');
  assert.equal(await text(other.page, 'grade'), '优');
  assert.equal(await other.page.locator('[id="f:indicators/C112/rule/actual"]').inputValue(), '30');
  assert.ok(!other.page.url().includes('#d='), 'the fragment is dropped once read');
  for (const url of other.requests) assert.ok(!url.includes('#') && !url.includes(link.slice(link.indexOf('#d=') + 3, link.indexOf('#d=') + 40)), `no request carries the document: ${url}`);
  // Undo brings their own work back.
  await other.page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await other.page.locator('[id="f:meta/title"]').inputValue(), '我自己的工作');
  // Declining keeps the work.
  await other.page.goto(link);
  await other.page.getByTestId('link-keep').click();
  assert.equal(await other.page.locator('[id="f:meta/title"]').inputValue(), '我自己的工作');
  // A cut link says so and changes nothing.
  await other.page.goto(link.slice(0, Math.floor(link.length * 0.6)));
  await other.page.getByTestId('notice').filter({ hasText: '链接不完整或已损坏' }).waitFor();
  assert.equal(await other.page.locator('[id="f:meta/title"]').inputValue(), '我自己的工作');
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
  await context.close();
});

test('a link longer than 8,000 characters still works, with a note that a file is safer', async () => {
  const big = largeDocument();
  big.indicators = big.indicators.slice(0, 2);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((t) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('jixiao/1:autosave', t); sessionStorage.setItem('seeded', '1'); } }, JSON.stringify(big));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('total').waitFor();
  const total = await text(page, 'total');
  const link = await shareLink(page);
  assert.ok(link.length > 8000, `${link.length} characters`);
  await page.getByTestId('share-long').waitFor();
  const other = await openFresh(link);
  await other.page.getByTestId('link-open').click();
  assert.equal(await text(other.page, 'total'), total);
  await other.context.close();
  await context.close();
});

test('the single file makes and opens the same links', async () => {
  const file = pathToFileURL(join(dist, 'jixiao.html')).href;
  const first = await openFresh(file);
  await newFrom(first.page, 'kunming-2022');
  const link = await shareLink(first.page);
  assert.ok(link.startsWith(`${file}#d=`));
  const second = await openFresh(link);
  await second.page.getByTestId('link-open').click();
  assert.equal(await text(second.page, 'total'), '92.00');
  assert.deepEqual([...first.errors, ...second.errors], []);
  await first.context.close();
  await second.context.close();
});

/** Serves a copy of dist/ (to be stopped or rebuilt by the test). */
async function servedCopy() {
  const folder = await mkdtemp(join(tmpdir(), 'jixiao-dist-'));
  await cp(dist, folder, { recursive: true });
  return { folder, server: await serveDist(folder) };
}

const workerReady = (page) => page.evaluate(async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
  }
  return true;
});

test('the served page installs, and after the first visit opens and works with the server stopped', async () => {
  const { folder, server: own } = await servedCopy();
  const { page, context, errors } = await openFresh(own.url);
  assert.equal(await page.locator('link[rel=manifest]').count(), 1);
  const manifest = await (await page.request.get(`${own.url}manifest.webmanifest`)).json();
  assert.equal(manifest.name, '绩效自评计算器 jixiao');
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
  await newFrom(page, 'kunming-2022');
  await workerReady(page);
  await own.close();
  // Server gone: the page still opens, scores, and rescores what is typed.
  await page.reload();
  await page.getByTestId('total').waitFor();
  assert.equal(await text(page, 'total'), '92.00');
  await page.locator('[id="f:indicators/C112/rule/actual"]').fill('30');
  await settled(page);
  assert.equal(await text(page, 'total'), '90.00');
  // A new tab too.
  const second = await context.newPage();
  await second.goto(own.url);
  await second.getByTestId('total').waitFor();
  assert.equal(await text(second, 'total'), '90.00');
  assert.deepEqual(errors, []);
  await context.close();
  await rm(folder, { recursive: true });
});

test('after a rebuild the next load runs the new version and says so', async () => {
  const { folder, server: own } = await servedCopy();
  const { page, context } = await openFresh(own.url);
  await workerReady(page);
  const before = await page.locator('meta[name=jixiao-version]').getAttribute('content');
  // A rebuild: the same files re-bundled as another version.
  execFileSync('node', [join(root, 'scripts/bundle-single-file.mjs'), folder], { env: { ...process.env, JIXIAO_BUILD_SALT: 'rebuilt' } });
  await page.reload();
  await page.getByTestId('total').waitFor();
  const after = await page.locator('meta[name=jixiao-version]').getAttribute('content');
  assert.notEqual(after, before);
  await page.getByTestId('notice').filter({ hasText: '已更新到新版本' }).waitFor();
  await context.close();
  await own.close();
  await rm(folder, { recursive: true });
});
