/**
 * The site as a reader uses it, in headless Chromium against the built site:
 * navigation, search, dark mode, print, no-JavaScript fallbacks and axe.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newVisitor } from '../support/browser.ts';
import { layoutShifts, recordLayoutShifts } from '../support/layout-shift.ts';
import { distDir } from '../support/site.ts';
import { useSite } from '../support/use-site.ts';

let context: BrowserContext;

const site = useSite();

async function freshPage(options = {}): Promise<Page> {
  context = await newVisitor(site.browser, options);
  return context.newPage();
}

/** Prose of a built guide page, without tags. */
function guideProse(slug: string): string {
  const html = readFileSync(join(distDir, 'guides', slug, 'index.html'), 'utf8');
  const prose = /<div class="prose">([\s\S]*?)<\/div>\s*(?:<aside|<section)/.exec(html)?.[1] ?? '';
  return prose.replace(/<[^>]+>/g, ' ').toLowerCase();
}

/** A word in a guide's body, not in its title or description, that as few other guides as possible use. */
function bodyWord(slug: string): string {
  const html = readFileSync(join(distDir, 'guides', slug, 'index.html'), 'utf8');
  const head = (/<header[\s\S]*?<\/header>/.exec(html)?.[0] ?? '').toLowerCase();
  const others = readdirSync(join(distDir, 'guides'), { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && entry.name !== slug && existsSync(join(distDir, 'guides', entry.name, 'index.html')),
    )
    .map((entry) => guideProse(entry.name));
  const candidates = [...new Set(guideProse(slug).match(/\b[a-z]{8,}\b/g) ?? [])].filter(
    (word) => !head.includes(word),
  );
  if (candidates.length === 0) throw new Error(`No distinctive body word found in ${slug}`);
  const uses = (word: string) => others.filter((text) => text.includes(word)).length;
  return candidates.sort((a, b) => uses(a) - uses(b) || b.length - a.length)[0]!;
}

describe('the table of contents', () => {
  const toc = (page: Page) => page.getByRole('navigation', { name: 'On this page' });
  const firstEntry = (page: Page) => toc(page).getByRole('link').first();

  it('is a closed "On this page" box above the text on a phone, which opens and leads to a heading', async () => {
    const page = await freshPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.server.url}guides/first-meeting/`);
    await expect(firstEntry(page).isVisible()).resolves.toBe(false);
    const summary = page.getByText('On this page', { exact: true }).first();
    const box = await summary.boundingBox();
    const firstParagraph = await page.locator('.prose > p').first().boundingBox();
    expect(box!.y).toBeLessThan(firstParagraph!.y);
    await summary.click();
    await expect(firstEntry(page).isVisible()).resolves.toBe(true);
    const href = await firstEntry(page).getAttribute('href');
    await firstEntry(page).click();
    await page.waitForURL(new RegExp(`${href}$`));
    await context.close();
  });

  it('is a column beside the text on a wide screen, open, in view while reading and reachable by keyboard', async () => {
    const page = await freshPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${site.server.url}guides/first-meeting/`);
    await expect(page.getByText('On this page', { exact: true }).first().isVisible()).resolves.toBe(false);
    await expect(firstEntry(page).isVisible()).resolves.toBe(true);
    const entry = (await firstEntry(page).boundingBox())!;
    const text = (await page.locator('.prose').boundingBox())!;
    expect(entry.x).toBeGreaterThan(text.x + text.width);
    // Half-way down the guide it is still on screen.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const scrolled = (await firstEntry(page).boundingBox())!;
    expect(scrolled.y).toBeGreaterThanOrEqual(0);
    expect(scrolled.y).toBeLessThan(900);
    await firstEntry(page).focus();
    await expect(
      page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-labelledby')),
    ).resolves.toBe('toc-title');
    await context.close();
  });
});

describe('navigation', () => {
  it('goes from the home page to a topic hub to a guide', async () => {
    const page = await freshPage();
    await page.goto(site.server.url);
    await expect(page.locator('h1').textContent()).resolves.toContain('Mentor Field Guide');
    await page.getByRole('link', { name: 'Run meetings that help' }).click();
    await page.waitForURL(/\/topics\/meetings\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Mentoring meetings');
    await page
      .getByRole('link', { name: /Your first meeting with a new mentor/ })
      .first()
      .click();
    await page.waitForURL(/\/guides\/first-meeting\/$/);
    await expect(page.locator('article h1').textContent()).resolves.toContain('Your first meeting');
    // Breadcrumbs lead back to the topic; the table of contents links to headings on the page.
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: 'Mentoring meetings' }).getAttribute('href')).resolves.toBe(
      '/topics/meetings/',
    );
    const tocHref = await page.locator('nav[aria-labelledby="toc-title"] a').first().getAttribute('href');
    expect(tocHref).toMatch(/^#/);
    expect(await page.locator(`[id="${tocHref!.slice(1)}"]`).count()).toBe(1);
    await expect(
      page
        .getByText(/min read/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.locator('time').first().getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.locator('#sources-title + ol li').count()).resolves.toBeGreaterThanOrEqual(2);
    await context.close();
  });
});

describe('search', () => {
  it('finds a guide by a word in its body, with "/" and from the keyboard', async () => {
    const word = bodyWord('first-meeting');
    const page = await freshPage();
    await page.goto(`${site.server.url}guides/`);
    await page.keyboard.press('/');
    const input = page.getByRole('searchbox', { name: 'Search the guides' }).first();
    await expect(input.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await input.fill(word);
    const results = page.locator('[data-search-results] a[data-search-result]');
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.some((href) => href?.startsWith('/guides/first-meeting/'))).toBe(true);
    await expect(page.locator('[data-search-results] mark').first().textContent()).resolves.toMatch(
      new RegExp(word.slice(0, 5), 'i'),
    );
    await expect(page.locator('[data-search-status]').first().textContent()).resolves.toMatch(/guides? match/);
    // Arrow down moves into the results; Escape closes the dialog.
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-search-result'))).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(
      page
        .locator('dialog')
        .first()
        .evaluate((dialog) => (dialog as HTMLDialogElement).open),
    ).resolves.toBe(false);
    // Ctrl+K opens it again.
    await page.keyboard.press('Control+k');
    await expect(
      page
        .locator('dialog')
        .first()
        .evaluate((dialog) => (dialog as HTMLDialogElement).open),
    ).resolves.toBe(true);
    await context.close();
  });

  it('indexes guide bodies only, not navigation or index pages', async () => {
    const page = await freshPage();
    await page.goto(site.server.url);
    // A string, so Vite does not rewrite the browser's dynamic import.
    const urls: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search('mentor');
      const data = await Promise.all(search.results.map((result) => result.data()));
      return data.map((entry) => entry.url);
    })()`);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith('/guides/') && url !== '/guides/')).toBe(true);
    await context.close();
  });

  it('holds every guide once, at its own address, in the index built while the pages render', async () => {
    // Pagefind indexes each guide as Astro renders it (src/integrations/search-index.ts), so a guide
    // missed or sent twice would show here.
    const guideUrls = readdirSync(join(distDir, 'guides'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(distDir, 'guides', entry.name, 'index.html')))
      .filter((entry) =>
        readFileSync(join(distDir, 'guides', entry.name, 'index.html'), 'utf8').includes('data-pagefind-body'),
      )
      .map((entry) => `/guides/${entry.name}/`)
      .sort();
    const page = await freshPage();
    await page.goto(site.server.url);
    // Every guide has a topic filter, so asking for all topics lists every indexed page.
    const indexed: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const filters = await pagefind.filters();
      const search = await pagefind.search(null, { filters: { topic: { any: Object.keys(filters.topic) } } });
      const data = await Promise.all(search.results.map((result) => result.data()));
      return data.map((entry) => entry.url);
    })()`);
    expect(guideUrls.length).toBeGreaterThan(10);
    expect(indexed.sort()).toEqual(guideUrls);
    await context.close();
  });
});

describe('dark mode', () => {
  it('follows the system, and a chosen theme sticks across pages and reloads', async () => {
    const page = await freshPage({ colorScheme: 'dark' });
    await page.goto(site.server.url);
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    await expect(isDark()).resolves.toBe(true);
    await page.getByLabel('Colour theme').selectOption('light');
    await expect(isDark()).resolves.toBe(false);
    await page.goto(`${site.server.url}guides/first-meeting/`);
    await expect(isDark()).resolves.toBe(false);
    await expect(page.getByLabel('Colour theme').inputValue()).resolves.toBe('light');
    await page.getByLabel('Colour theme').selectOption('dark');
    await page.reload();
    await expect(isDark()).resolves.toBe(true);
    await page.getByLabel('Colour theme').selectOption('auto');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${site.server.url}topics/meetings/`);
    await expect(isDark()).resolves.toBe(false);
    await context.close();
  });
});

describe('a reflective checklist', () => {
  it('keeps the weekly well-being check-in ticks without counting them: a count would read as a score', async () => {
    const page = await freshPage();
    await page.goto(`${site.server.url}guides/weekly-wellbeing-check-in/`);
    const list = page.locator('[data-checklist="weekly-check-in"]');
    await list.getByRole('checkbox').first().check();
    await page.reload();
    await expect(list.getByRole('checkbox').first().isChecked()).resolves.toBe(true);
    await expect(list.getByRole('button', { name: 'Reset checklist' }).isVisible()).resolves.toBe(true);
    expect(await list.locator('[data-count]').count()).toBe(0);
    await expect(list.textContent()).resolves.not.toMatch(/\d+ of \d+ done/);
    // Nor on "My progress", nor on a reading path, where it does not count toward the path either.
    await page.goto(`${site.server.url}progress/`);
    await expect(page.locator('#progress-weekly-check-in [data-count]').textContent()).resolves.toBe('Started');
    await page.goto(`${site.server.url}paths/intern-year-first-90-days/`);
    const pathRow = page.locator('mfg-path-progress [data-checklist="weekly-check-in"]');
    await expect(pathRow.locator('[data-count]').textContent()).resolves.toBe('Started');
    await expect(page.locator('[data-path-summary]').textContent()).resolves.toMatch(/^Not started: /);
    // A list of tasks keeps its count.
    await page.goto(`${site.server.url}guides/first-meeting/`);
    await expect(
      page.locator('[data-checklist="first-meeting-prep"] [data-count]:not([hidden])').textContent(),
    ).resolves.toMatch(/^0 of \d+ done$/);
    await context.close();
  });
});

describe('a returning reader on a phone', () => {
  it('sees "My progress", a reading path and a path\'s link box fill in without the page moving', async () => {
    // Before: a row on "My progress" grew when its count ("Not started (6 items)") and Reset button came
    // (layout shift 0.12), and a path's progress bar and "Copy link" button pushed the steps down.
    const page = await freshPage({ viewport: { width: 390, height: 844 } });
    await recordLayoutShifts(context);
    await page.goto(`${site.server.url}guides/first-meeting/`);
    const boxes = page.locator('[data-checklist="first-meeting-prep"]').getByRole('checkbox');
    for (const index of [0, 1, 2]) await boxes.nth(index).check();
    const total = await boxes.count();
    const done = new RegExp(`^3 of ${total} done$`);

    await page.goto(`${site.server.url}progress/`);
    await expect.poll(() => page.locator('#progress-first-meeting-prep [data-count]').textContent()).toMatch(done);
    await expect(page.getByRole('button', { name: /^Reset “/ }).count()).resolves.toBe(1);
    const progress = await layoutShifts(page);
    expect(progress.total, `My progress: ${progress.shifts.join('; ')}`).toBeLessThan(0.01);

    await page.goto(`${site.server.url}paths/first-month-of-medical-school/`);
    const row = page.locator('mfg-path-progress [data-checklist="first-meeting-prep"] [data-count]');
    await expect.poll(() => row.textContent()).toMatch(done);
    await expect(page.getByRole('button', { name: /^Copy link/ }).isVisible()).resolves.toBe(true);
    const path = await layoutShifts(page);
    expect(path.total, `reading path: ${path.shifts.join('; ')}`).toBeLessThan(0.01);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('lists every guide on the index, and the header search leads there', async () => {
    const page = await freshPage({ javaScriptEnabled: false });
    await page.goto(site.server.url);
    await page.getByRole('link', { name: 'Search' }).first().click();
    await page.waitForURL(/\/guides\/$/);
    const listed = await page.locator('main section ol > li > a').count();
    const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
    const guidePages = (sitemap.match(/\/guides\/[a-z0-9-]+\/</g) ?? []).length;
    expect(listed).toBe(guidePages);
    await context.close();
  });
});

describe('print', () => {
  it('hides navigation and shows link targets', async () => {
    const page = await freshPage();
    await page.goto(`${site.server.url}guides/first-meeting/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-footer').isVisible()).resolves.toBe(false);
    const after = await page
      .locator('#sources-title + ol a')
      .first()
      .evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toContain('http');
    await context.close();
  });
});

describe('accessibility', () => {
  const pages = [
    '',
    'guides/',
    'guides/first-meeting/',
    'topics/meetings/',
    'topics/burnout-and-wellbeing/',
    'for/student/',
    'search/?q=mentor',
    'glossary/',
    'no-such-page/',
  ];

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(pages)(`axe finds no WCAG 2.2 AA violations on /%s (${colorScheme})`, async (path) => {
      const page = await freshPage({ colorScheme });
      await page.goto(`${site.server.url}${path}`);
      if (path.startsWith('search/'))
        await page.locator('[data-search-status]').filter({ hasText: /match/ }).first().waitFor();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const summary = results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
      expect(summary).toEqual([]);
      await context.close();
    });
  }
});
