// The page in headless Chromium, used the way staff use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serveDist, launch, openPage, screenshot, newFrom, text, settled, downloads, root } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function kunming(options) {
  const opened = await openPage(browser, server.url, options);
  await newFrom(opened.page, 'kunming-2022');
  return opened;
}

async function tab(page, name) {
  await page.getByRole('tab', { name }).click();
}

/** Replaces an input's text the way a user does: select all, type. */
async function retype(page, id, value) {
  const input = page.locator(`[id="f:${id}"]`);
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(value);
  await settled(page);
}

async function exportJson(page, name) {
  await mkdir(downloads, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const path = join(downloads, name);
  await download.saveAs(path);
  return { path, json: JSON.parse(await readFile(path, 'utf8')), suggested: download.suggestedFilename() };
}

test('the Kunming example scores 92.00 / 优 with 84.27% and 96.86, question 2 weakest', async () => {
  const { page, errors, context } = await kunming();
  assert.equal(await text(page, 'total'), '92.00');
  assert.equal(await text(page, 'max'), '100.00');
  assert.equal(await text(page, 'percent'), '92.00%');
  assert.equal(await text(page, 'grade'), '优');
  assert.equal(await text(page, 'execution-rate'), '84.27%');
  assert.equal(await text(page, 'satisfaction-s1'), '96.86');
  await screenshot(page, 'kunming-indicators');
  await tab(page, '满意度调查');
  const q2 = page.getByTestId('question-q2');
  assert.equal(await q2.getAttribute('data-weakest'), 'true');
  assert.match(await q2.textContent(), /最低/);
  assert.equal(await page.getByTestId('question-q10').getAttribute('data-weakest'), 'false');
  assert.equal(await text(page, 'satisfaction-s1-q2'), '92.63▼ 最低');
  await screenshot(page, 'kunming-survey');
  await tab(page, '预算明细');
  assert.equal(await text(page, 'planned-total'), '97.361');
  assert.equal(await text(page, 'spent-total'), '82.050854');
  assert.equal(await text(page, 'balance-total'), '15.310146');
  assert.equal(await text(page, 'rate-total'), '84.27%');
  await screenshot(page, 'kunming-budget');
  assert.deepEqual(errors, []);
  await context.close();
});

test('changing an actual value rescores at once, grade included', async () => {
  const { page, context } = await kunming();
  // C112 参加培训的残疾人数: target 60, actual 114 → 10.
  await retype(page, 'indicators/C112/rule/actual', '10');
  assert.equal(await text(page, 'score-C112'), '0.67');
  assert.equal(await text(page, 'total'), '88.67');
  assert.equal(await text(page, 'grade'), '良');
  await screenshot(page, 'edited-grade-changes');
  await context.close();
});

test('numbers are typed as people type them; a bad one keeps its text and says why', async () => {
  const { page, context } = await kunming();
  await tab(page, '预算明细');
  await retype(page, 'budget/b3/spent', '６３．６');
  assert.equal(await text(page, 'rate-total'), '84.27%');
  await retype(page, 'budget/b4/planned', '26%');
  assert.equal(await text(page, 'planned-total'), '97.361');
  await retype(page, 'budget/b3/spent', '1,263.6');
  assert.equal(await text(page, 'spent-total'), '1282.050854');
  await retype(page, 'budget/b3/spent', '六十三');
  const field = page.locator('[id="f:budget/b3/spent"]');
  assert.equal(await field.inputValue(), '六十三');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const describedBy = await field.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${describedBy}"]`).textContent(), /错误.*“六十三”不是数字/);
  // Everything else is still there and scored.
  assert.equal(await page.locator('[id="f:budget/b4/spent"]').inputValue(), '17.477354');
  await screenshot(page, 'bad-number-marked');
  await context.close();
});

test('clicking a finding takes the user to the field', async () => {
  const { page, context } = await kunming();
  await tab(page, '预算明细');
  await page.locator('[data-testid=finding][data-path="indicators/C22/reason"]').click();
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'f:indicators/C22/reason');
  assert.equal(await page.getByRole('tab', { name: '绩效指标' }).getAttribute('aria-selected'), 'true');
  await context.close();
});

test('export, then import the download: the same document', async () => {
  const { page, context } = await kunming();
  await retype(page, 'indicators/C21/reason', '就业形势好于预期');
  const first = await exportJson(page, 'first.json');
  assert.equal(first.suggested, '2022年残疾人职业技能培训及就业服务经费项目.json');
  assert.equal(first.json.format, 'jixiao/1');
  assert.equal(first.json.results.total, '92.00');
  assert.equal(first.json.results.grade, '优');
  // Change the work, then import the file: it comes back exactly.
  await newFrom(page, 'blank');
  assert.equal(await text(page, 'total'), '0.00');
  await page.locator('#import-file').setInputFiles(first.path);
  await page.getByTestId('notice').filter({ hasText: '已导入' }).waitFor();
  assert.equal(await text(page, 'total'), '92.00');
  const second = await exportJson(page, 'second.json');
  assert.deepEqual(second.json, first.json);
  await context.close();
});

test('work survives a reload', async () => {
  const { page, context } = await kunming();
  await retype(page, 'indicators/C112/rule/actual', '10');
  await retype(page, 'meta/title', '重新载入测试');
  await page.reload();
  await page.getByTestId('total').waitFor();
  assert.equal(await text(page, 'total'), '88.67');
  assert.equal(await page.locator('[id="f:meta/title"]').inputValue(), '重新载入测试');
  assert.equal(await page.locator('[id="f:indicators/C112/rule/actual"]').inputValue(), '10');
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes('autosave')));
  assert.equal(key, 'jixiao/1:autosave');
  await context.close();
});

test('a broken file is refused with a message and the work stays untouched', async () => {
  const { page, context } = await kunming();
  await retype(page, 'indicators/C112/rule/actual', '10');
  const before = await page.evaluate(() => localStorage.getItem('jixiao/1:autosave'));
  for (const [name, body, reason] of [
    ['broken.json', '{"format": "jixiao/1", "budget": [', /不是有效的 JSON/],
    ['other.json', '{"format": "jixiao/9"}', /jixiao\/9/],
    ['empty.json', '', /文件为空/],
  ]) {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    const notice = page.getByTestId('notice');
    await notice.filter({ hasText: name }).waitFor();
    assert.match(await notice.textContent(), reason);
    assert.match(await notice.textContent(), /当前内容未改动/);
    assert.equal(await text(page, 'total'), '88.67');
  }
  assert.equal(await page.locator('[id="f:indicators/C112/rule/actual"]').inputValue(), '10');
  assert.equal(await page.evaluate(() => localStorage.getItem('jixiao/1:autosave')), before);
  await screenshot(page, 'broken-import');
  await context.close();
});

test('drag and drop imports a file', async () => {
  const { page, context } = await openPage(browser, server.url);
  const kunmingText = await readFile(join(root, 'tests/data/kunming-2022.json'), 'utf8');
  const dataTransfer = await page.evaluateHandle((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'kunming.json', { type: 'application/json' }));
    return dt;
  }, kunmingText);
  await page.dispatchEvent('.page', 'drop', { dataTransfer });
  await page.getByTestId('notice').filter({ hasText: 'kunming.json' }).waitFor();
  assert.equal(await text(page, 'total'), '92.00');
  await context.close();
});

test('a deleted group and a cleared document come back with undo', async () => {
  const { page, context } = await kunming();
  await page.getByRole('button', { name: '删除 C 项目绩效' }).click();
  assert.equal(await text(page, 'total'), '39.00');
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await text(page, 'total'), '92.00');
  assert.equal(await text(page, 'subtotal-C'), '53.00');
  await page.getByRole('button', { name: '重做' }).click();
  assert.equal(await text(page, 'total'), '39.00');
  await page.keyboard.press('Control+Z');
  assert.equal(await text(page, 'total'), '92.00');
  await newFrom(page, 'blank');
  assert.equal(await text(page, 'max'), '0.00');
  await page.keyboard.press('Control+Z');
  assert.equal(await text(page, 'total'), '92.00');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await text(page, 'max'), '0.00');
  await context.close();
});

test('typing in one field is undone in one step', async () => {
  const { page, context } = await kunming();
  await retype(page, 'indicators/C112/rule/actual', '100');
  assert.equal(await text(page, 'total'), '92.00');
  await page.locator('[id="f:indicators/C112/reason"]').focus();
  await retype(page, 'indicators/C112/rule/actual', '30');
  assert.equal(await text(page, 'total'), '90.00');
  await page.keyboard.press('Control+Z');
  assert.equal(await page.locator('[id="f:indicators/C112/rule/actual"]').inputValue(), '100');
  await context.close();
});

test('English by a switch that is remembered', async () => {
  const { page, context } = await kunming();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Indicators' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.locator('.findings').textContent(), /execution rate 84\.27% is below 90%/);
  await screenshot(page, 'english');
  await page.reload();
  await page.getByRole('tab', { name: 'Budget' }).waitFor();
  assert.equal(await text(page, 'total'), '92.00');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('tab', { name: '预算明细' }).waitFor();
  await context.close();
});

test('the whole page works by keyboard', async () => {
  const { page, context } = await kunming();
  // Tab from the start reaches the toolbar, then the title field; typing there rescores nothing
  // but is saved; Enter on a tab opens it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-from');
  await page.getByRole('tab', { name: '满意度调查' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getByRole('tab', { name: '满意度调查' }).getAttribute('aria-selected'), 'true');
  await page.locator('[id="f:surveys/s1/questions/q2/counts/0"]').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('113');
  // The last keystroke's render may still be on its way on a busy machine: wait for it (or time out).
  await page.getByTestId('satisfaction-s1').filter({ hasText: '96.96' }).waitFor({ timeout: 5000 }).catch(() => {});
  assert.equal(await text(page, 'satisfaction-s1'), '96.96');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await context.close();
});

const require = createRequire(import.meta.url);
async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('axe-core finds no serious or critical violation', async () => {
  // The page's CSP would (rightly) refuse the injected axe script.
  const { page, context } = await kunming({ bypassCSP: true });
  // A field with an error, so that error marking is checked too.
  await retype(page, 'indicators/C112/rule/actual', 'abc');
  const found = [];
  for (const name of ['绩效指标', '预算明细', '满意度调查', '设置', '情景', '监控', '报告']) {
    await tab(page, name);
    for (const v of await axe(page)) found.push(`${name}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`);
  }
  await page.getByRole('button', { name: 'English' }).click();
  for (const v of await axe(page)) found.push(`English: ${v.id} (${v.impact})`);
  assert.deepEqual(found, []);
  await context.close();
});
