// Never loses work: random edits with reloads in between, a full localStorage, two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launch, openPage, newFrom, text, downloads } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The document as exported, without the derived results. */
async function exported(page) {
  await mkdir(downloads, { recursive: true });
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const path = join(downloads, 'safety.json');
  await d.saveAs(path);
  const doc = JSON.parse(await readFile(path, 'utf8'));
  delete doc.results;
  return doc;
}

/** A small deterministic random generator, so a failure can be replayed. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

test('hundreds of random edits with reloads in between lose nothing', async () => {
  const { page, context } = await openPage(browser, server.url);
  await newFrom(page, 'kunming-2022');
  const random = rng(20261125);
  const tabs = ['预算明细', '绩效指标', '满意度调查', '设置'];
  const values = ['0', '1', '12.5', '1,234.5', '84.27%', '６３', '', 'abc', '-3', '99999', '改了', '2022-12-01'];
  let edits = 0;
  for (let round = 0; round < 12; round++) {
    await page.getByRole('tab', { name: tabs[round % tabs.length] }).click();
    const inputs = page.locator('#panel input[type=text][id^="f:"], #panel textarea[id^="f:"]');
    for (let i = 0; i < 25; i++) {
      // Counted again each time: a written target (a date, words) changes the rule and its fields.
      const count = await inputs.count();
      const input = inputs.nth(Math.floor(random() * count));
      await input.fill(values[Math.floor(random() * values.length)]);
      edits++;
    }
    if (round % 3 === 2) {
      // Structural edits too: add a line, a question, an indicator.
      await page.getByRole('tab', { name: '预算明细' }).click();
      await page.getByRole('button', { name: '＋ 添加预算明细' }).click();
      edits++;
    }
    const before = await exported(page);
    const total = await text(page, 'total');
    await page.reload();
    await page.getByTestId('total').waitFor();
    assert.equal(await text(page, 'total'), total, `round ${round}`);
    assert.deepEqual(await exported(page), before, `round ${round}: the reloaded document is the one before`);
  }
  assert.ok(edits >= 300, `${edits} edits`);
  await context.close();
});

test('a full localStorage is reported and nothing already saved is lost', async () => {
  const { page, context } = await openPage(browser, server.url);
  await newFrom(page, 'kunming-2022');
  const saved = await page.evaluate(() => localStorage.getItem('jixiao/1:autosave'));
  assert.equal(JSON.parse(saved).format, 'jixiao/1');
  // Fill the rest of the quota.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1024 * 1024);
    let n = 0;
    while (chunk.length > 16) {
      try { localStorage.setItem(`filler-${n++}`, chunk); } catch { chunk = chunk.slice(0, chunk.length / 2); }
    }
    return n;
  });
  assert.ok(filled > 0);
  // An edit that makes the document larger cannot be saved.
  const title = page.locator('[id="f:meta/title"]');
  await title.fill('一个更长的项目名称'.repeat(40));
  const notice = page.getByTestId('notice');
  await notice.filter({ hasText: '浏览器拒绝保存' }).waitFor();
  assert.match(await notice.textContent(), /请导出 JSON/);
  assert.equal(await page.evaluate(() => localStorage.getItem('jixiao/1:autosave')), saved, 'the last good save is intact');
  // Space again: the next edit saves.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k); });
  await title.fill('有空间了');
  await page.waitForFunction(() => localStorage.getItem('jixiao/1:autosave').includes('有空间了'));
  await context.close();
});

test('two tabs: the last save wins, and the other tab is warned', async () => {
  const { page: a, context } = await openPage(browser, server.url);
  await newFrom(a, 'kunming-2022');
  const b = await context.newPage();
  await b.goto(server.url);
  await b.getByTestId('total').waitFor();
  assert.equal(await text(b, 'total'), '92.00', 'the second tab opens the saved work');
  await a.locator('[id="f:meta/title"]').fill('甲标签页');
  await b.getByTestId('notice').filter({ hasText: '另一个标签页刚刚修改' }).waitFor();
  await b.locator('[id="f:meta/title"]').fill('乙标签页');
  await a.getByTestId('notice').filter({ hasText: '另一个标签页刚刚修改' }).waitFor();
  const stored = await a.evaluate(() => JSON.parse(localStorage.getItem('jixiao/1:autosave')).meta.title);
  assert.equal(stored, '乙标签页', 'last write wins');
  await a.reload();
  await a.getByTestId('total').waitFor();
  assert.equal(await a.locator('[id="f:meta/title"]').inputValue(), '乙标签页', 'reloading takes the other tab\'s version');
  await context.close();
});
