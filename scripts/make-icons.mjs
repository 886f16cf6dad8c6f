// Draws the app icons www/icon-192.png and www/icon-512.png from www/icon.svg with the local
// Chromium (run by hand when the icon changes; the PNGs are kept in the repository).
//   node scripts/make-icons.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, root } from '../tests/browser/helpers.mjs';

const svg = await readFile(join(root, 'www/icon.svg'), 'utf8');
const browser = await launch();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: join(root, `www/icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
