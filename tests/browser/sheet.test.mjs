// The indicators as the 自评表 lays them out: one row per indicator, spreadsheet keys, a block of
// copied cells pasted into the table, a detail row for the rare fields, a calm start on the blank
// template, the phone layout (no sideways scroll, a summary bar), and a large document that
// opens with its large groups collapsed.
//   scripts/build-web && node --test tests/browser/sheet.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serveDist, launch, openPage, screenshot, newFrom, text, settled } from './helpers.mjs';
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

async function kunming(options) {
  const opened = await openPage(browser, server.url, options);
  await newFrom(opened.page, 'kunming-2022');
  return opened;
}

const focused = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const rows = (page, group) => page.evaluate((group) => [...document.querySelectorAll('.indicator-table tr[data-row]')]
  .map((r) => r.dataset.row.replace('indicators/', '')).filter((id) => id.startsWith(group)), group);

async function press(page, key) {
  await page.keyboard.press(key);
  await settled(page);
}

test('one row per indicator, in the columns of the form, with group subtotals', async () => {
  const { page, context, errors } = await kunming();
  const heads = await page.locator('.indicator-table thead th').allTextContents();
  assert.deepEqual(heads.slice(0, 9), ['指标', '计分方式', '年度指标值', '实际完成值', '单位', '分值', '得分', '完成率', '偏差原因']);
  // Every group and leaf of the example is a row of its own (15 groups, 22 leaves).
  assert.equal(await page.locator('.indicator-table tbody tr[data-row]').count(), 37);
  assert.equal(await text(page, 'subtotal-C'), '53.00');
  assert.equal(await text(page, 'score-C112'), '4.00');
  assert.equal(await text(page, 'completion-C112'), '100.00%');
  assert.equal(await page.locator('[id="f:indicators/C112/rule/target"]').inputValue(), '60');
  // A collapsed group hides its rows and still shows its subtotal.
  await page.getByRole('button', { name: '折叠 C1 产出指标' }).click();
  assert.deepEqual(await rows(page, 'C1'), ['C1']);
  await page.getByRole('button', { name: '展开 C1 产出指标' }).click();
  assert.ok((await rows(page, 'C1')).includes('C142'));
  await screenshot(page, 'indicator-table');
  assert.deepEqual(errors, []);
  await context.close();
});

test('spreadsheet keys: Enter down, Tab across, arrows at the edge, Ctrl+Enter adds, Alt+↑ moves', async () => {
  const { page, context, errors } = await kunming();
  await page.locator('[id="f:indicators/C111/rule/actual"]').focus();
  await press(page, 'Enter');
  assert.equal(await focused(page), 'f:indicators/C112/rule/actual', 'Enter moves down the column');
  await press(page, 'Shift+Tab');
  assert.equal(await focused(page), 'f:indicators/C112/rule/target', 'Shift+Tab moves left');
  await press(page, 'Tab');
  assert.equal(await focused(page), 'f:indicators/C112/rule/actual', 'Tab moves right');
  // Typing replaces the cell's selected text and rescores at once.
  await page.keyboard.type('30');
  await settled(page);
  assert.equal(await text(page, 'score-C112'), '2.00');
  assert.equal(await text(page, 'total'), '90.00');
  // An arrow inside the text moves the caret; at the edge it moves to the next cell.
  await press(page, 'ArrowLeft');
  assert.equal(await focused(page), 'f:indicators/C112/rule/actual', 'the caret moved within the text');
  await press(page, 'Home');
  await press(page, 'ArrowLeft');
  assert.equal(await focused(page), 'f:indicators/C112/rule/target', 'at the start, ← goes to the cell on the left');
  await press(page, 'ArrowDown');
  assert.equal(await focused(page), 'f:indicators/C113/rule/target', '↓ goes to the row below');
  await press(page, 'ArrowUp');
  await press(page, 'ArrowUp');
  assert.equal(await focused(page), 'f:indicators/C111/rule/target');
  // Tab past a row's last cell goes on to the next row's first.
  await page.locator('[id="f:indicators/C113/reason"]').focus();
  await press(page, 'Tab');
  await press(page, 'Tab');
  assert.equal(await focused(page), 'f:indicators/C114/name');
  // Ctrl+Enter: a new indicator right below, its name focused.
  await page.locator('[id="f:indicators/C112/name"]').focus();
  await press(page, 'Control+Enter');
  assert.equal(await focused(page), 'f:indicators/C115/name');
  assert.deepEqual(await rows(page, 'C11'), ['C11', 'C111', 'C112', 'C115', 'C113', 'C114']);
  await page.keyboard.type('新增的指标');
  await press(page, 'Tab');
  assert.equal(await focused(page), 'f:indicators/C115/rule/kind', 'from the name to 计分方式');
  // Alt+↑ moves the row up and keeps the focus in it.
  await press(page, 'Alt+ArrowUp');
  assert.deepEqual(await rows(page, 'C11'), ['C11', 'C111', 'C115', 'C112', 'C113', 'C114']);
  assert.equal(await focused(page), 'f:indicators/C115/rule/kind');
  await press(page, 'Alt+ArrowDown');
  assert.deepEqual(await rows(page, 'C11'), ['C11', 'C111', 'C112', 'C115', 'C113', 'C114']);
  // The new row is one undo step away from gone.
  await page.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('button', { name: '撤销' }).click();
  assert.deepEqual(await rows(page, 'C11'), ['C11', 'C111', 'C112', 'C113', 'C114']);
  // The same keys in the budget table.
  await page.getByRole('tab', { name: '预算明细' }).click();
  await page.locator('[id="f:budget/b1/spent"]').focus();
  await press(page, 'Enter');
  assert.equal(await focused(page), 'f:budget/b2/spent');
  await press(page, 'Control+Enter');
  assert.match(await focused(page), /^f:budget\/b\d+\/name$/);
  const lines = await page.evaluate(() => [...document.querySelectorAll('table.budget tr[data-row]')].map((r) => r.dataset.row));
  assert.equal(lines.length, 5);
  assert.equal(lines[2], (await focused(page)).replace('f:', '').replace('/name', ''), 'inserted below b2');
  // And in the survey counts.
  await page.getByRole('tab', { name: '满意度调查' }).click();
  await page.locator('[id="f:surveys/s1/questions/q1/counts/0"]').focus();
  await press(page, 'Enter');
  assert.equal(await focused(page), 'f:surveys/s1/questions/q2/counts/0');
  await press(page, 'Tab');
  assert.equal(await focused(page), 'f:surveys/s1/questions/q2/counts/1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a block of copied cells pasted into a cell fills the cells from there', async () => {
  const { page, context, errors } = await kunming();
  const paste = (id, tsv) => page.evaluate(([id, tsv]) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    document.getElementById(id).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [id, tsv]);
  // 年度指标值 and 实际完成值 of three rows, as copied from Excel.
  await paste('f:indicators/C111/rule/target', '4\t2\r\n70\t35\r\n2\t1\r\n');
  await settled(page);
  const value = (id) => page.locator(`[id="f:indicators/${id}"]`).inputValue();
  assert.deepEqual(
    [await value('C111/rule/target'), await value('C111/rule/actual'), await value('C112/rule/target'),
      await value('C112/rule/actual'), await value('C113/rule/target'), await value('C113/rule/actual')],
    ['4', '2', '70', '35', '2', '1']);
  assert.equal(await text(page, 'score-C111'), '2.00');
  assert.equal(await text(page, 'score-C112'), '2.00');
  // One undo step takes the whole block back.
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await value('C112/rule/actual'), '114');
  assert.equal(await text(page, 'total'), '92.00');
  // A column of reasons pasted down the 偏差原因 cells, a line break inside a quoted cell kept.
  await paste('f:indicators/C111/reason', '"生源不足，\n下年度提前招生"\n场地受限\n');
  await settled(page);
  assert.equal(await value('C111/reason'), '生源不足，\n下年度提前招生');
  assert.equal(await value('C112/reason'), '场地受限');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the detail row holds the rare fields, opens from a finding and closes with Escape', async () => {
  const { page, context, errors } = await kunming();
  const detail = page.locator('tr[data-detail="C22"]');
  assert.equal(await detail.count(), 0, 'closed until asked for');
  // The tier of a qualitative indicator: its cell opens the detail row at the tier.
  await page.getByRole('button', { name: '评价档次：部分达成' }).first().click();
  await detail.waitFor();
  assert.equal(await focused(page), 'f:indicators/C22/rule/tier');
  await page.locator('[id="f:indicators/C22/rule/tier"]').selectOption('achieved');
  await page.locator('[id="f:indicators/C22/rule/fraction"]').fill('0.9');
  await settled(page);
  assert.equal(await text(page, 'score-C22'), '9.00');
  await screenshot(page, 'detail-row');
  await page.locator('[id="f:indicators/C22/rule/fraction"]').focus();
  await press(page, 'Escape');
  assert.equal(await detail.count(), 0, 'Escape closes it');
  assert.equal(await focused(page), 'f:indicators/C22/name');
  // 不适用 and steps live there too.
  await page.getByRole('button', { name: '详情： C121 残疾人职业技能培训合格率' }).click();
  await page.getByLabel('区间计分（按完成率分档得分）').check();
  await page.locator('[id="f:indicators/C121/rule/actual"]').fill('85');
  await settled(page);
  assert.equal(await text(page, 'score-C121'), '4.00', '85 of 90 is 94.4%, the ≥90 step');
  await page.getByLabel('不适用（不计入总分与满分）').check();
  await settled(page);
  assert.equal(await text(page, 'max'), '96.00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a calm start: the blank template scores 0 and marks empty fields "to fill", not as errors', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  assert.equal(await text(page, 'total'), '0.00');
  assert.equal(await page.locator('.field.invalid').count(), 0, 'no field is marked wrong before anything is typed');
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  // The template is a plan, reviewed as a 申报表: the project's name and unit are to fill too.
  assert.equal(await page.locator('.field.todo').count(), 10, 'the name, the unit, the four indicators\' targets and actuals');
  assert.equal(await page.locator('[id="f:indicators/O11/rule/target"]').getAttribute('placeholder'), '待填写');
  assert.match(await text(page, 'finding-counts'), /错误 0，警告 0，待填写 20/);
  assert.equal(await page.locator('[data-testid=finding][data-level=error]').count(), 0);
  // The qualitative indicators have no tier until one is chosen, and ask for one.
  assert.equal(await page.locator('[data-testid=finding][data-path="indicators/X11/rule/tier"]').getAttribute('data-level'), 'todo');
  await screenshot(page, 'calm-start');
  // Typing in a row: that row's empty fields become errors; the others stay calm.
  await page.locator('[id="f:indicators/O11/name"]').fill('培训人次');
  await settled(page);
  assert.equal(await page.locator('[id="f:indicators/O11/rule/target"]').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('[id="f:indicators/O21/rule/target"]').getAttribute('aria-invalid'), 'false');
  // Asking for a check shows everything as what it is.
  await page.getByTestId('check-all').click();
  assert.match(await text(page, 'finding-counts'), /错误 19，警告 1/);
  assert.equal(await page.locator('[id="f:indicators/O21/rule/target"]').getAttribute('aria-invalid'), 'true');
  // Findings name fields in people's words, under their section, and still lead to the field.
  assert.deepEqual(await page.locator('.finding-group h4').allTextContents(), ['预算明细', '绩效指标', '设置与项目信息']);
  const first = page.getByTestId('finding').first();
  assert.match(await first.textContent(), /预算明细第1行“项目资金”的全年预算数/);
  assert.doesNotMatch(await page.locator('.findings').textContent(), /budget\/b1\/planned/);
  await first.click();
  assert.equal(await focused(page), 'f:budget/b1/planned');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone: tabs on one scrollable line, a summary bar that expands, nothing scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.getByTestId('total').waitFor();
  await newFrom(page, 'kunming-2022');
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const tops = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().top));
  assert.equal(new Set(tops).size, 1, 'the six tabs stay on one line');
  for (const name of ['预算明细', '绩效指标', '满意度调查', '设置', '情景', '报告']) {
    await page.getByRole('tab', { name }).click();
    assert.ok(await sideways() <= 0, `${name}: the page does not scroll sideways`);
  }
  await page.getByRole('tab', { name: '绩效指标' }).click();
  // The results: a bar at the bottom with 总分 and 等级, always in view.
  const bar = page.locator('aside.results');
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height <= 844 + 1 && box.height < 100, 'a bar at the bottom');
  assert.equal(await text(page, 'total'), '92.00');
  assert.equal(await text(page, 'grade'), '优');
  assert.equal(await page.locator('.first-level').first().isVisible(), false, 'the rest folded away');
  await screenshot(page, 'phone');
  await page.getByTestId('summary-toggle').click();
  assert.equal(await page.locator('.first-level').first().isVisible(), true, 'expanded on a tap');
  await screenshot(page, 'phone-results');
  assert.ok(await sideways() <= 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a large document opens with its large groups collapsed and scored', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((t) => localStorage.setItem('jixiao/1:autosave', t), JSON.stringify(largeDocument()));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('total').waitFor();
  assert.equal(await page.locator('.indicator-table tr.leaf-row').count(), 0, '1,000 indicators: ten collapsed groups');
  assert.equal(await page.locator('.indicator-table tr.group-row').count(), 10);
  assert.notEqual(await text(page, 'subtotal-G3'), '—');
  await page.getByRole('button', { name: '展开 G0 一级指标 0' }).click();
  await settled(page);
  // 110 rows now: drawn a window at a time, the table's true size told to screen readers.
  assert.equal(await page.locator('.indicator-table').getAttribute('aria-rowcount'), '111');
  const drawn = await page.locator('.indicator-table tr.leaf-row').count();
  assert.ok(drawn > 20 && drawn < 100, `${drawn} of 100 leaves drawn`);
  // A finding in a collapsed group opens it.
  await page.locator('[data-testid=finding][data-path^="indicators/L9"]').first().click();
  await settled(page);
  assert.ok((await focused(page)).startsWith('f:indicators/L9'));
  await context.close();
});

const require = createRequire(import.meta.url);
test('axe-core stays clean on the table, its detail row, the calm start and the phone', async () => {
  const axe = async (page) => {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`);
  };
  const { page, context } = await openPage(browser, server.url, { bypassCSP: true });
  assert.deepEqual(await axe(page), [], 'calm start');
  await newFrom(page, 'kunming-2022');
  await page.getByRole('button', { name: '详情： C121 残疾人职业技能培训合格率' }).click();
  assert.deepEqual(await axe(page), [], 'table with a detail row');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await axe(page), [], 'phone');
  await context.close();
});
