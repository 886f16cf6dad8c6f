// Time of each command (score includes the scenario comparison) at 1,000, 2,000, 5,000 and 10,000 indicators, and the ratio 10,000 / 1,000
// (linear growth gives about 10). Not a test: it reports, it asserts nothing.
//   scripts/bench-scale            (builds the release command line first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'target', 'release', 'jixiao');

/** A document of `n` indicators in groups of 100 with about 0.7 findings per indicator, budget
 * lines and surveys in proportion, and a scenario. */
export function scaleDocument(n) {
  const options = [['非常满意', '100'], ['满意', '80'], ['一般', '60'], ['不满意', '20'], ['很不满意', '0']]
    .map(([label, weight]) => ({ label, weight }));
  const lines = Math.max(5, Math.round(n / 10));
  const budget = Array.from({ length: lines }, (_, i) => ({ id: `b${i}`, name: `预算明细 ${i}`, planned: `${100 + (i % 7)}.5`, spent: `${80 + (i % 11)}.25`, note: '' }));
  const surveyCount = Math.max(1, Math.round(n / 500));
  const surveys = Array.from({ length: surveyCount }, (_, s) => ({
    id: `s${s}`, name: `问卷 ${s}`, options,
    questions: Array.from({ length: 20 }, (_, q) => ({ id: `q${q}`, text: `第 ${q + 1} 题`, counts: [80 + (q % 9), 20, 5 + (s % 3), 1, 0] })),
  }));
  const rule = (i) => [
    { kind: 'at_least', target: '60', actual: `${40 + (i % 50)}` },
    { kind: 'at_least', target: '60', actual: '90' },
    { kind: 'at_most', target: '26', actual: '27.5', formula: 'linear' },
    { kind: 'deadline', target: '2022-11-30', actual: '2022-10-01' },
    { kind: 'qualitative', tier: 'partial', fraction: '0.7' },
    { kind: 'manual', score: '0.005' },
    { kind: 'satisfaction', survey: `s${i % surveyCount}`, target: '95' },
  ][i % 7];
  let i = 0;
  const indicators = Array.from({ length: Math.ceil(n / 100) }, (_, g) => ({
    id: `G${g}`, name: `一级指标 ${g}`,
    children: Array.from({ length: Math.min(100, n - g * 100) }, () => {
      i++;
      return { id: `L${i}`, name: `指标 ${i}`, points: '0.01', reason: i % 5 === 0 ? '已说明' : '', rule: rule(i) };
    }),
  }));
  // A scenario of three changes, so that score also compares scenarios with the base.
  const scenarios = [{ name: '情景', changes: [
    { path: 'indicators/L1/rule/actual', value: '60' },
    { path: 'budget/b0/spent', value: '100.5' },
    { path: 'surveys/s0/questions/q0/counts/0', value: '90' },
  ] }];
  return { format: 'jixiao/1', meta: { title: `规模测试 ${n}`, money_unit: '万元' }, budget, surveys, indicators, scenarios };
}

function time(args) {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  return seconds;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = [1000, 2000, 5000, 10000];
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-scale-'));
  const commands = {
    score: (f) => ['score', f],
    check: (f) => ['check', f],
    report: (f) => ['report', f],
    'export --xlsx --csv': (f) => ['export', f, '--xlsx', join(dir, 'out.xlsx'), '--csv', join(dir, 'csv')],
    seek: (f) => ['seek', f, '--path', 'indicators/L1/rule/actual', '--full'],
  };
  const rows = {};
  for (const n of sizes) {
    const file = join(dir, `scale-${n}.json`);
    const doc = scaleDocument(n);
    writeFileSync(file, JSON.stringify(doc));
    const findings = JSON.parse(spawnSync(cli, ['score', file], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout).findings.length;
    console.error(`${n} indicators: ${findings} findings (${(findings / n).toFixed(2)} per indicator)`);
    for (const [name, args] of Object.entries(commands)) {
      // The best of three runs (the machine's other work shows in the worst).
      const best = Math.min(...[0, 1, 2].map(() => time(args(file))));
      (rows[name] ??= {})[n] = best;
    }
  }
  console.log(`| command | ${sizes.map((n) => n.toLocaleString('en')).join(' | ')} | 10,000 / 1,000 |`);
  console.log(`|---|${sizes.map(() => '---').join('|')}|---|`);
  for (const [name, times] of Object.entries(rows)) {
    const ratio = times[10000] / times[1000];
    console.log(`| ${name} | ${sizes.map((n) => `${times[n].toFixed(3)} s`).join(' | ')} | ${ratio.toFixed(1)} |`);
  }
  rmSync(dir, { recursive: true });
}
