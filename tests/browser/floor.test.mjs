// Below the browser floor the page says what is wrong and what to do, never a blank page: no
// WebAssembly, a WebAssembly that refuses the page's features, the IE engine (by its user agent);
// for the served page and the single file. Above it, the message stays hidden.
//   scripts/build-web && node --test tests/browser/floor.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDist, launch, screenshot, dist } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser.close();
  await server.close();
});

const single = () => pathToFileURL(join(dist, 'jixiao.html')).href;

const stubs = {
  'no WebAssembly': () => Object.defineProperty(window, 'WebAssembly', { value: undefined, configurable: true, writable: true }),
  'WebAssembly refuses the features': () => { WebAssembly.validate = () => false; },
};

async function open(url, { stub, userAgent } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, ...(userAgent ? { userAgent } : {}) });
  if (stub) await context.addInitScript(stub);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, errors };
}

for (const [name, stub] of Object.entries(stubs)) {
  for (const [which, url] of [['served page', () => server.url], ['single file', single]]) {
    test(`${which}, ${name}: a message in Chinese and English instead of a blank page`, async () => {
      const { context, page, errors } = await open(url(), { stub });
      const message = page.locator('#unsupported');
      await message.waitFor({ state: 'visible' });
      const text = await message.textContent();
      assert.match(text, /无法在此浏览器中运行/);
      assert.match(text, /cannot run/);
      assert.match(text, /极速模式/);
      assert.match(text, name === 'no WebAssembly' ? /不支持 WebAssembly/ : /版本过旧/);
      assert.equal(await page.getByTestId('total').count(), 0, 'the page did not start half-way');
      assert.deepEqual(errors, []);
      if (which === 'served page' && name === 'no WebAssembly') await screenshot(page, 'below-the-floor');
      await context.close();
    });
  }
}

test('the IE engine (compatibility mode) is told to switch 360 to 极速模式', async () => {
  const { context, page } = await open(server.url, { userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko' });
  await page.locator('#unsupported').waitFor({ state: 'visible' });
  assert.match(await page.locator('#unsupported-why').textContent(), /IE 内核（兼容模式）/);
  await context.close();
});

test('above the floor the message stays hidden and the page runs', async () => {
  for (const url of [server.url, single()]) {
    const { context, page, errors } = await open(url);
    await page.getByTestId('total').waitFor();
    assert.equal(await page.locator('#unsupported').isVisible(), false);
    assert.equal(await page.evaluate(() => window.jixiaoUnsupported ?? null), null);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the single file unpacks its modules without DecompressionStream (Firefox 91, Safari 15)', async () => {
  const { context, page, errors } = await open(single(), {
    stub: () => { delete window.DecompressionStream; },
  });
  await page.getByTestId('total').waitFor();
  assert.equal(await page.evaluate(() => typeof DecompressionStream), 'undefined');
  assert.deepEqual(errors, []);
  await context.close();
});
