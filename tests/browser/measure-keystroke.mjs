// Measures the time from a keystroke to the updated result, and the time to open a file, for the
// Kunming example and for 1,000 indicators, 500 budget lines and 10 surveys of 30 questions.
// Not a test: it reports (median and worst of 50 keystrokes), it asserts nothing. The large
// document opens with its groups collapsed; the keystrokes are typed with one group (100
// indicators) open, as someone working on it would have.
//   scripts/build-web && node tests/browser/measure-keystroke.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launch, root } from './helpers.mjs';

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

async function measure(browser, url, label, docText, inputId, values, expand, tab) {
  const opens = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript((t) => localStorage.setItem('jixiao/1:autosave', t), docText);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelector('[data-testid=total]')?.textContent.length > 0, null, { timeout: 120000 });
    opens.push(await page.evaluate(() => performance.now()));
    if (i < 4) { await context.close(); continue; }
    // A large document opens with its large groups collapsed: open the one being worked on.
    if (expand) {
      await page.getByRole('button', { name: expand }).click();
      await page.locator(`[id="${inputId}"]`).waitFor();
    }
    // On another tab (报告), the keystroke is typed into the project's name above the tabs and
    // timed until the page is idle again (the results panel shows no name).
    if (tab) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(3000);
    }
    const times = await page.evaluate(async ({ inputId, values, idle }) => {
      const input = document.getElementById(inputId);
      const total = document.querySelector('[data-testid=total]');
      const out = [];
      for (let i = 0; i < 50; i++) {
        // Idle: the next frame has been drawn and its task queue reached (at most one frame of waiting).
        const changed = idle ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))) : new Promise((resolve) => {
          const obs = new MutationObserver(() => { obs.disconnect(); resolve(); });
          obs.observe(total, { childList: true, characterData: true, subtree: true });
        });
        const t0 = performance.now();
        input.value = values[i % 2];
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await changed;
        out.push(performance.now() - t0);
      }
      return out;
    }, { inputId, values, idle: Boolean(tab) });
    times.sort((a, b) => a - b);
    opens.sort((a, b) => a - b);
    console.log(`${label}: keystroke → result median ${times[25].toFixed(1)} ms, worst ${times[49].toFixed(1)} ms (50 keystrokes); open median ${opens[2].toFixed(0)} ms (5 loads)`);
    await context.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A dist folder to measure (an older build, side by side) may be given; dist/ otherwise.
  const server = await serveDist(process.argv[2] ? (await import("node:path")).resolve(process.argv[2]) : undefined);
  const browser = await launch();
  const kunming = await readFile(join(root, 'tests/data/kunming-2022.json'), 'utf8');
  await measure(browser, server.url, 'Kunming example', kunming, 'f:indicators/C112/rule/actual', ['10', '20']);
  await measure(browser, server.url, '1,000 indicators, 500 lines, 10×30 survey', JSON.stringify(largeDocument()), 'f:indicators/L6/rule/actual', ['10', '20'], '展开 G0 一级指标 0');
  await measure(browser, server.url, '5,000 indicators on the 报告 tab (keystroke in 项目名称, until idle)', JSON.stringify(largeDocument(5000)), 'f:meta/title', ['规模测试 A', '规模测试 B'], null, '报告');
  await browser.close();
  await server.close();
}
