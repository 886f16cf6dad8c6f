// The JavaScript half of scripts/check-browser-floor: every script of the served page and of the
// single file parses as the floor's JavaScript. Chromium 86 has ES2021's syntax (logical
// assignment, numeric separators) but not top-level await (89); the inline floor check must
// parse as ES5 (the IE engine).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'acorn';

const dist = process.argv[2] ?? 'dist';
const failures = [];
function check(name, code, { ecmaVersion = 2021, sourceType = 'script' } = {}) {
  try {
    parse(code, { ecmaVersion, sourceType, allowAwaitOutsideFunction: false });
    console.log(`${name}: parses as ${ecmaVersion === 5 ? 'ES5' : `ES${ecmaVersion}`} ${sourceType === 'module' ? 'module' : 'script'}`);
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
  }
}
const inline = (html) => [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1], code: m[2] }));

for (const file of await readdir(dist)) {
  if (/^jixiao-web-[0-9a-f]+\.js$/.test(file)) check(file, await readFile(join(dist, file), 'utf8'), { sourceType: 'module' });
  if (['reader.js', 'share.js', 'sw.js'].includes(file)) check(file, await readFile(join(dist, file), 'utf8'));
}
check('reader/jixiao_reader.js', await readFile(join(dist, 'reader', 'jixiao_reader.js'), 'utf8'));
for (const page of ['index.html', 'jixiao.html']) {
  for (const { attrs, code } of inline(await readFile(join(dist, page), 'utf8'))) {
    if (!code.trim()) continue;
    if (attrs.includes('data-jixiao-floor')) check(`${page}: floor check`, code, { ecmaVersion: 5 });
    else check(`${page}: ${attrs.includes('module') ? 'module' : 'script'}`, code, { sourceType: attrs.includes('module') ? 'module' : 'script' });
  }
}
if (failures.length) {
  console.error(`Below the browser floor:\n${failures.join('\n')}`);
  process.exit(1);
}
