/**
 * `npm run icons`: draws the site's icons from the mark in src/icons.ts into static/ — favicon.svg,
 * the PNG icons of the web app manifest, the Apple touch icon and favicon.ico — by rendering the
 * SVG in Debian's Chromium (playwright-core). Run it after changing the mark; commit the files.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ICO_SIZES, ICONS, markSvg, packIco } from '../src/icons.ts';

const staticDir = path.resolve(import.meta.dirname, '../static');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

async function render(svg: string, size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="${src}" alt="">`);
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

try {
  writeFileSync(path.join(staticDir, 'favicon.svg'), markSvg());
  for (const icon of ICONS) {
    writeFileSync(path.join(staticDir, icon.file), await render(icon.svg, icon.size));
    console.log(`icons: ${icon.file} (${icon.size}×${icon.size}, ${icon.purpose})`);
  }
  const pngs = [];
  for (const size of ICO_SIZES) pngs.push(await render(markSvg(), size));
  writeFileSync(path.join(staticDir, 'favicon.ico'), packIco(pngs));
  console.log(`icons: favicon.ico (${ICO_SIZES.join(', ')} px) and favicon.svg`);
} finally {
  await browser.close();
}
