// 目标 in the page: a plan filled from blank by keyboard (calm start, a vague target flagged and
// fixed, the funds that do not add up), recorded as declared, a target lowered on the 指标 tab
// (the 已调整 mark, the score against the declared targets), reload, the 申报表 exported and read
// back as the declaration, the next year, axe-core in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serveDist, launch, openPage, newFrom, screenshot, settled, text, downloads } from './helpers.mjs';

const require = createRequire(import.meta.url);
let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`);
}

const field = (page, path) => page.locator(`[id="f:${path}"]`);
const reviewCodes = async (page) => page.getByTestId('review-finding').evaluateAll((b) => b.map((x) => x.dataset.code));

/** Types into the focused control, as a person does, and waits for the page. */
async function type(page, value) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await settled(page);
}

test('a plan from blank by keyboard: calm start, review, declared, lowered, reload, workbook, next year, axe', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { bypassCSP: true });
  await newFrom(page, 'blank');
  await page.getByRole('tab', { name: '目标' }).click();
  await page.getByTestId('review').waitFor();

  // Calm start: what is not written yet is 待填写, not a wall of errors.
  assert.match(await text(page, 'review-to-fill'), /待填写 \d+ 项/);
  assert.deepEqual(await reviewCodes(page), []);
  assert.equal(await page.locator('.field.invalid').count(), 0);

  // The header and the goals, by keyboard.
  await field(page, 'meta/title').focus();
  await type(page, '残疾人职业技能培训');
  await page.keyboard.press('Tab');
  await type(page, '某区残疾人综合服务中心');
  await page.keyboard.press('Tab');
  await type(page, '2026');
  await field(page, 'meta/nature').selectOption('经常性');
  await field(page, 'meta/department').focus();
  await type(page, '某区残疾人联合会');
  await field(page, 'meta/annual_goal').focus();
  await type(page, '培训残疾人60人次以上。');

  // The funds: 120 is not 100 + 10, and the message prints both sums.
  await field(page, 'funds/total').focus();
  await type(page, '120');
  await page.keyboard.press('Tab');
  await type(page, '100');
  await page.keyboard.press('Tab');
  await type(page, '10');
  assert.ok((await reviewCodes(page)).includes('funds-total-mismatch'), (await reviewCodes(page)).join());
  const funds = page.getByTestId('review').locator('[data-code="funds-total-mismatch"]');
  assert.match(await funds.textContent(), /项目资金总额 120 不等于财政资金与其他资金之和 110/);
  // Its button goes to the field.
  await funds.click();
  await settled(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f:funds/total');
  await field(page, 'funds/other').focus();
  await type(page, '20');
  assert.ok(!(await reviewCodes(page)).includes('funds-total-mismatch'));

  // The indicator table: a group, then an indicator in it, typed cell by cell.
  await page.getByRole('button', { name: '＋ 一级指标（分组）' }).click();
  await settled(page);
  const group = page.getByTestId('targets-table').locator('tr.group-row').last();
  await group.locator('input').first().focus();
  await type(page, '产出指标');
  await group.getByRole('button', { name: /添加指标到/ }).click();
  await settled(page);
  const row = page.getByTestId('targets-table').locator('tr.leaf-row').last();
  const id = (await row.getAttribute('data-testid')).replace('target-', '');
  await field(page, `indicators/${id}/name`).focus();
  await type(page, '培训人数');
  // Tab to the kind, Tab to the target: a word where a number belongs.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), `f:indicators/${id}/rule/target`);
  await type(page, '有效提升');
  const vague = page.getByTestId('review').locator('[data-code="vague-target"]');
  await vague.waitFor();
  assert.match(await vague.textContent(), /“有效提升”不可衡量/);
  await type(page, '≥60人次');
  assert.equal(await vague.count(), 0);
  await page.keyboard.press('Tab');
  assert.equal(await field(page, `indicators/${id}/unit`).inputValue(), '人次');
  await page.keyboard.press('Tab');
  await type(page, '100');
  await screenshot(page, 'targets');

  // Recorded as declared; then the target lowered on the 指标 tab.
  await page.getByTestId('declare').click();
  await page.getByTestId('declared-card').waitFor();
  assert.match(await text(page, 'notice'), /记录为申报目标/);
  assert.equal(await page.getByTestId(`changed-${id}`).count(), 0);
  await page.getByRole('tab', { name: '绩效指标' }).click();
  await field(page, `indicators/${id}/rule/target`).focus();
  await type(page, '≥50人次');
  await page.getByRole('tab', { name: '目标' }).click();
  await page.getByTestId(`changed-${id}`).waitFor();
  assert.match(await text(page, 'declared-summary'), /申报后有 1 处调整/);
  await page.getByTestId('declared-score').waitFor();
  assert.match(await text(page, 'declared-changed'), /调整 1 处/);
  const changed = page.getByTestId('review').locator('[data-code="target-changed-since-declared"]');
  assert.match(await changed.first().textContent(), /申报为 ≥60人次，现为 ≥50人次/);

  // Reloaded, the declaration and the mark are still there.
  await page.waitForTimeout(1200);
  await page.reload();
  await page.getByTestId('total').waitFor();
  await page.getByRole('tab', { name: '目标' }).click();
  await page.getByTestId(`changed-${id}`).waitFor();

  // The 申报表 out, and back in as this document's declaration: nothing changed since.
  await mkdir(downloads, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-targets-xlsx').click()]);
  assert.match(download.suggestedFilename(), /绩效目标申报表\.xlsx$/);
  const file = join(downloads, 'targets.xlsx');
  await download.saveAs(file);
  await page.locator('#import-declaration').setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: '读取申报表' }).waitFor();
  assert.match(await text(page, 'notice'), /申报表的 1 个指标已记录为申报目标/);
  assert.equal(await page.getByTestId(`changed-${id}`).count(), 0);
  assert.match(await text(page, 'declared-summary'), /申报后未作调整/);

  // The next year: the same indicator and target, the year moved on, no declaration.
  await page.getByTestId('next-year').click();
  await page.getByTestId('notice').filter({ hasText: '2027' }).waitFor();
  assert.equal(await field(page, 'meta/year').inputValue(), '2027');
  assert.equal(await field(page, `indicators/${id}/rule/target`).inputValue(), '≥50人次');
  await page.getByTestId('not-declared').waitFor();

  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Targets' }).waitFor();
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 申报表 imported from the toolbar opens on the 目标 tab, reviewed', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.locator('#import-form').setInputFiles(join(import.meta.dirname, '..', 'targets', 'flawed.xlsx'));
  await page.getByTestId('notice').filter({ hasText: '绩效目标申报表' }).waitFor();
  await page.getByTestId('review').waitFor();
  const codes = await reviewCodes(page);
  for (const code of ['funds-total-mismatch', 'annual-funds-mismatch', 'vague-target', 'vague-deadline', 'target-placeholder', 'rate-over-100']) {
    assert.ok(codes.includes(code), `${code} in ${codes.join()}`);
  }
  assert.equal(await page.getByRole('tab', { name: '目标' }).getAttribute('aria-selected'), 'true');
  await screenshot(page, 'targets-flawed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a block copied from a 申报表 pasted into the 目标 table fills its cells from there, one undo step', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await newFrom(page, 'kunming-2022');
  await page.getByRole('tab', { name: '目标' }).click();
  await page.getByTestId('review').waitFor();
  const paste = (path, tsv) => page.evaluate(([id, tsv]) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    document.getElementById(id).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [`f:${path}`, tsv]);
  // 年度指标值, 计量单位 and 分值 of three rows, as copied from Excel.
  await paste('indicators/C111/rule/target', '≥5\t期\t5\r\n≥80\t人次\t3\r\n≥2\t期\t3\r\n');
  await settled(page);
  const value = (path) => field(page, path).inputValue();
  assert.deepEqual(
    [await value('indicators/C111/rule/target'), await value('indicators/C111/unit'), await value('indicators/C111/points'),
      await value('indicators/C112/rule/target'), await value('indicators/C112/points'), await value('indicators/C113/rule/target')],
    ['≥5', '期', '5', '≥80', '3', '≥2']);
  // The same targets on the 指标 tab, scored with the pasted 分值: C112's 114 人次 reach ≥80, its 3 points.
  await page.getByRole('tab', { name: '绩效指标' }).click();
  await settled(page);
  assert.equal(await value('indicators/C112/rule/target'), '≥80');
  assert.equal(await text(page, 'score-C112'), '3.00');
  // One undo step takes the whole block back.
  await page.getByRole('button', { name: '撤销' }).click();
  await settled(page);
  assert.equal(await value('indicators/C112/rule/target'), '60');
  assert.equal(await value('indicators/C111/points'), '4');
  assert.deepEqual(errors, []);
  await context.close();
});
