// Imported text is shown as text; oversized and absurdly nested files are refused with a message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, screenshot, text, dist } from './helpers.mjs';

const fileUrl = pathToFileURL(join(dist, 'jixiao.html')).href;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const attacks = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  'javascript:window.__pwned = "link"',
  '"><svg onload="window.__pwned = \'svg\'">',
  '{{ __proto__ }} ${alert(1)}',
];

function hostileDocument() {
  const [a, b, c, d, e] = attacks;
  return {
    format: 'jixiao/1',
    meta: { title: a, unit: b, year: c, money_unit: d, date: e },
    budget: [{ id: 'b1', name: a, planned: '10', spent: '9', note: b }],
    surveys: [{ id: 's1', name: c, respondents: 2, options: [{ label: d, weight: '100' }, { label: a, weight: '0' }],
      questions: [{ id: 'q1', text: b, counts: [1, 1] }] }],
    indicators: [{ id: 'G', name: a, children: [
      { id: 'L1', name: b, points: '50', reason: c, unit: d, rule: { kind: 'at_least', target: '10', actual: e } },
      { id: 'L2', name: e, points: '50', reason: a, rule: { kind: 'satisfaction', survey: 's1', target: '90' } },
    ] }],
  };
}

async function openWithImport(body, name = 'import.json') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const dialogs = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(fileUrl);
  await page.getByTestId('total').waitFor();
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  await page.getByTestId('notice').filter({ hasText: name }).waitFor();
  return { context, page, requests, dialogs };
}

test('a file full of script injections runs nothing and shows the strings as text', async () => {
  const { context, page, requests, dialogs } = await openWithImport(JSON.stringify(hostileDocument()), 'hostile.json');
  assert.equal(await page.locator('[id="f:meta/title"]').inputValue(), attacks[0]);
  assert.equal(await page.locator('[id="f:indicators/L1/reason"]').inputValue(), attacks[2]);
  assert.match(await page.locator('.results').textContent(), /<script>window.__pwned = "script"<\/script>/, 'a group name is shown as text');
  for (const tabName of ['预算明细', '满意度调查', '设置', '绩效指标']) {
    await page.getByRole('tab', { name: tabName }).click();
  }
  await page.getByRole('tab', { name: '预算明细' }).click();
  assert.equal(await page.locator('[id="f:budget/b1/name"]').inputValue(), attacks[0]);
  assert.equal(await page.locator('[id="f:budget/b1/note"]').inputValue(), attacks[1]);
  await page.getByRole('tab', { name: '满意度调查' }).click();
  assert.equal(await page.locator('[id="f:surveys/s1/options/1/label"]').inputValue(), attacks[0]);
  assert.equal(await page.locator('[id="f:surveys/s1/questions/q1/text"]').inputValue(), attacks[1]);
  await screenshot(page, 'hostile-import');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.locator('img[src="x"], svg[onload], a[href^="javascript:"]').count(), 0);
  assert.deepEqual(requests.filter((u) => u !== fileUrl && !u.startsWith('data:')), []);
  await context.close();
});

test('an oversized file is refused unread, the work untouched', async () => {
  const big = '{"format": "jixiao/1", "meta": {"title": "' + 'x'.repeat(9 * 1024 * 1024) + '"}}';
  const { context, page } = await openWithImport(big, 'big.json');
  assert.match(await text(page, 'notice'), /过大（上限 8 MiB）/);
  assert.equal(await page.locator('[id="f:meta/title"]').inputValue(), '');
  await context.close();
});

test('an absurdly nested file is refused with a message, not a frozen tab', async () => {
  const depth = 50_000;
  const nested = '{"format": "jixiao/1", "indicators": ' + '[{"id": "g", "children": '.repeat(depth) + '[]}]'.repeat(depth) + '}';
  const { context, page } = await openWithImport(nested, 'deep.json');
  assert.match(await text(page, 'notice'), /嵌套过深/);
  assert.match(await text(page, 'notice'), /当前内容未改动/);
  // The page still answers.
  await page.getByRole('tab', { name: '预算明细' }).click();
  assert.equal(await page.getByRole('tab', { name: '预算明细' }).getAttribute('aria-selected'), 'true');
  await context.close();
});
