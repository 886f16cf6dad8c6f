// 情景 and 需要多少 in the page: a scenario recorded from edits beside the base, and goal seeking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, newFrom, screenshot, text } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function retype(page, id, value) {
  const input = page.locator(`[id="f:${id}"]`);
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(value);
}

/** Kunming, a scenario being recorded, and C112's actual value changed to 45 in it. */
async function recordingWithC112At45() {
  const opened = await openPage(browser, server.url);
  const { page } = opened;
  await newFrom(page, 'kunming-2022');
  await page.getByRole('tab', { name: '情景' }).click();
  await page.getByTestId('start-scenario').click();
  await page.getByTestId('recording').waitFor();
  await page.getByRole('tab', { name: '绩效指标' }).click();
  await retype(page, 'indicators/C112/rule/actual', '45');
  return opened;
}

test('a scenario made from edits shows beside the base with its deltas', async () => {
  const { page, context, errors } = await recordingWithC112At45();
  await page.getByRole('tab', { name: '预算明细' }).click();
  await retype(page, 'budget/b3/spent', '61.549146');
  assert.equal(await text(page, 'total'), '91.00');
  await page.getByRole('button', { name: '去保存' }).click();
  await page.locator('#scenario-name').fill('只花 80 万元');
  await page.getByTestId('save-scenario').click();
  // The base is back; the scenario sits beside it.
  assert.equal(await text(page, 'total'), '92.00');
  const table = page.getByTestId('scenario-table');
  const totalRow = await table.locator('tbody tr').first().textContent();
  assert.match(totalRow, /总分\s*92\.00\s*91\.00/);
  assert.match(await table.textContent(), /82\.17%/);
  const changes = await page.getByTestId('scenario-changes').textContent();
  assert.match(changes, /总分变化 -1\.00/);
  assert.match(changes, /指标 C112“参加残疾人职业技能培训的残疾人数”的实际完成值\s*114\s*45\s*-1\.00/);
  assert.match(changes, /预算明细第3行“残疾人职业技能培训”的执行数\s*63\.6\s*61\.549146\s*0\.00/);
  await screenshot(page, 'scenarios');
  // Rename, then apply it to the base.
  await page.getByRole('textbox', { name: '情景名称 1' }).fill('方案甲');
  assert.match(await page.getByTestId('scenario-changes').textContent(), /方案甲/);
  await page.getByRole('button', { name: '把情景应用到基准 方案甲' }).click();
  assert.equal(await text(page, 'total'), '91.00');
  assert.equal(await page.getByTestId('scenario-table').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a recording can be discarded, a scenario deleted, and the deletion undone', async () => {
  const { page, context, errors } = await recordingWithC112At45();
  assert.equal(await text(page, 'total'), '91.00');
  await page.getByRole('button', { name: '去保存' }).click();
  assert.match(await page.locator('.scenario-save').textContent(), /已修改 1 处/);
  await page.getByRole('button', { name: '放弃修改' }).click();
  assert.equal(await text(page, 'total'), '92.00');
  assert.equal(await page.getByTestId('recording').count(), 0);

  await page.getByTestId('start-scenario').click();
  await page.getByRole('tab', { name: '绩效指标' }).click();
  await retype(page, 'indicators/C112/rule/actual', '45');
  await page.getByRole('button', { name: '去保存' }).click();
  await page.locator('#scenario-name').fill('甲');
  await page.getByTestId('save-scenario').click();
  await page.getByTestId('scenario-table').waitFor();
  await page.getByRole('button', { name: '删除情景 甲' }).click();
  assert.equal(await page.getByTestId('scenario-table').count(), 0);
  await page.keyboard.press('Control+Z');
  await page.getByTestId('scenario-table').waitFor();
  assert.match(await page.getByTestId('scenario-table').textContent(), /91\.00/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('需要多少 on a field finds the value and applies it', async () => {
  const { page, context } = await openPage(browser, server.url);
  await newFrom(page, 'kunming-2022');
  await page.getByRole('tab', { name: '预算明细' }).click();
  await page.getByTestId('seek-budget/b3/spent').click();
  assert.equal(await page.getByRole('tab', { name: '情景' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#seek-path').inputValue(), 'budget/b3/spent');
  assert.equal(await text(page, 'seek-value'), '69.174046');
  assert.match(await text(page, 'seek-answer'), /至少需要 69\.174046（精确求解）/);
  await screenshot(page, 'seek');
  await page.locator('#seek-goal').selectOption('total');
  await page.locator('#seek-total').fill('99');
  assert.match(await text(page, 'seek-answer'), /无法达到/);
  await page.locator('#seek-goal').selectOption('full');
  await page.getByTestId('seek-apply').click();
  assert.equal(await text(page, 'total'), '93.00');
  assert.equal(await text(page, 'execution-rate'), '90.00%');
  // 失分分析: most lost first.
  const lost = await page.getByTestId('lost-points').locator('tbody tr').allTextContents();
  assert.match(lost[0], /残疾人平等参与社会的能力和水平提高.*4\.00/);
  await context.close();
});
