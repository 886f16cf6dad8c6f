// Measures what a person feels while typing: from an input event to the next painted frame after
// it (a requestAnimationFrame callback, then a task: the frame's style, layout and paint are done
// by then), on every tab with inputs (指标, 预算, 问卷, 监控, 目标), and the time from a click on a
// tab to its first painted frame with its inputs in it. Documents: the Kunming example, and 1,000
// and 10,000 indicators with 500 budget lines and 10 surveys of 30 questions, each with a
// monitoring round that covers every leaf and line. Not a test: it reports (median and worst of
// 30 keystrokes, the longest task while typing, one tab opening after the page is idle), it
// asserts nothing. The large documents open with their large groups collapsed, as the page does;
// on 指标 and 目标 the first group is opened first, as someone working on it would.
//   scripts/build-web && node tests/browser/measure-keystroke.mjs [DIST] [--only kunming|1k|10k]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { serveDist, launch, root } from './helpers.mjs';

export const AS_OF = '2022-07-31';

/** A round on `as_of` with a value, a forecast and a reason for every leaf, spending for every line. */
export function roundFor(doc, as_of = AS_OF) {
  const indicators = {};
  const walk = (nodes) => nodes.forEach((n, i) => {
    if (n.children) { walk(n.children); return; }
    const kind = n.rule?.kind;
    indicators[n.id] = kind === 'qualitative' ? { tier: 'partial', forecast: 'achieved' }
      : kind === 'deadline' ? { value: '', forecast: '2022-10-01' }
        : { value: `${30 + (i % 40)}`, forecast: `${60 + (i % 50)}`, likelihood: i % 3 ? 'certain' : 'possible', reason: i % 5 ? '' : '进度偏慢' };
  });
  walk(doc.indicators);
  const budget = Object.fromEntries(doc.budget.map((b, i) => [b.id, { spent: `${40 + (i % 30)}`, forecast: `${90 + (i % 11)}` }]));
  return { ...doc, monitoring: [{ as_of, budget, indicators }] };
}

export function largeDocument(leaves = 1000) {
  const options = [['非常满意', '100'], ['满意', '80'], ['一般', '60'], ['不满意', '20'], ['很不满意', '0']]
    .map(([label, weight]) => ({ label, weight }));
  const budget = Array.from({ length: 500 }, (_, i) => ({ id: `b${i}`, name: `预算明细 ${i}`, planned: `${100 + (i % 7)}.5`, spent: `${90 + (i % 11)}.25`, note: '' }));
  const surveys = Array.from({ length: 10 }, (_, s) => ({
    id: `s${s}`, name: `问卷 ${s}`, options,
    questions: Array.from({ length: 30 }, (_, q) => ({ id: `q${q}`, text: `第 ${q + 1} 题`, counts: [80 + (q % 9), 20, 5 + (s % 3), 1, 0] })),
  }));
  const kinds = (n) => [
    { kind: 'at_least', target: '60', actual: `${40 + (n % 50)}` },
    { kind: 'at_most', target: '26', actual: '27.5', formula: 'linear' },
    { kind: 'deadline', target: '2022-11-30', actual: '2022-10-01' },
    { kind: 'qualitative', tier: 'partial', fraction: '0.7' },
    { kind: 'manual', score: '0.05' },
    { kind: 'satisfaction', survey: `s${n % 10}`, target: '95' },
  ][n % 6];
  let n = 0;
  const indicators = Array.from({ length: Math.ceil(leaves / 100) }, (_, g) => ({
    id: `G${g}`, name: `一级指标 ${g}`,
    children: Array.from({ length: 100 }, () => { n++; return { id: `L${n}`, name: `指标 ${n}`, points: '0.1', reason: '', rule: kinds(n) }; }),
  }));
  return { format: 'jixiao/1', meta: { title: '规模测试', money_unit: '万元' }, budget, surveys, indicators };
}

/** Each tab with the input typed into (its DOM id) and the two values typed in turn; 指标, the
 * tab the page opens on, last, so that its opening is measured from another tab too. */
export const tabs = (large) => [
  { tab: '预算明细', input: 'f:budget/b3/spent', values: ['10', '20'] },
  { tab: '满意度调查', input: large ? 'f:surveys/s0/questions/q0/counts/1' : 'f:surveys/s1/questions/q1/counts/1', values: ['10', '20'] },
  { tab: '监控', input: `f:monitoring/${AS_OF}/indicators/${large ? 'L7' : 'C112'}/value`, values: ['10', '20'] },
  // The first group is closed in a large document: the tab is open when its table is drawn.
  { tab: '目标', input: large ? 'f:indicators/L7/rule/target' : 'f:indicators/C112/rule/target', values: ['≥60', '≥70'], expand: large && '[data-testid=targets-table]' },
  { tab: '绩效指标', input: large ? 'f:indicators/L7/rule/actual' : 'f:indicators/C112/rule/actual', values: ['10', '20'], expand: large && '.indicator-table' },
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function measureDocument(browser, url, label, docText) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((t) => localStorage.setItem('jixiao/1:autosave', t), docText);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('[data-testid=total]')?.textContent.length > 0, null, { timeout: 180000 });
  const rows = [];
  for (const { tab, input, values, expand } of tabs(label !== 'Kunming')) {
    await page.waitForTimeout(1500);
    // Opening the tab: the click, until its input is in the page and a frame is painted with it.
    const open = await page.evaluate(async ({ tab, input, expand }) => {
      const button = [...document.querySelectorAll('[role=tab]')].find((b) => b.textContent.trim() === tab);
      const t0 = performance.now();
      button.click();
      // The tab's own input (or table) in the page, with the tab selected (the previous tab's
      // table is still there until the page has drawn the new one).
      const wanted = () => button.getAttribute('aria-selected') === 'true'
        && (document.getElementById(input) || (expand && document.querySelector(`#panel ${expand}`)));
      await new Promise((ok) => {
        if (wanted()) { ok(); return; }
        const obs = new MutationObserver(() => { if (wanted()) { obs.disconnect(); ok(); } });
        obs.observe(document.body, { childList: true, subtree: true });
      });
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      return performance.now() - t0;
    }, { tab, input, expand });
    if (expand) {
      const toggle = page.locator('button.toggle[aria-expanded=false]').first();
      if (await toggle.count()) await toggle.click();
      await page.locator(`[id="${input}"]`).waitFor({ timeout: 60000 });
    }
    await page.locator(`[id="${input}"]`).waitFor({ timeout: 60000 });
    await page.waitForTimeout(1000);
    const { times, longest, elements } = await page.evaluate(async ({ input, values }) => {
      const field = document.getElementById(input);
      field.scrollIntoView({ block: 'center' });
      field.focus();
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50)));
      let longest = 0;
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => { longest = Math.max(longest, e.duration); }));
      observer.observe({ type: 'longtask' });
      const out = [];
      for (let i = 0; i < 30; i++) {
        const painted = new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        const t0 = performance.now();
        field.value = values[i % 2];
        field.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await painted;
        out.push(performance.now() - t0);
        // A person types a few keys a second; the page may finish its idle work in between.
        await new Promise((ok) => setTimeout(ok, 120));
      }
      observer.disconnect();
      return { times: out, longest, elements: document.getElementsByTagName('*').length };
    }, { input, values });
    times.sort((a, b) => a - b);
    rows.push({ tab, median: percentile(times, 0.5), worst: times[times.length - 1], longest, open, elements });
  }
  await context.close();
  if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : null;
  const folder = args.find((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1));
  const server = await serveDist(folder ? resolve(folder) : undefined);
  const browser = await launch();
  const kunming = JSON.parse(await readFile(join(root, 'tests/data/kunming-2022.json'), 'utf8'));
  const documents = [
    ['Kunming', 'kunming', () => roundFor(kunming)],
    ['1,000 indicators', '1k', () => roundFor(largeDocument(1000))],
    ['10,000 indicators', '10k', () => roundFor(largeDocument(10000))],
  ].filter(([, key]) => !only || only.includes(key));
  console.log(`dist: ${folder ?? 'dist'} · load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| document | tab | keystroke → painted frame, median | worst | longest task while typing | opening the tab | elements |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, , make] of documents) {
    for (const r of await measureDocument(browser, server.url, label, JSON.stringify(make()))) {
      console.log(`| ${label} | ${r.tab} | ${r.median.toFixed(0)} ms | ${r.worst.toFixed(0)} ms | ${r.longest.toFixed(0)} ms | ${r.open.toFixed(0)} ms | ${r.elements} |`);
    }
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await browser.close();
  await server.close();
}
