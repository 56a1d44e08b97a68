#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png at 128 × 128 (the Marketplace's size) with
// Debian's Chromium through playwright-core, the browser the UI tests use. Run it after
// editing the SVG; test/unit/manifest.test.ts checks the PNG's size.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(join(root, 'media/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(root, 'media/icon.png'), omitBackground: true });
  console.log('media/icon.png written');
} finally {
  await browser.close();
}
