/**
 * Regenerates the README screenshot from a built site:
 *   npm run build && node scripts/readme-screenshot.ts
 * A phone and a desktop view of the home page, side by side, in one PNG.
 */
import { join } from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { distDir, projectRoot } from '../tests/support/site.ts';
import { startStaticServer } from '../tests/support/static-server.ts';

const server = await startStaticServer(distDir);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 820 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Two frames of the real site: desktop on the left, a phone on the right.
  await page.setContent(`<!doctype html><body style="margin:0;background:#dfe7e6;display:flex;gap:24px;padding:24px;align-items:flex-start">
    <iframe src="${server.url}guides/how-to-ask-for-mentorship/" style="width:980px;height:772px;border:1px solid #9aa;border-radius:8px;background:#fff"></iframe>
    <iframe src="${server.url}" style="width:360px;height:772px;border:1px solid #9aa;border-radius:24px;background:#fff"></iframe>
  </body>`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(projectRoot, '.github/screenshot.png') });
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
