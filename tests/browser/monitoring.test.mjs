// 监控 in the page: a calm start, a round added by its month end, spending and values typed in
// (the lights in colour and in words, 执行进度 against 序时进度), the forecast beside the year-end
// score, undo, reload, the monitoring workbook exported and read back into the round, axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { serveDist, launch, openPage, newFrom, screenshot, settled, text, downloads } from './helpers.mjs';

const require = createRequire(import.meta.url);
let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

async function retype(page, id, value) {
  const input = page.locator(`[id="f:${id}"]`);
  await input.click();
  await input.press('Control+A');
  if (value === '') await input.press('Backspace');
  else await input.pressSequentially(value);
  await settled(page);
}

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`);
}

const light = (page, id) => page.getByTestId(`light-${id}`).getAttribute('data-light');

test('a round: calm start, lights and forecast as typed, undo, reload, the workbook out and back in, axe', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { bypassCSP: true });
  await newFrom(page, 'kunming-2022');
  const findingsBefore = await text(page, 'finding-counts');
  await page.getByRole('tab', { name: '监控' }).click();
  await page.getByTestId('no-round').waitFor();
  assert.equal(await page.getByTestId('forecast').count(), 0, 'no round, no forecast');

  // The month ends of the document's year are offered first.
  const offered = await page.locator('[data-testid="round-add"] option').allTextContents();
  assert.ok(offered.includes('7月31日（1-7月）'), offered.join(' | '));
  await page.getByTestId('round-add').selectOption('2022-07-31');
  await page.getByTestId('round-line').waitFor();
  assert.equal(await text(page, 'time-progress'), '58.33%');
  // An empty round is calm: no light, no new finding.
  assert.equal(await light(page, 'C111'), 'none');
  assert.equal(await light(page, 'budget'), 'none');
  assert.equal(await text(page, 'finding-counts'), findingsBefore);
  await page.getByTestId('forecast-total').waitFor();

  // 1 of 3 by 31 July: the standard is 1.75, 57.14% of it: red, said in words too.
  await retype(page, 'monitoring/2022-07-31/indicators/C111/value', '1');
  assert.equal(await light(page, 'C111'), 'red');
  assert.equal(await text(page, 'light-C111'), '红灯');
  await retype(page, 'monitoring/2022-07-31/indicators/C111/value', '2');
  assert.equal(await light(page, 'C111'), 'green');
  // A red light without a reason is a finding; a cause explains it.
  await retype(page, 'monitoring/2022-07-31/indicators/C112/value', '10');
  assert.equal(await light(page, 'C112'), 'red');
  await page.locator('[data-code="light-unexplained"]').first().waitFor();
  await page.getByTestId('cause-C112-funding').check();
  await settled(page);
  assert.equal(await page.locator('[data-code="light-unexplained"]').count(), 0);

  // Spending to date against time, over the lines reported: 30 of 64.53 is 46.49%, 79.7% of
  // 58.33%: yellow.
  await retype(page, 'monitoring/2022-07-31/budget/b3/spent', '30');
  assert.equal(await text(page, 'execution-progress'), '执行进度 46.49%');
  assert.equal(await light(page, 'budget'), 'yellow');

  // The forecast beside the year-end score: 新增就业人数 forecast at 5 of 10 loses points.
  const yearEnd = await text(page, 'total');
  await retype(page, 'monitoring/2022-07-31/indicators/C21/forecast', '5');
  const forecast = await text(page, 'forecast-total');
  assert.notEqual(forecast, yearEnd);
  assert.match(await text(page, 'forecast-lost'), /新增就业人数/);
  await screenshot(page, 'monitoring');

  // Undo takes the last value back.
  await page.keyboard.press('Control+z');
  await settled(page);
  assert.equal(await page.locator('[id="f:monitoring/2022-07-31/indicators/C21/forecast"]').inputValue(), '');

  // Reloaded, the round is still there (the autosave carries rounds).
  await page.waitForTimeout(1200);
  await page.reload();
  await page.getByTestId('total').waitFor();
  await page.getByRole('tab', { name: '监控' }).click();
  await page.getByTestId('round-line').waitFor();
  assert.equal(await page.locator('[id="f:monitoring/2022-07-31/indicators/C111/value"]').inputValue(), '2');
  assert.equal(await light(page, 'C112'), 'red');

  // The monitoring workbook: exported, then read back into the open document's round.
  await mkdir(downloads, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-monitor-xlsx').click()]);
  assert.match(download.suggestedFilename(), /执行监控表2022-07-31\.xlsx$/);
  const file = join(downloads, 'monitoring.xlsx');
  await download.saveAs(file);
  await retype(page, 'monitoring/2022-07-31/indicators/C111/value', '');
  assert.equal(await light(page, 'C111'), 'none');
  await page.locator('#import-form').setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: '读取执行监控表' }).waitFor();
  assert.match(await text(page, 'notice'), /截至 2022-07-31）已替换原有轮次/);
  assert.equal(await page.locator('[id="f:monitoring/2022-07-31/indicators/C111/value"]').inputValue(), '2');
  assert.equal(await light(page, 'C112'), 'red');
  assert.ok(await page.getByTestId('cause-C112-funding').isChecked());
  assert.equal(await text(page, 'total'), yearEnd, 'the year-end figures are untouched');

  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await text(page, 'light-C112'), 'red');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted block fills the round; the report, the JSON file and a share link carry the round', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await newFrom(page, 'kunming-2022');
  await page.getByRole('tab', { name: '监控' }).click();
  await page.getByTestId('round-add').selectOption('2022-09-30');
  await page.getByTestId('round-line').waitFor();
  // Two rows by three cells copied from a spreadsheet: value, forecast, likelihood.
  const first = page.locator('[id="f:monitoring/2022-09-30/indicators/C111/value"]');
  await first.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '1\t3\t有可能\n30\t70\t确定能');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await settled(page);
  assert.equal(await first.inputValue(), '1');
  assert.equal(await page.locator('[id="f:monitoring/2022-09-30/indicators/C111/forecast"]').inputValue(), '3');
  assert.equal(await page.locator('[id="f:monitoring/2022-09-30/indicators/C111/likelihood"]').inputValue(), 'possible');
  assert.equal(await page.locator('[id="f:monitoring/2022-09-30/indicators/C112/value"]').inputValue(), '30');
  assert.equal(await page.locator('[id="f:monitoring/2022-09-30/indicators/C112/likelihood"]').inputValue(), 'certain');
  // 1 of 3 by 30 September (t = 9/12): 44.44% of the standard, red; 30 of 60: 66.67%, yellow.
  assert.equal(await light(page, 'C111'), 'red');
  assert.equal(await light(page, 'C112'), 'yellow');

  // The report's drafted text has the monitoring part.
  await page.getByRole('tab', { name: '报告' }).click();
  const report = page.locator('.report').first();
  await report.getByText('六、绩效运行监控情况').first().waitFor();
  assert.match(await report.textContent(), /截至2022年9月30日（序时进度75.00%）/);

  // The JSON file carries the round.
  await mkdir(downloads, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const file = join(downloads, 'monitored.json');
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.monitoring[0].as_of, '2022-09-30');
  assert.equal(saved.monitoring[0].indicators.C112.value, '30');

  // So does a share link, opened in another browser.
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await openPage(browser, server.url);
  await other.page.goto(link);
  await other.page.getByTestId('link-open').click();
  await other.page.getByRole('tab', { name: '监控' }).click();
  assert.equal(await other.page.locator('[id="f:monitoring/2022-09-30/indicators/C112/value"]').inputValue(), '30');
  assert.equal(await light(other.page, 'C111'), 'red');
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
  await context.close();
});
