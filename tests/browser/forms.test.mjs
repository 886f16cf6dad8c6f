// Forms in the page: 导入 Excel reads a 自评表 through the reader module (loaded on first use),
// with a summary and undo; cells pasted from a spreadsheet become rows; typing `≤26万元` into
// 年度指标值 sets the rule, target and unit at once; the single file reads forms too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, openPage, newFrom, screenshot, text, root, dist } from './helpers.mjs';

const forms = join(root, 'tests/forms');
let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

test('导入 Excel reads a form with the reader loaded only then, and undo brings the work back', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const before = await text(page, 'total');
  assert.ok(!requests.some((p) => p.includes('reader/')), 'the reader is not part of the first load');
  await page.locator('#import-form').setInputFiles(join(forms, 'national.xlsx'));
  const notice = page.getByTestId('notice').filter({ hasText: '已从 national.xlsx 读取自评表' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /指标 9 个，其中 9 个的计分方式是从所写内容推断的/);
  assert.equal(await text(page, 'total'), '92.43');
  assert.ok(requests.some((p) => p.endsWith('reader/jixiao_reader_bg.wasm')), 'loaded on first use');
  assert.equal(await page.locator('[id="f:meta/goal"]').inputValue(), '举办残疾人职业技能培训4期，培训残疾人60人次以上，提升就业能力。');
  assert.equal(await page.locator('[id="f:indicators/1.1.1/rule/target"]').inputValue(), '不少于3期');
  const inferred = await page.locator('[data-code="rule-inferred"]').count();
  assert.ok(inferred >= 9, `the inferred rules are listed (${inferred})`);
  await screenshot(page, 'form-imported');
  // A second form: the reader is not fetched again.
  const fetched = requests.filter((p) => p.endsWith('.wasm')).length;
  await page.locator('#import-form').setInputFiles(join(forms, 'national.xls'));
  await page.getByTestId('notice').filter({ hasText: 'national.xls 读取' }).waitFor();
  assert.equal(requests.filter((p) => p.endsWith('.wasm')).length, fetched);
  await page.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await text(page, 'total'), before);
  // A bad form: one message, the work unchanged.
  await page.locator('#import-form').setInputFiles(join(forms, 'password.xlsx'));
  await page.getByTestId('notice').filter({ hasText: '密码' }).waitFor();
  assert.equal(await text(page, 'total'), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a form dropped on the page is read by its content', async () => {
  const { page, context } = await openPage(browser, server.url);
  // Picked through the JSON button, a workbook is still recognised as a form.
  await page.locator('#import-file').setInputFiles(join(forms, 'provincial.xlsx'));
  await page.getByTestId('notice').filter({ hasText: '已从 provincial.xlsx' }).waitFor();
  assert.equal(await text(page, 'total'), '98.00');
  await context.close();
});

async function paste(page, selector, tsv) {
  await page.evaluate(([selector, tsv]) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    document.querySelector(selector).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [selector, tsv]);
}

test('cells pasted from a spreadsheet become rows; a written target sets the rule', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await newFrom(page, 'blank');
  await page.getByRole('tab', { name: '绩效指标' }).click();
  await paste(page, '[id="f:indicators"]', [
    '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
    '产出指标\t数量指标\t举办培训期数\t不少于3期\t4期\t50\t50\t',
    '\t\t培训人数\t≥60人次\t30人次\t50\t25\t生源不足',
  ].join('\r\n'));
  await page.locator('[id="f:indicators/P3/name"]').waitFor();
  assert.equal(await text(page, 'total'), '75.00');
  assert.equal(await page.locator('[id="f:indicators/P4/reason"]').inputValue(), '生源不足');
  // Typing a written target: `≤` makes it 反向 with its unit.
  const target = page.locator('[id="f:indicators/P3/rule/target"]');
  await target.click();
  await target.press('Control+A');
  await target.pressSequentially('≤26万元');
  assert.equal(await page.locator('[id="f:indicators/P3/rule/kind"]').inputValue(), 'at_most');
  assert.equal(await page.locator('[id="f:indicators/P3/unit"]').inputValue(), '万元');
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await page.locator('[id="f:indicators/P3/rule/kind"]').inputValue(), 'at_least', 'one undo');
  // Budget lines pasted without a header follow the table's columns.
  await page.getByRole('tab', { name: '预算明细' }).click();
  await paste(page, '[id="f:budget"]', '培训费\t\t64.53\t\t63.6\t公开招标\n竞赛费\t\t26\t\t17.48\t');
  await page.getByTestId('planned-total').filter({ hasText: '90.53' }).waitFor();
  assert.equal(await text(page, 'spent-total'), '81.08');
  await screenshot(page, 'pasted-rows');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the single file reads forms from its embedded reader', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + join(dist, 'jixiao.html'));
  await page.getByTestId('total').waitFor();
  await page.locator('#import-form').setInputFiles(join(forms, 'national.xls'));
  await page.getByTestId('notice').filter({ hasText: '已从 national.xls 读取自评表' }).waitFor();
  assert.equal(await text(page, 'total'), '92.43');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a Word report imported or dropped shows each differing printed figure with its sentence', async () => {
  const reports = join(root, 'tests/reports');
  const { page, context, errors } = await openPage(browser, server.url);
  await page.locator('#import-form').setInputFiles(join(reports, 'seed-2022.docx'));
  const notice = page.getByTestId('notice').filter({ hasText: '已从 seed-2022.docx 读取自评报告' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /预算明细 4 行，满意度调查 1 个/);
  assert.equal(await text(page, 'execution-rate'), '84.27%');
  assert.equal(await text(page, 'satisfaction-s1'), '96.86');
  assert.equal(await text(page, 'total'), '92.00');
  assert.match(await text(page, 'printed-verdict'), /报告中印出的 \d+ 个数字中，有 \d+ 个与计算结果或与别处所印不符/);
  const differing = page.locator('[data-code="printed-differs"]');
  assert.ok(await differing.count() >= 10);
  const all = (await differing.allTextContents()).join('\n');
  assert.ok(all.includes('摘要 › 三、经验、问题和建议 › （二）存在的问题：…为预算金额的84.28%。 — 印为 84.28%，计算为 84.27%'), all.slice(0, 400));
  assert.ok(all.includes('群众满意度综合得分为97.47分。 — 印为 97.47分，计算为 96.86'));
  await screenshot(page, 'report-imported');
  // A bad document: one message, the page unchanged.
  await page.locator('#import-form').setInputFiles(join(reports, 'old-renamed.docx'));
  await page.getByTestId('notice').filter({ hasText: '另存为' }).waitFor();
  assert.equal(await text(page, 'execution-rate'), '84.27%');
  // jixiao's own Word report, dropped on the page: every printed figure agrees.
  await newFrom(page, 'kunming-2022');
  await page.getByRole('tab', { name: '报告' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  const bytes = await readFile(await download.path());
  await newFrom(page, 'blank');
  const dataTransfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'own.docx'));
    return dt;
  }, [...bytes]);
  await page.dispatchEvent('.page', 'drop', { dataTransfer });
  await page.getByTestId('notice').filter({ hasText: '已从 own.docx 读取自评报告' }).waitFor();
  assert.equal(await text(page, 'total'), '92.00');
  assert.match(await text(page, 'printed-verdict'), /报告中印出的 \d+ 个数字与计算结果全部一致/);
  assert.equal(await page.locator('[data-code^="printed"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
