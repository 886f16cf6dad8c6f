// 报告: the drafted text, Excel and CSV downloads, copying, charts, and the printed A4 report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serveDist, launch, openPage, newFrom, screenshot, settled, shots, downloads } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function kunmingReport() {
  const opened = await openPage(browser, server.url);
  await newFrom(opened.page, 'kunming-2022');
  await opened.page.getByRole('tab', { name: '报告' }).click();
  return opened;
}

async function download(page, action, name) {
  await mkdir(downloads, { recursive: true });
  const [d] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = join(downloads, name);
  await d.saveAs(path);
  return { path, bytes: await readFile(path), suggested: d.suggestedFilename() };
}

test('the report tab shows the drafted text with the example figures, and charts', async () => {
  const { page, context, errors } = await kunmingReport();
  const text = await page.locator('#panel .report-text').textContent();
  for (const figure of ['97.361', '82.050854', '84.27%', '96.86', '92', '优', '预算申报准确性不足']) {
    assert.ok(text.includes(figure), figure);
  }
  assert.ok(text.includes('举办残疾人职业技能培训期数不少于3期，完成4期，完成率100%'));
  assert.equal(await page.locator('#panel figure.chart svg[role=img]').count(), 3);
  await screenshot(page, 'report-tab');
  await page.getByRole('button', { name: 'English' }).click();
  assert.match(await page.locator('#panel .report-text').textContent(), /execution rate 84\.27%/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Excel and CSV downloads', async () => {
  const { page, context } = await kunmingReport();
  const xlsx = await download(page, () => page.getByTestId('export-xlsx').click(), 'kunming.xlsx');
  assert.equal(xlsx.suggested, '2022年残疾人职业技能培训及就业服务经费项目.xlsx');
  assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');
  // Entries are stored uncompressed: the sheet XML is readable in the bytes.
  const body = xlsx.bytes.toString('utf8');
  assert.ok(body.includes('xl/worksheets/sheet1.xml'));
  assert.ok(body.includes('<v>97.361</v>') && body.includes('<v>82.050854</v>'));
  const csv = await download(page, () => page.locator('#export-csv').selectOption('1'), 'budget.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  assert.match(csv.bytes.toString('utf8'), /合计,,,97\.361,97\.361,82\.050854,15\.310146,84\.27%,/);
  assert.match(csv.suggested, /预算明细\.csv$/);
  await context.close();
});

test('the Word report downloads and reads back with python-docx', async () => {
  const { page, context } = await kunmingReport();
  const word = await download(page, () => page.getByTestId('export-docx').click(), 'kunming.docx');
  assert.equal(word.suggested, '2022年残疾人职业技能培训及就业服务经费项目.docx');
  assert.equal(word.bytes.subarray(0, 2).toString(), 'PK');
  const script = ['import docx, sys', 'd = docx.Document(sys.argv[1])',
    'print("\\n".join(p.text for p in d.paragraphs))', 'print(len(d.tables))'].join('\n');
  const text = execFileSync('python3', ['-c', script, word.path]).toString();
  for (const s of ['一、基本情况', '七、其他需要说明的问题', '97.361万元', '84.27%', '评定等级为优']) assert.ok(text.includes(s), s);
  assert.match(text.trim(), /\n4$/);
  // The outline is chosen beside the button: the seed's, 摘要 first, 落款 at the end.
  const outline = page.getByLabel('Word 报告提纲');
  assert.equal(await outline.inputValue(), '2020');
  await outline.selectOption('seed');
  const seed = await download(page, () => page.getByTestId('export-docx').click(), 'kunming-seed.docx');
  const seedText = execFileSync('python3', ['-c', script, seed.path]).toString();
  for (const s of ['摘要', '正文', '三、评价结论和绩效分析', '1.项目决策（满分20.00分，评价得分20.00分）', '四、成本效益分析', '2023年5月17日']) {
    assert.ok(seedText.includes(s), s);
  }
  assert.ok(!seedText.includes('七、其他需要说明的问题'));
  assert.match(seedText.trim(), /\n4$/);
  await context.close();
});

test('the copy button puts the report text on the clipboard', async () => {
  const { page, context } = await kunmingReport();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await page.getByTestId('copy-text').click();
  await page.getByTestId('notice').filter({ hasText: '已复制' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith('一、资金来源及使用情况'));
  assert.ok(copied.includes('评定等级为优'));
  await context.close();
});

test('printing gives a clean A4 report', async () => {
  const { page, context } = await openPage(browser, server.url);
  await newFrom(page, 'kunming-2022');
  // Printed from the editor, not the report tab: the print copy is drawn for printing only.
  await settled(page);
  assert.equal(await page.locator('article.report-print').count(), 0, 'no hidden copy kept in the page');
  await page.emulateMedia({ media: 'print' });
  await mkdir(shots, { recursive: true });
  const pdf = join(shots, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 3 && pages <= 8, `${pages} pages`);
  assert.match(info, /Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const s of ['项目支出绩效自评表', '92.00', '97.361', '82.050854', '84.27%', '96.86', '评定等级为优', '存在的问题']) {
    assert.ok(text.includes(s), s);
  }
  assert.ok(!text.includes('导出 JSON'), 'no toolbar in print');
  assert.ok(!text.includes('偏差原因分析及改进措施\n\n偏差原因分析及改进措施'), 'no editor in print');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdf, join(shots, 'print-page')]);
  await context.close();
});

test('the report is drawn by the page itself: nothing more is fetched, and it is drawn once', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await page.getByTestId('total').waitFor();
  await settled(page);
  const before = fetched.length;
  await page.getByRole('tab', { name: '报告' }).click();
  await page.locator('#panel .report-text').waitFor();
  // Leaving the tab and coming back draws it again, in one copy.
  await page.getByRole('tab', { name: '预算明细' }).click();
  await page.getByRole('tab', { name: '报告' }).click();
  await page.locator('#panel .report-text').waitFor();
  assert.equal(await page.locator('#panel article.report').count(), 1);
  assert.deepEqual(fetched.slice(before), [], 'opening the report fetches nothing');
  assert.ok(fetched.every((f) => !f.includes('/reader/')), 'the form reader is not fetched');
  assert.equal(fetched.filter((f) => f.endsWith('.wasm')).length, 1, JSON.stringify(fetched));
  await context.close();
});

test('printing straight after opening prints the report', async () => {
  for (let round = 0; round < 3; round++) {
    const { page, context } = await openPage(browser, server.url);
    await newFrom(page, 'kunming-2022');
    await page.emulateMedia({ media: 'print' });
    const pdf = join(shots, 'report-at-once.pdf');
    await mkdir(shots, { recursive: true });
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    assert.ok(text.includes('评定等级为优') && text.includes('84.27%'), `round ${round}: ${text.slice(0, 60)}`);
    assert.ok(!text.includes('正在载入'), 'no loading note on paper');
    await context.close();
  }
});
