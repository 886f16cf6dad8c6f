// Long tables are drawn a window at a time: what users rely on still works with rows not drawn —
// keys moving past the window's edge, a paste running past it, a finding jumping to a row out of
// view, the table's find, the row count for screen readers, and a printout with every row.
//   scripts/build-web && node --test tests/browser/window.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launch, settled, shots } from './helpers.mjs';
import { largeDocument, roundFor, AS_OF } from './measure-keystroke.mjs';

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

async function open(doc, { bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', bypassCSP });
  await context.addInitScript((t) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('jixiao/1:autosave', t); sessionStorage.setItem('seeded', '1'); } }, JSON.stringify(doc));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.getByTestId('total').waitFor({ timeout: 60000 });
  return { page, context, errors };
}

const tab = async (page, name) => {
  await page.getByRole('tab', { name }).click();
  await settled(page);
};

/** The id of the focused element, and whether it is inside the viewport. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  return { id: el.id, inView: r.top >= 0 && r.bottom <= window.innerHeight };
});

const drawnRows = (page, table) => page.locator(`${table} tbody tr[aria-rowindex]`).count();

test('a 1,000-row round: drawn a window at a time, keys go past its edge, a paste runs past it in one undo step, find looks through every row', async () => {
  const { page, context, errors } = await open(roundFor(largeDocument(1000)));
  await tab(page, '监控');
  const table = page.getByTestId('round-indicators');
  assert.equal(await table.getAttribute('aria-rowcount'), '1001');
  const drawn = await drawnRows(page, '.round-indicators');
  assert.ok(drawn > 20 && drawn < 300, `${drawn} rows drawn of 1000`);
  const value = (id) => `[id="f:monitoring/${AS_OF}/indicators/${id}/value"]`;

  // Enter from the first row's value, 150 times: past the rows drawn at first.
  await page.locator(value('L1')).focus();
  for (let i = 0; i < 150; i++) await page.keyboard.press('Enter');
  await settled(page);
  let at = await focused(page);
  assert.ok(at.id.includes('/indicators/L151/'), at.id);
  assert.ok(at.inView, 'the focused row is scrolled into view');
  const top = Number(await page.locator('.round-indicators tbody tr[aria-rowindex]').first().getAttribute('aria-rowindex'));
  assert.ok(top > 2, `the rows at the top are no longer drawn (first drawn: row ${top})`);
  // Shift+Enter 60 times from there: up past the first drawn row, through the spacer above.
  for (let i = 0; i < 60; i++) await page.keyboard.press('Shift+Enter');
  await settled(page);
  at = await focused(page);
  assert.ok(at.id.includes('/indicators/L91/'), at.id);
  assert.ok(at.inView, 'the row above the window is drawn and scrolled into view');
  // Tab from the last drawn row's last cell goes to the first cell of the row below the window,
  // Shift+Tab from the first drawn row's first cell to the last cell of the row above it (the
  // focus put there without scrolling, so that the window stands where it is).
  const edge = (which) => page.evaluate((which) => {
    const rows = [...document.querySelectorAll('.round-indicators tbody tr[aria-rowindex]')];
    const row = which === 'last' ? rows[rows.length - 1] : rows[0];
    const cells = [...row.querySelectorAll('[data-col]')].sort((a, b) => a.dataset.col - b.dataset.col);
    const cell = which === 'last' ? cells[cells.length - 1] : cells[0];
    cell.focus({ preventScroll: true });
    return Number(row.getAttribute('aria-rowindex')) - 1;
  }, which);
  const last = await edge('last');
  await page.keyboard.press('Tab');
  await settled(page);
  at = await focused(page);
  assert.ok(at.id.startsWith(`f:monitoring/${AS_OF}/indicators/L${last + 1}/`), `${at.id} after row ${last}`);
  assert.ok(at.inView);
  const first = await edge('first');
  assert.ok(first > 1, `a spacer above row ${first}`);
  await page.keyboard.press('Shift+Tab');
  await settled(page);
  at = await focused(page);
  assert.ok(at.id.startsWith(`f:monitoring/${AS_OF}/indicators/L${first - 1}/`), `${at.id} before row ${first}`);
  assert.ok(at.inView);
  // Scrolled back to the top, the first rows are drawn again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  await page.locator('.round-indicators tbody tr[aria-rowindex="2"]').waitFor();

  // A block of 300 lines (value, forecast) pasted into the first row runs past the window.
  await page.locator(value('L1')).focus();
  const block = Array.from({ length: 300 }, (_, i) => `${i + 1}\t${i + 2}`).join('\n');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);
  // The paste goes on window by window (each window's rows drawn, then read), the focus with it,
  // and writes every cell at the end: the last window's rows then show their values.
  await page.waitForFunction((id) => document.getElementById(id)?.value === '299', `f:monitoring/${AS_OF}/indicators/L299/value`, { timeout: 20000 });
  // The row 299 (at_most, a number) is far below the first window: find it and read it.
  const find = page.getByTestId('round-find');
  await find.fill('指标 299');
  await page.getByTestId('round-find-count').filter({ hasText: '1 / 1000' }).waitFor();
  await page.locator(value('L299')).waitFor();
  assert.equal(await page.locator(value('L299')).inputValue(), '299');
  assert.equal(await page.locator(`[id="f:monitoring/${AS_OF}/indicators/L299/forecast"]`).inputValue(), '300');
  assert.equal(await page.locator('.round-indicators tbody tr[aria-rowindex]').count(), 1);
  // One undo step takes the whole paste back.
  await page.getByRole('button', { name: '撤销' }).click();
  await settled(page);
  assert.notEqual(await page.locator(value('L299')).inputValue(), '299');
  await find.fill('');
  await settled(page);
  assert.ok(await drawnRows(page, '.round-indicators') > 20);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a finding jumps to a row out of view; find on 指标 goes to an indicator in a closed group; the budget lines are windowed', async () => {
  const doc = largeDocument(1000);
  doc.indicators[9].children[89].points = 'abc'; // L990
  const { page, context, errors } = await open(doc);
  await tab(page, '绩效指标');
  await page.locator('[data-testid=finding][data-path="indicators/L990/points"]').click();
  await settled(page);
  let at = await focused(page);
  assert.equal(at.id, 'f:indicators/L990/points');
  assert.ok(at.inView, 'the row of the finding is in view');
  assert.ok(Number(await page.locator('.indicator-table').getAttribute('aria-rowcount')) > 100);

  // Find: 指标 555 is in group 5, closed as the large document opens.
  await page.getByTestId('table-find').fill('指标 555');
  await page.getByTestId('table-find-count').filter({ hasText: '1 个指标' }).waitFor();
  await page.getByTestId('table-find').press('Enter');
  await settled(page);
  at = await focused(page);
  assert.equal(at.id, 'f:indicators/L555/name');
  assert.ok(at.inView);

  // 预算明细: 500 lines, drawn a window at a time; Tab and Enter move through them.
  await tab(page, '预算明细');
  assert.equal(await page.locator('table.budget').getAttribute('aria-rowcount'), '502');
  const drawn = await drawnRows(page, 'table.budget');
  assert.ok(drawn < 300, `${drawn} lines drawn of 500`);
  await page.locator('[id="f:budget/b0/spent"]').focus();
  for (let i = 0; i < 120; i++) await page.keyboard.press('Enter');
  await settled(page);
  at = await focused(page);
  assert.equal(at.id, 'f:budget/b120/spent');
  assert.ok(at.inView);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the surveys of a large document open folded but the first: each shows its satisfaction, opens on a click, and a finding in it opens it', async () => {
  const doc = largeDocument(1000);
  doc.surveys[3].questions[5].counts[1] = 'abc';
  const { page, context, errors } = await open(doc);
  await tab(page, '满意度调查');
  assert.equal(await page.locator('.survey').count(), 10);
  assert.equal(await page.locator('.survey-table').count(), 1, 'only the first survey draws its questions');
  assert.equal(await page.getByTestId('fold-s0').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByTestId('fold-s4').getAttribute('aria-expanded'), 'false');
  assert.match(await page.getByTestId('fold-s4').textContent(), /30 题/);
  assert.match(await page.getByTestId('survey-satisfaction-s4').textContent(), /满意度 \d/);
  // A click on 展开题目 draws the survey's questions; another folds them again.
  await page.getByTestId('fold-s4').click();
  await settled(page);
  assert.equal(await page.getByTestId('fold-s4').getAttribute('aria-expanded'), 'true');
  await page.locator('[id="f:surveys/s4/questions/q29/counts/0"]').fill('70');
  await settled(page);
  await page.getByTestId('fold-s4').click();
  await settled(page);
  assert.equal(await page.locator('[id="f:surveys/s4/questions/q29/counts/0"]').count(), 0);
  // The finding of a count in the folded survey s3 opens it at its field.
  await page.locator('[data-testid=finding][data-path^="surveys/s3/questions/q5/"]').first().click();
  await settled(page);
  const at = await focused(page);
  assert.ok(at.id.startsWith('f:surveys/s3/questions/q5/'), at.id);
  assert.ok(at.inView);
  assert.equal(await page.getByTestId('fold-s3').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a large document\'s year-end forecast follows a moment after typing stops, saying so meanwhile', async () => {
  const { page, context, errors } = await open(roundFor(largeDocument(1000)));
  await tab(page, '监控');
  const total = page.getByTestId('forecast-total');
  await page.getByTestId('forecast-behind').waitFor({ state: 'detached', timeout: 10000 });
  const before = await total.textContent();
  // L6 is an at_least indicator (≥60) forecast at 65: a forecast of 0 loses its points.
  const forecast = page.locator(`[id="f:monitoring/${AS_OF}/indicators/L6/forecast"]`);
  await forecast.fill('0');
  await settled(page);
  assert.equal(await page.getByTestId('forecast-behind').count(), 1, 'the forecast says it is behind while typing');
  assert.equal(await total.textContent(), before);
  await page.getByTestId('forecast-behind').waitFor({ state: 'detached', timeout: 10000 });
  assert.notEqual(await total.textContent(), before, 'and follows once typing stops');
  assert.deepEqual(errors, []);
  await context.close();
});

test('printing a 1,000-indicator document from the 指标 tab prints every row', async () => {
  const { page, context } = await open(largeDocument(1000));
  assert.equal(await page.locator('article.report-print').count(), 0, 'no hidden copy in the page');
  await page.emulateMedia({ media: 'print' });
  await mkdir(shots, { recursive: true });
  const pdf = join(shots, 'print-1000.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', [pdf, '-']).toString();
  const names = new Set(text.match(/指标 \d+/g));
  for (const n of [1, 2, 500, 999, 1000]) assert.ok(names.has(`指标 ${n}`), `指标 ${n} printed`);
  assert.ok(names.size >= 1000, `${names.size} indicators printed`);
  await page.emulateMedia({ media: 'screen' });
  await settled(page);
  assert.equal(await page.locator('article.report-print').count(), 0, 'the copy goes after printing');
  await context.close();
});

const require = createRequire(import.meta.url);
test('axe-core: the windowed tables and the folded surveys have no serious or critical violation', async () => {
  const { page, context } = await open(roundFor(largeDocument(1000)), { bypassCSP: true });
  const found = [];
  for (const name of ['监控', '绩效指标', '目标', '预算明细', '满意度调查']) {
    await tab(page, name);
    await page.evaluate(() => window.scrollTo(0, 4000));
    await settled(page);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(async () => window.axe.run(document.querySelector('#panel'), { resultTypes: ['violations'] }));
    for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
      found.push(`${name}: ${v.id} ${v.nodes.slice(0, 2).map((n) => n.target).join(' ')}`);
    }
  }
  assert.deepEqual(found, []);
  await context.close();
});
