// dist/jixiao.html opened from file://, as staff open a file from a USB stick: it works exactly
// like the served page, and neither page makes a request beyond its own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDist, launch, screenshot, newFrom, text, dist, downloads } from './helpers.mjs';

const fileUrl = pathToFileURL(join(dist, 'jixiao.html')).href;
let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `url`, recording every request and every console error (CSP refusals among them). */
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.getByTestId('total').waitFor();
  return { context, page, requests, errors };
}

test('the single file works from file://: score, edit, export, import, reload, undo, language', async () => {
  const { context, page, requests, errors } = await open(fileUrl);
  await newFrom(page, 'kunming-2022');
  assert.equal(await text(page, 'total'), '92.00');
  assert.equal(await text(page, 'grade'), '优');
  assert.equal(await text(page, 'execution-rate'), '84.27%');
  assert.equal(await text(page, 'satisfaction-s1'), '96.86');
  await screenshot(page, 'single-file-kunming');

  const actual = page.locator('[id="f:indicators/C112/rule/actual"]');
  await actual.click();
  await actual.press('Control+A');
  await actual.pressSequentially('10');
  assert.equal(await text(page, 'total'), '88.67');
  assert.equal(await text(page, 'grade'), '良');

  await mkdir(downloads, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const saved = join(downloads, 'single-file.json');
  await download.saveAs(saved);
  const exported = JSON.parse(await readFile(saved, 'utf8'));
  assert.equal(exported.results.total, '88.67');

  await page.reload();
  await page.getByTestId('total').waitFor();
  assert.equal(await text(page, 'total'), '88.67', 'the work is still there after a reload');
  assert.ok(await page.evaluate(() => localStorage.getItem('jixiao/1:autosave') !== null));

  await page.getByRole('button', { name: '撤销' }).isDisabled();
  await newFrom(page, 'blank');
  await page.locator('#import-file').setInputFiles(saved);
  await page.getByTestId('notice').filter({ hasText: '已导入' }).waitFor();
  assert.equal(await text(page, 'total'), '88.67');
  await page.keyboard.press('Control+Z');
  assert.equal(await text(page, 'max'), '0.00');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Indicators' }).waitFor();
  // The report is drawn by the page's own module, as in the served page.
  await page.getByRole('tab', { name: 'Report' }).click();
  await page.locator('#panel .report-text').waitFor();
  assert.match(await page.locator('#panel .report-text h2').textContent(), /Drafted report text/);
  // The Word report from the single file, in English, in the seed's outline.
  await page.getByLabel('Word report outline').selectOption('seed');
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  const wordPath = join(downloads, 'single-file.docx');
  await word.saveAs(wordPath);
  const script = 'import docx, sys\nprint("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))';
  const wordText = execFileSync('python3', ['-c', script, wordPath]).toString();
  for (const s of ['Summary', '3. Conclusion and analysis', '[To be written: background and purpose]']) assert.ok(wordText.includes(s), s);

  assert.deepEqual(errors, [], 'no console error, no CSP refusal');
  const foreign = requests.filter((u) => u !== fileUrl && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'the single file loads nothing else');
  await context.close();
});

test('the single file monitors: a round typed in, its workbook exported and read back from file://', async () => {
  const { context, page, errors } = await open(fileUrl);
  await newFrom(page, 'kunming-2022');
  await page.getByRole('tab', { name: '监控' }).click();
  await page.getByTestId('round-add').selectOption('2022-06-30');
  const value = page.locator('[id="f:monitoring/2022-06-30/indicators/C111/value"]');
  // 1 of 3 by 30 June: 66.67% of the standard 1.5, a yellow light.
  await value.fill('1');
  await page.getByTestId('light-C111').filter({ hasText: '黄灯' }).waitFor();
  await mkdir(downloads, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-monitor-xlsx').click()]);
  const file = join(downloads, 'single-monitoring.xlsx');
  await download.saveAs(file);
  await value.fill('');
  await page.getByTestId('light-C111').filter({ hasText: '—' }).waitFor();
  await page.locator('#import-form').setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: '读取执行监控表' }).waitFor();
  assert.equal(await value.inputValue(), '1');
  assert.equal(await text(page, 'light-C111'), '黄灯');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the served page requests only its own files', async () => {
  const { context, page, requests, errors } = await open(server.url);
  await newFrom(page, 'kunming-2022');
  await page.getByRole('tab', { name: '满意度调查' }).click();
  await page.getByRole('tab', { name: '预算明细' }).click();
  await page.getByRole('tab', { name: '设置' }).click();
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the request log works');
  assert.deepEqual(errors, []);
  await context.close();
});

test('both pages carry a strict Content-Security-Policy', async () => {
  for (const [name, csp] of [
    ['jixiao.html', /connect-src 'none'/],
    ['index.html', /connect-src 'self'/],
  ]) {
    const html = await readFile(join(dist, name), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
    assert.ok(meta, `${name} has a CSP`);
    assert.match(meta[1], /default-src 'none'/);
    assert.match(meta[1], csp);
    assert.match(meta[1], /object-src 'none'/);
    assert.doesNotMatch(meta[1], /'unsafe-inline'|'unsafe-eval'|https?:/);
  }
  // The policy is enforced: an injected inline script does not run.
  const { context, page } = await open(fileUrl);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  await context.close();
});
