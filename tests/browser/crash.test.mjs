// If the page ever panics: a banner in Chinese and English in place of a dead page, nothing
// half-applied is saved, and a reload brings back the work from before. The panic is triggered by
// a build with the `panic-test` feature (dist-panic-test/, made by scripts/test-browser), where
// importing a file named *panic-test* panics; the normal build has no such trigger.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { serveDist, launch, openPage, newFrom, screenshot, text, root } from './helpers.mjs';

const panicDist = join(root, 'dist-panic-test');
let browser, server, panicServer;
before(async () => {
  assert.ok(existsSync(join(panicDist, 'index.html')), 'scripts/test-browser builds dist-panic-test/');
  browser = await launch();
  server = await serveDist();
  panicServer = await serveDist(panicDist);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await panicServer?.close();
});

const file = (name) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'jixiao/1', meta: { title: '导入的文件' }, indicators: [] })),
});

async function typeTitle(page, value) {
  const input = page.locator('[id="f:meta/title"]');
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(value);
}

test('a panic shows a banner, saves nothing half-applied, and a reload brings the work back', async () => {
  const { page, context } = await openPage(browser, panicServer.url);
  await newFrom(page, 'kunming-2022');
  await typeTitle(page, '崩溃前的工作');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('jixiao/1:autosave')).meta.title === '崩溃前的工作');
  await page.locator('#import-file').setInputFiles(file('panic-test.json'));
  const banner = page.getByTestId('crash');
  await banner.waitFor();
  const words = await banner.textContent();
  assert.match(words, /页面出错了/);
  assert.match(words, /Something went wrong/);
  assert.match(words, /重新载入/);
  assert.equal(await page.locator('.page').getAttribute('aria-hidden'), 'true');
  await screenshot(page, 'crash-banner');
  // Typing into the dead page changes nothing that is kept.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('jixiao/1:autosave')).meta.title);
  assert.equal(saved, '崩溃前的工作', 'the imported file was not saved');
  await Promise.all([page.waitForEvent('load'), page.getByTestId('crash-reload').click()]);
  await page.getByTestId('total').waitFor();
  assert.equal(await page.getByTestId('crash').count(), 0);
  assert.equal(await page.locator('[id="f:meta/title"]').inputValue(), '崩溃前的工作');
  assert.equal(await text(page, 'total'), '92.00');
  await context.close();
});

test('the normal build has no panic trigger', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.locator('#import-file').setInputFiles(file('panic-test.json'));
  await page.getByTestId('notice').filter({ hasText: '已导入' }).waitFor();
  assert.equal(await page.getByTestId('crash').count(), 0);
  assert.equal(await page.locator('[id="f:meta/title"]').inputValue(), '导入的文件');
  assert.deepEqual(errors, []);
  await context.close();
});
