/**
 * Retired URLs keep working, in Chromium. The fixture
 * tests/fixtures/permalink-renamed-guide renamed the guide "old-name" to
 * "new-name" and changed the checklist id "old-id" to "new-id" in "stays"; its
 * redirects.json says where they went. Built under a base path, as an
 * intranet deploy would be. (Without the redirects the build fails: see
 * tests/unit/permalink-build.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newVisitor } from '../support/browser.ts';
import { buildFixture, type FixtureBuild } from '../support/build-fixture.ts';
import { projectRoot } from '../support/site.ts';
import { useSite } from '../support/use-site.ts';

const BASE = '/mentoring/';
const fixture = join(projectRoot, 'tests/fixtures/permalink-renamed-guide');

let build: FixtureBuild;

const site = useSite({
  base: BASE,
  dir: () => {
    // Vitest puts BASE_URL="/" in process.env and the child build would take it over MFG_BASE.
    build = buildFixture('permalink-renamed-guide', {
      MFG_BASE: BASE,
      BASE_URL: BASE,
      MFG_PUBLISHED_URLS: join(fixture, 'published-urls.json'),
      MFG_REDIRECTS: join(fixture, 'redirects.json'),
    });
    if (!build.ok) throw new Error(`The fixture with redirects did not build:\n${build.output}`);
    return build.outDir;
  },
  timeout: 180_000,
});

async function freshPage(): Promise<Page> {
  const context = await newVisitor(site.browser, { serviceWorkers: 'block' });
  return context.newPage();
}

/** True when the element's top is inside the viewport: the browser scrolled to it. */
function scrolledTo(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const { top } = element.getBoundingClientRect();
    return top >= 0 && top < innerHeight;
  });
}

describe('a retired page address', () => {
  it('opens the renamed guide', async () => {
    const page = await freshPage();
    await page.goto(`${site.server.url}guides/old-name/`);
    await page.waitForURL(`${site.server.url}guides/new-name/`);
    await expect(page.locator('article h1').textContent()).resolves.toContain('Preparing for a mentoring meeting');
    await page.context().close();
  });

  it('carries a checklist anchor along to the same checklist at the new address', async () => {
    const page = await freshPage();
    await page.goto(`${site.server.url}guides/old-name/#checklist-prep`);
    await page.waitForURL(`${site.server.url}guides/new-name/#checklist-prep`);
    await page.locator('#checklist-prep').waitFor();
    await expect.poll(() => scrolledTo(page, '#checklist-prep')).toBe(true);
    await page.context().close();
  });

  it('is a 301 in the Netlify and nginx config the build wrote, under the base path', () => {
    expect(readFileSync(join(build.outDir, '_redirects'), 'utf8')).toContain(
      '/mentoring/guides/old-name/  /mentoring/guides/new-name/  301!',
    );
    const nginx = readFileSync(join(build.outDir, 'nginx-redirects.conf'), 'utf8');
    expect(nginx).toContain('location = /mentoring/guides/old-name/ { return 301 /mentoring/guides/new-name/; }');
    expect(nginx).toContain('location = /mentoring/guides/old-name { return 301 /mentoring/guides/new-name/; }');
    // Browsers never request these, so the service worker must not try to save them for offline use.
    expect(readFileSync(join(build.outDir, 'sw.js'), 'utf8')).not.toMatch(/_redirects|nginx-redirects/);
  });
});

describe('a retired checklist anchor on a page that still exists', () => {
  it('lands on a notice that links to the checklist’s new anchor', async () => {
    const page = await freshPage();
    await page.goto(`${site.server.url}guides/stays/#checklist-old-id`);
    const notice = page.locator('#checklist-old-id');
    await expect(notice.textContent()).resolves.toBe(
      'This checklist has moved: go to it in “Asking for feedback on the wards”.',
    );
    await expect.poll(() => scrolledTo(page, '#checklist-old-id')).toBe(true);
    await notice.getByRole('link').click();
    await page.waitForURL(`${site.server.url}guides/stays/#checklist-new-id`);
    await expect.poll(() => scrolledTo(page, '#checklist-new-id')).toBe(true);
    await page.context().close();
  });
});
