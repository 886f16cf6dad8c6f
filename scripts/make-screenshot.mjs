// Writes docs/screenshot.png, the README's one picture: the Kunming example in the page
// (scripts/build-web first). Rerun only to change it.
import { serveDist, launch, newFrom } from '../tests/browser/helpers.mjs';

const server = await serveDist();
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1100, height: 640 }, locale: 'zh-CN' });
const page = await context.newPage();
await page.goto(server.url);
await page.getByTestId('total').waitFor();
await newFrom(page, 'kunming-2022');
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
await server.close();
