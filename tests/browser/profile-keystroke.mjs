// Where a keystroke's time goes: types 30 keystrokes into one tab's field of the 1,000-indicator
// document under the Chrome profiler and prints the functions with the most time (self, and
// including what they call). Run on a build whose module keeps its function names (wasm-bindgen
// --keep-debug, no wasm-opt), or the page's own names are numbers. Not a test.
//   node tests/browser/profile-keystroke.mjs DIST [TAB] [--leaves N] [--css 'RULES']
// --css adds a style sheet before typing (an experiment on the page's painting: the box each Paint
// event painted is listed, with its time).
import { resolve } from 'node:path';
import { serveDist, launch } from './helpers.mjs';
import { largeDocument, roundFor, tabs } from './measure-keystroke.mjs';

const args = process.argv.slice(2);
const leavesAt = args.indexOf('--leaves');
const leaves = leavesAt >= 0 ? Number(args[leavesAt + 1]) : 1000;
const cssAt = args.indexOf('--css');
const css = cssAt >= 0 ? args[cssAt + 1] : '';
const values = new Set([leavesAt, cssAt].filter((i) => i >= 0).map((i) => i + 1));
const [folder, tab = '预算明细'] = args.filter((a, i) => !a.startsWith('--') && !values.has(i));
const server = await serveDist(resolve(folder));
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: Boolean(css) });
const text = JSON.stringify(roundFor(largeDocument(leaves)));
await context.addInitScript((t) => localStorage.setItem('jixiao/1:autosave', t), text);
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.querySelector('[data-testid=total]')?.textContent.length > 0, null, { timeout: 180000 });
await page.getByRole('tab', { name: tab }).click();
if (tab === '目标' || tab === '绩效指标') {
  const toggle = page.locator('#panel button.toggle[aria-expanded=false]').first();
  if (await toggle.count()) await toggle.click();
}
const { input } = tabs(true).find((t) => t.tab === tab);
await page.locator(`[id="${input}"]`).waitFor({ timeout: 60000 });
if (css) await page.addStyleTag({ content: css });
await page.waitForTimeout(1000);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const traced = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline.paint', transferMode: 'ReportEvents' });
const total = await page.evaluate(async (id) => {
  const field = document.getElementById(id);
  field.focus();
  let sum = 0;
  for (let i = 0; i < 30; i++) {
    const painted = new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const t0 = performance.now();
    field.value = String(10 + (i % 2) * 10);
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await painted;
    sum += performance.now() - t0;
    await new Promise((ok) => setTimeout(ok, 120));
  }
  return sum;
}, input);
const { profile } = await cdp.send('Profiler.stop');
await cdp.send('Tracing.end');
await traced;
// The renderer's main thread: where the page's script, style, layout and paint run.
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const phases = new Map();
events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid)
  .forEach((e) => phases.set(e.name, (phases.get(e.name) ?? 0) + e.dur / 1000));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
profile.nodes.forEach((n) => (n.children ?? []).forEach((c) => parent.set(c, n.id)));
const self = new Map();
const inclusive = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const ms = (dt[i + 1] ?? 0) / 1000;
  const node = byId.get(id);
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  if (name(node) === '(idle)' || name(node) === '(program)') return;
  self.set(name(node), (self.get(name(node)) ?? 0) + ms);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const n = name(byId.get(at));
    if (!seen.has(n)) { seen.add(n); inclusive.set(n, (inclusive.get(n) ?? 0) + ms); }
  }
});
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log(`${tab}, ${leaves} indicators: 30 keystrokes, ${total.toFixed(0)} ms to painted frames in all`);
console.log('-- the main thread, by trace event (nested events count in each)');
top(phases, 14).forEach(([n, ms]) => console.log(`${(ms / 30).toFixed(2).padStart(7)} ms  ${n}`));
// Which boxes were painted: a Paint event names the box whose painting it redid.
const painted = new Map();
events.filter((e) => e.ph === 'X' && e.name === 'Paint' && main && e.pid === main.pid && e.tid === main.tid)
  .forEach((e) => {
    const box = e.args?.data?.nodeName ?? '?';
    painted.set(box, (painted.get(box) ?? 0) + e.dur / 1000);
  });
console.log('-- Paint, by the box painted (nested boxes count in each)');
top(painted, 8).forEach(([n, ms]) => console.log(`${(ms / 30).toFixed(2).padStart(7)} ms  ${n.slice(0, 100)}`));
console.log('-- self');
top(self, 30).forEach(([n, ms]) => console.log(`${(ms / 30).toFixed(2).padStart(7)} ms  ${n.slice(0, 140)}`));
console.log('-- including callees');
top(inclusive, 60).forEach(([n, ms]) => console.log(`${(ms / 30).toFixed(2).padStart(7)} ms  ${n.slice(0, 140)}`));
await browser.close();
await server.close();
