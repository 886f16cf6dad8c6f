// The scoring core as a JavaScript module, imported by Node the way another system would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import init, { score, check, seek } from '../../js/pkg/jixiao.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
await init({ module_or_path: await readFile(join(root, 'js/pkg/jixiao_bg.wasm')) });
const text = await readFile(join(root, 'tests/data/kunming-2022.json'), 'utf8');

test('score the example from its text and from an object', () => {
  for (const doc of [text, JSON.parse(text)]) {
    const r = score(doc);
    assert.equal(r.total, '92.00');
    assert.equal(r.grade, '优');
    assert.equal(r.budget.execution_rate, '84.27');
    assert.equal(r.budget.spent, '82.050854');
    assert.equal(r.surveys[0].satisfaction, '96.86');
    assert.equal(r.surveys[0].weakest, 'q2');
    assert.equal(r.surveys[0].questions[0].responses, 114);
    assert.equal(r.indicators.length, 22);
    assert.equal(r.lost[0].id, 'C22');
  }
});

test('check lists the findings, in English on request', () => {
  const findings = check(text, 'en');
  const low = findings.find((f) => f.code === 'low-execution');
  assert.equal(low.level, 'warning');
  assert.match(low.message, /84\.27%/);
  assert.ok(findings.some((f) => f.code === 'claim-differs' && f.path === 'claimed/execution_rate'));
});

test('seek finds the spending for full marks, or says unreachable', () => {
  const a = seek(text, 'budget/b3/spent', { full: true });
  assert.equal(a.status, 'found');
  assert.equal(a.value, '69.174046');
  assert.equal(a.method, 'exact');
  assert.equal(seek(text, 'indicators/C111/rule/actual', { total: 99 }).status, 'unreachable');
  assert.equal(seek(text, 'budget/b3/spent', { grade: '优' }).already_met, true);
});

test('bad input is a clear error, not a crash', () => {
  assert.throws(() => score('{"format": "jixiao/2"}'), /jixiao\/2/);
  assert.throws(() => score('not json'), /JSON/);
  assert.throws(() => seek(text, 'budget/b9/spent', { full: true }), /b9/);
  assert.throws(() => seek(text, 'budget/b3/spent', {}), /goal/);
});

test('the module ships TypeScript types', async () => {
  const types = await readFile(join(root, 'js/pkg/jixiao.d.ts'), 'utf8');
  assert.match(types, /export function score\(doc: JixiaoDocument \| string, language\?: string \| null\): ScoreResult;/);
  assert.match(types, /export interface ScoreResult/);
});
