/**
 * What program directors and their trainees do with the site, in Chromium
 * against the built site: find the reading paths, follow one with live
 * progress across its checklists, copy permanent links (and fall back to
 * selecting them when copying is blocked), print a one-page handout whose QR
 * code opens the path, with axe finding nothing. Also: every URL the build
 * publishes is in the committed list that protects it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import siteConfig from '../../site.config.ts';
import { readSitePages } from '../../src/integrations/permalinks.ts';
import { describeBuiltSite, publishedUrlsOf } from '../../src/lib/permalinks.ts';
import { QR_OPTIONS } from '../../src/lib/qr-code.ts';
import { newVisitor } from '../support/browser.ts';
import { distDir, projectRoot } from '../support/site.ts';
import { useSite } from '../support/use-site.ts';

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const INTERN = 'intern-year-first-90-days';

interface PathFile {
  slug: string;
  title: string;
  order: number;
  steps: { guide: string; why: string }[];
}
const pathFiles: PathFile[] = readdirSync(join(projectRoot, 'content/paths'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => ({
    slug: file.replace(/\.yaml$/, ''),
    order: 100,
    ...parse(readFileSync(join(projectRoot, 'content/paths', file), 'utf8')),
  }))
  .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));

const contexts: BrowserContext[] = [];
/** Content-Security-Policy violations, with the page they happened on. */
const cspViolations: string[] = [];

const site = useSite();

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => {})));
});

async function visitor(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  // No service worker: these tests are about pages, and a worker saving the site would compete for the 2 cores.
  const context = await newVisitor(site.browser, { serviceWorkers: 'block', ...options });
  contexts.push(context);
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  return { context, page };
}

const url = (path = '') => `${site.server.url}${path}`;
/** The permanent, absolute address of a site path, as program directors share it. */
const permanent = (path: string) => new URL(path, siteConfig.site).href;

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe('finding the paths', () => {
  it('the home page and the footer lead to the reading paths and the program directors’ page', async () => {
    const { page } = await visitor();
    await page.goto(url());
    const footer = page.locator('body > footer');
    await expect(footer.getByRole('link', { name: 'Reading paths' }).getAttribute('href')).resolves.toBe('/paths/');
    await expect(footer.getByRole('link', { name: 'For program directors' }).getAttribute('href')).resolves.toBe(
      '/program-directors/',
    );
    await page.locator('main').getByRole('link', { name: 'For program directors' }).click();
    await page.waitForURL(url('program-directors/'));
    await page.goto(url());
    await page.locator('main').getByRole('link', { name: 'reading path' }).click();
    await page.waitForURL(url('paths/'));
    await expect(page.locator('[data-paths-list] h2').allTextContents()).resolves.toEqual(
      pathFiles.map((path) => path.title),
    );
  });
});

describe('a reading path', () => {
  const intern = pathFiles.find((path) => path.slug === INTERN)!;

  it('lists its guides in order, each with why it matters, its reading time and its checklists', async () => {
    const { page } = await visitor();
    await page.goto(url(`paths/${INTERN}/`));
    await expect(page.locator('h1').textContent()).resolves.toBe(intern.title);
    const steps = page.locator('[data-path-steps] > li');
    await expect(steps.count()).resolves.toBe(intern.steps.length);
    for (const [index, step] of intern.steps.entries()) {
      const item = steps.nth(index);
      await expect(item.getByRole('link').first().getAttribute('href')).resolves.toBe(`/guides/${step.guide}/`);
      await expect(item.locator('[data-why]').textContent()).resolves.toBe(step.why);
      await expect(item.textContent()).resolves.toMatch(/\d+ min read/);
    }
    // The first guide's checklist links to its permanent anchor, which exists on the guide page.
    const first = steps.first().locator('[data-checklist]').first();
    const href = (await first.getByRole('link').getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/guides/${intern.steps[0]!.guide}/#checklist-[a-z0-9-]+$`));
    await page.goto(url(href.slice(1)));
    await expect(page.locator(`[id="${href.split('#')[1]}"]`).count()).resolves.toBe(1);
  });

  it('shows progress across its guides’ checklists, and updates live when another tab ticks', async () => {
    const { context, page } = await visitor();
    await page.goto(url(`paths/${INTERN}/`));
    const summary = page.locator('[data-path-summary]');
    await expect.poll(() => summary.textContent()).toMatch(/^Not started: (\d+) items in (\d+) checklists\.$/);
    const [, items, lists] = /(\d+) items in (\d+)/.exec((await summary.textContent())!)!;

    // Tick the first item of the first guide's checklist, on the guide page, like a reader.
    const row = page.locator('[data-path-steps] > li').first().locator('[data-checklist]').first();
    const checklistId = (await row.getAttribute('data-checklist'))!;
    const rowItems = (await row.getAttribute('data-items'))!.split(' ').length;
    const guide = await context.newPage();
    await guide.goto(url(`guides/${intern.steps[0]!.guide}/#checklist-${checklistId}`));
    await guide.locator(`#checklist-${checklistId}`).getByRole('checkbox').first().check();

    // The path page, open in the other tab, follows at once.
    await expect
      .poll(() => summary.textContent())
      .toBe(`1 of ${items} items done · 0 of ${lists} checklists complete.`);
    await expect(row.locator('[data-count]').textContent()).resolves.toBe(`1 of ${rowItems} done`);
    await expect(
      page.locator('progress[data-path-bar]').evaluate((bar: HTMLProgressElement) => [bar.value, bar.max]),
    ).resolves.toEqual([1, Number(items)]);

    // Finishing that checklist marks it complete; coming back later shows the same.
    for (const box of await guide.locator(`#checklist-${checklistId}`).getByRole('checkbox').all()) await box.check();
    await page.reload();
    await expect
      .poll(() => summary.textContent())
      .toBe(`${rowItems} of ${items} items done · 1 of ${lists} checklists complete.`);
  });

  it('without JavaScript still lists every step and checklist', async () => {
    const { page } = await visitor({ javaScriptEnabled: false });
    await page.goto(url(`paths/${INTERN}/`));
    await expect(page.locator('[data-path-steps] > li').count()).resolves.toBe(intern.steps.length);
    await expect(page.locator('[data-path-summary]').textContent()).resolves.toMatch(
      /^Not started: \d+ items in \d+ checklists\.$/,
    );
  });
});

describe('the program directors’ page', () => {
  it('lists every path and every checklist with its absolute permanent link', async () => {
    const { page } = await visitor();
    await page.goto(url('program-directors/'));
    const links = await page.locator('[data-copy-link] [data-url]').allTextContents();
    for (const path of pathFiles) {
      expect(links).toContain(permanent(`/paths/${path.slug}/`));
      await expect(
        page.locator(`[data-pd-path="${path.slug}"] a[href="/paths/${path.slug}/handout/"]`).count(),
      ).resolves.toBe(1);
    }
    const site = describeBuiltSite(await readSitePages(distDir, '/'));
    expect(site.anchors.size).toBeGreaterThan(30);
    for (const anchor of site.anchors) expect(links, anchor).toContain(permanent(anchor));
  });

  it('has a page per topic with every checklist link in that topic, reachable from the breadcrumb back', async () => {
    const { page } = await visitor();
    const site = describeBuiltSite(await readSitePages(distDir, '/'));
    const topics = readdirSync(join(distDir, 'program-directors/checklists'));
    expect(topics.length).toBeGreaterThan(1);
    const all: string[] = [];
    for (const topic of topics) {
      await page.goto(url(`program-directors/checklists/${topic}/`));
      const links = await page.locator('[data-copy-link] [data-url]').allTextContents();
      expect(links.length, topic).toBeGreaterThan(0);
      all.push(...links.map((link) => link.trim()));
    }
    expect(all.toSorted()).toEqual([...site.anchors].map(permanent).toSorted());
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'For program directors' })
      .click();
    await page.waitForURL(url('program-directors/'));
  });

  it('copies a link with the button and says "Copied"', async () => {
    const { context, page } = await visitor();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    await page.goto(url('program-directors/'));
    const entry = page.locator(`[data-pd-path="${INTERN}"] [data-copy-link]`);
    // Keyboard: the button is reachable and works with Enter.
    await entry.getByRole('button', { name: 'Copy link to Intern year: the first 90 days' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => entry.locator('[role="status"]').textContent()).toBe('Copied');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(permanent(`/paths/${INTERN}/`));
  });

  it('where copying is blocked, selects the link and says how to copy it', async () => {
    const { context, page } = await visitor();
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Blocked', 'NotAllowedError')) },
      });
    });
    await page.goto(url('program-directors/'));
    const entry = page.locator('[data-pd-checklist]').first().locator('[data-copy-link]');
    const link = (await entry.locator('[data-url]').textContent())!;
    await entry.getByRole('button').click();
    await expect
      .poll(() => entry.locator('[role="status"]').textContent())
      .toBe('Copying is blocked here: the link is selected, press Ctrl+C to copy it.');
    await expect(page.evaluate(() => getSelection()?.toString())).resolves.toBe(link);
  });

  it('without JavaScript shows the links as text and no button that would not work', async () => {
    const { page } = await visitor({ javaScriptEnabled: false });
    await page.goto(url('program-directors/'));
    await expect(page.locator('[data-copy-link] [data-url]').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /Copy link/ }).count()).resolves.toBe(0);
  });
});

describe('printable handouts', () => {
  it.each(pathFiles.map((path) => [path.slug, path] as const))(
    '%s: every step, a QR code that opens the path, one page on A4 and on Letter',
    async (slug, path) => {
      const { page } = await visitor();
      await page.goto(url(`paths/${slug}/handout/`));
      const handout = page.locator('[data-handout]');
      await expect(handout.locator('h1').textContent()).resolves.toBe(path.title);
      await expect(handout.locator('ol > li').count()).resolves.toBe(path.steps.length);
      for (const step of path.steps) await expect(handout.textContent()).resolves.toContain(step.why);
      // The QR code is exactly the code of the path's absolute address, generated at build time.
      const target = permanent(`/paths/${slug}/`);
      const svg = await handout.locator('svg[role="img"]').evaluate((element) => element.outerHTML);
      expect(svg).toContain(`aria-label="QR code that opens this reading path: ${target}"`);
      // The DOM writes <path/> as <path></path>; compare everything inside <svg>.
      const inner = (markup: string) =>
        markup
          .trim()
          .replace(/^<svg [^>]*>/, '')
          .replace(/<path([^>]*?)\/>/g, '<path$1></path>');
      expect(inner(svg)).toBe(inner(await QRCode.toString(target, QR_OPTIONS)));
      await expect(handout.textContent()).resolves.toContain(target);
      // Printing: the site's header, footer and buttons disappear and the sheet fits one page.
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = (await page.pdf({ format })).toString('latin1');
        expect(/\/Type\s*\/Pages[\s\S]*?\/Count (\d+)/.exec(pdf)?.[1], `${slug} on ${format}`).toBe('1');
      }
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('body > header').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: 'Print handout' }).isVisible()).resolves.toBe(false);
      await expect(handout.locator('svg[role="img"]').isVisible()).resolves.toBe(true);
    },
  );

  it('the "Print handout" button opens the print dialog', async () => {
    const { page } = await visitor();
    await page.addInitScript(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await page.goto(url(`paths/${INTERN}/handout/`));
    await page.getByRole('button', { name: 'Print handout' }).click();
    await expect(page.locator('html[data-printed]').count()).resolves.toBe(1);
  });
});

describe('accessibility and security', () => {
  for (const path of ['paths/', `paths/${INTERN}/`, `paths/${INTERN}/handout/`, 'program-directors/']) {
    it(`axe finds nothing on /${path}, in light and dark`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page } = await visitor({ colorScheme });
        await page.goto(url(path));
        expect(await axe(page), `${path} (${colorScheme})`).toEqual([]);
      }
    });
  }

  it('no page above broke a rule of the site’s Content-Security-Policy', () => {
    expect(cspViolations).toEqual([]);
  });
});

describe('permanent links', () => {
  it('every page and checklist anchor the build publishes is in src/data/published-urls.json', async () => {
    const committed = new Set(
      JSON.parse(readFileSync(join(projectRoot, 'src/data/published-urls.json'), 'utf8')) as string[],
    );
    const built = publishedUrlsOf(describeBuiltSite(await readSitePages(distDir, '/')));
    const unlisted = built.filter((entry) => !committed.has(entry));
    expect(unlisted, 'Run "npm run permalinks:update" after the build and commit src/data/published-urls.json').toEqual(
      [],
    );
  });
});
