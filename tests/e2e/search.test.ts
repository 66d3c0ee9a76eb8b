/**
 * Search as a reader uses it, in Chromium against the built site: the header
 * dialog from the keyboard, results with excerpts and sections, highlighting on
 * the opened guide, the search page's filters and URL state, ranking of titles
 * and keywords, loading on demand, no-JavaScript fallbacks and axe.
 * (tests/e2e/search-relevance.test.ts checks which guide each real query finds.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serializeSearchState, type SearchState } from '../../src/lib/search-state.ts';
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

/** What the build says about each guide: its topic, audiences, title and keywords. */
interface BuiltGuide {
  slug: string;
  title: string;
  topic: string;
  audiences: string[];
  keywords: string[];
  /** Visible text of the article, without the hidden search data. */
  text: string;
  /** Text of the h2 and h3 headings. */
  headings: string;
}

function builtGuides(): BuiltGuide[] {
  return readdirSync(join(distDir, 'guides'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      let html: string;
      try {
        html = readFileSync(join(distDir, 'guides', entry.name, 'index.html'), 'utf8');
      } catch {
        return [];
      }
      const article = /<article data-pagefind-body[\s\S]*?<\/article>/.exec(html)?.[0];
      if (!article) return [];
      const filter = (name: string) =>
        [...article.matchAll(new RegExp(`data-pagefind-filter="${name}">([^<]*)<`, 'g'))].map((match) => match[1]!);
      const keywords = /data-pagefind-meta="keywords">([^<]*)</.exec(article)?.[1] ?? '';
      const visible = article.replace(/<[^>]*\shidden[\s>][^<]*<\/[a-z]+>/g, ' ');
      return [
        {
          slug: entry.name,
          title: decode(/<h1[^>]*data-pagefind-meta="title"[^>]*>([\s\S]*?)<\/h1>/.exec(article)?.[1]?.trim() ?? ''),
          topic: filter('topic')[0] ?? '',
          audiences: filter('audience'),
          keywords: decode(keywords)
            .split(',')
            .map((keyword) => keyword.trim())
            .filter(Boolean),
          text: decode(visible.replace(/<[^>]+>/g, ' ')).toLowerCase(),
          headings: decode(
            [...article.matchAll(/<h[23][^>]*>([\s\S]*?)<\/h[23]>/g)]
              .map((match) => match[1]!.replace(/<a class="heading-anchor"[\s\S]*?<\/a>/g, '').replace(/<[^>]+>/g, ' '))
              .join(' '),
          ).toLowerCase(),
        },
      ];
    });
}

function decode(html: string): string {
  return html
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

const slugOf = (href: string) => /\/guides\/([^/?#]+)\//.exec(href)?.[1] ?? href;

/** Waits until the search page has rendered results for exactly this state. */
async function waitForSearchPage(page: Page, state: SearchState): Promise<void> {
  await page.waitForFunction(
    (want) =>
      document.querySelector<HTMLElement>('mfg-search-page [data-search-results]')?.dataset.renderedQuery === want,
    serializeSearchState(state),
  );
}

async function pageResultSlugs(page: Page, scope: string): Promise<string[]> {
  const hrefs = await page
    .locator(`${scope} [data-search-results] a[data-search-result="page"]`)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map(slugOf);
}

async function typeInDialog(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search the guides' }).first().fill(query);
  await page.waitForFunction(
    (want) => document.querySelector<HTMLElement>('mfg-search [data-search-results]')?.dataset.renderedQuery === want,
    query,
  );
}

const dialogIsOpen = (page: Page) =>
  page.locator('mfg-search dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open);

describe('header search from the keyboard', () => {
  it('opens with "/", announces the number of results, moves with arrows and opens the focused result with Enter', async () => {
    const page = await freshPage();
    await page.goto(`${site.server.url}guides/`);
    await page.keyboard.press('/');
    await expect(dialogIsOpen(page)).resolves.toBe(true);
    const input = page.getByRole('searchbox', { name: 'Search the guides' }).first();
    await expect(input.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('burnout');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('mfg-search [data-search-results]')?.dataset.renderedQuery === 'burnout',
    );

    // The count is in a polite live region, so screen readers hear it.
    const status = page.locator('mfg-search [role="status"]');
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    const count = Number(/^(\d+) guides? match/.exec((await status.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(1);

    const links = page.locator('mfg-search [data-search-results] a[data-search-result]');
    const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    await page.keyboard.press('ArrowDown');
    await expect(focusedHref()).resolves.toBe(await links.nth(0).getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    await expect(focusedHref()).resolves.toBe(await links.nth(1).getAttribute('href'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(input.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const target = (await links.nth(1).getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.search}${url.hash}` === target);
    await context.close();
  });

  it('keeps what the reader types straight after "/", even while search is still loading', async () => {
    const page = await freshPage();
    // A slow connection: the code that makes the dialog search arrives a second after "/".
    await page.route('**/_astro/search-dialog.*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.goto(site.server.url);
    await page.keyboard.press('/');
    await page.keyboard.type('burnout', { delay: 20 });
    const input = page.getByRole('searchbox', { name: 'Search the guides' }).first();
    await expect(input.inputValue()).resolves.toBe('burnout');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('mfg-search [data-search-results]')?.dataset.renderedQuery === 'burnout',
    );
    await context.close();
  });

  it('opens the first result with Enter from the field', async () => {
    const page = await freshPage();
    await page.goto(site.server.url);
    await page.keyboard.press('Control+k');
    await typeInDialog(page, 'feedback');
    const first = (await page
      .locator('mfg-search [data-search-results] a[data-search-result]')
      .first()
      .getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.search}${url.hash}` === first);
    await context.close();
  });

  it('closes with Escape and gives focus back to the search button; Cmd+K opens it again', async () => {
    const page = await freshPage();
    await page.goto(`${site.server.url}guides/first-meeting/`);
    const trigger = page.locator('mfg-search [data-search-open]');
    await trigger.click();
    await expect(dialogIsOpen(page)).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialogIsOpen(page)).resolves.toBe(false);
    await expect(trigger.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    // Opened with "/" from nowhere in particular, focus still lands on the button.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    await expect(trigger.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press('Meta+k');
    await expect(dialogIsOpen(page)).resolves.toBe(true);
    await context.close();
  });
});

describe('results', () => {
  it("come from each guide's own text, not the page around it (contents box, reading time, buttons)", () => {
    const folder = join(distDir, 'pagefind/fragment');
    // Pagefind's fragment files: gzip, a "pagefind_dcd" signature, then the page's record as JSON.
    const indexed = readdirSync(folder).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(join(folder, name)))
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ) as {
          url: string;
          content: string;
        },
    );
    expect(indexed.length).toBe(builtGuides().length);
    for (const { url, content } of indexed) {
      for (const chrome of ['On this page', 'min read', 'Reset checklist', 'Link to this section'])
        expect(content, `${url} is indexed with "${chrome}"`).not.toContain(chrome);
    }
  });

  it('show the title, an excerpt with the words marked, and sections that link to headings on the guide', async () => {
    const page = await freshPage();
    await page.goto(site.server.url);
    await page.keyboard.press('/');
    await typeInDialog(page, 'feedback');
    const item = page
      .locator('mfg-search [data-search-results] > li')
      .filter({ has: page.locator('a[data-search-result="section"]') })
      .first();
    await expect(item.locator('a[data-search-result="page"]').textContent()).resolves.toMatch(/\S/);
    await expect(item.locator('mark').first().textContent()).resolves.toMatch(/feedback/i);

    const section = item.locator('a[data-search-result="section"]').first();
    const href = (await section.getAttribute('href'))!;
    const anchor = decodeURIComponent(new URL(href, site.server.url).hash.slice(1));
    expect(anchor).not.toBe('');
    const heading = (await section.textContent())!.trim();
    await section.click();
    await page.waitForURL((url) => url.hash === `#${encodeURIComponent(anchor)}` || url.hash === `#${anchor}`);
    // The anchor is a heading on the guide, titled as the result said.
    const target = page.locator(`[id="${anchor}"]`);
    await expect(target.count()).resolves.toBe(1);
    await expect(target.textContent()).resolves.toContain(heading);

    // The opened guide marks the searched word.
    const highlight = page.locator('article .pagefind-highlight').first();
    await highlight.waitFor();
    await expect(highlight.textContent()).resolves.toMatch(/feedback/i);
    await context.close();
  });

  it('lists more than a screenful on the search page, with "Show more results"', async () => {
    const page = await freshPage();
    await page.goto(`${site.server.url}search/?q=mentor`);
    await waitForSearchPage(page, { query: 'mentor', filters: {} });
    const status = (await page.locator('mfg-search-page [role="status"]').textContent()) ?? '';
    const total = Number(/^(\d+) guides? match/.exec(status)?.[1]);
    const items = page.locator('mfg-search-page [data-search-results] > li');
    const more = page.getByRole('button', { name: 'Show more results' });
    const shown = await items.count();
    expect(shown).toBeLessThanOrEqual(total);
    if (total > shown) {
      await more.click();
      await page.waitForFunction(
        (before) => document.querySelectorAll('mfg-search-page [data-search-results] > li').length > before,
        shown,
      );
      await expect(items.count()).resolves.toBe(Math.min(total, 2 * shown));
    }
    await expect(more.isVisible()).resolves.toBe((await items.count()) < total);
    await context.close();
  });
});

describe('ranking', () => {
  it('puts each guide first when its title is searched', async () => {
    const guides = builtGuides();
    expect(guides.length).toBeGreaterThan(5);
    const page = await freshPage();
    await page.goto(`${site.server.url}search/`);
    const wrong: string[] = [];
    for (const guide of guides) {
      await page.getByRole('searchbox', { name: 'Search the guides' }).last().fill(guide.title);
      await waitForSearchPage(page, { query: guide.title, filters: {} });
      const first = (await pageResultSlugs(page, 'mfg-search-page'))[0];
      if (first !== guide.slug) wrong.push(`"${guide.title}" → ${first}`);
    }
    expect(wrong).toEqual([]);
    await context.close();
  });

  it('puts a guide with the word in a heading above guides that only mention it', async () => {
    const guides = builtGuides();
    // Pagefind matches word stems and prefixes, so "relationships" also finds "relationship".
    const stem = (word: string) => word.replace(/(?:ies|es|s|ing|ed)$/, '');
    const has = (text: string, word: string) => new RegExp(`\\b${stem(word)}`).test(text);
    // A word in one guide's headings (not its title or keywords) that other guides use only in passing.
    const candidate = guides
      .flatMap((guide) => [...new Set(guide.headings.match(/\b[a-z]{6,}\b/g) ?? [])].map((word) => ({ guide, word })))
      .map(({ guide, word }) => ({
        guide,
        word,
        mentions: guides.filter((other) => other !== guide && has(other.text, word)),
      }))
      .find(
        ({ guide, word, mentions }) =>
          !has(guide.title.toLowerCase(), word) &&
          !guide.keywords.some((keyword) => has(keyword.toLowerCase(), word)) &&
          guides.filter((other) => has(other.headings, word) || has(other.title.toLowerCase(), word)).length === 1 &&
          mentions.length >= 2 &&
          mentions.every((other) => !other.keywords.some((keyword) => has(keyword.toLowerCase(), word))),
      );
    if (!candidate) throw new Error('No heading word is mentioned in passing by other guides; the test needs one.');
    const page = await freshPage();
    await page.goto(`${site.server.url}search/?q=${candidate.word}`);
    await waitForSearchPage(page, { query: candidate.word, filters: {} });
    const slugs = await pageResultSlugs(page, 'mfg-search-page');
    expect(slugs[0], `"${candidate.word}" is a heading in ${candidate.guide.slug}`).toBe(candidate.guide.slug);
    expect(slugs.length).toBeGreaterThan(1);
    await context.close();
  });

  it('finds a guide by a frontmatter keyword that its text never uses, without showing the keywords', async () => {
    const guides = builtGuides();
    const everyText = guides.map((guide) => guide.text).join(' ');
    const candidate = guides
      .flatMap((guide) => guide.keywords.map((keyword) => ({ guide, keyword })))
      .find(({ keyword }) => /^[a-z]{4,}$/i.test(keyword) && !new RegExp(`\\b${keyword}`, 'i').test(everyText));
    if (!candidate)
      throw new Error(
        'No guide has a one-word keyword that no guide text uses; the test needs one to check keyword search.',
      );
    const page = await freshPage();
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent(candidate.keyword)}`);
    await waitForSearchPage(page, { query: candidate.keyword, filters: {} });
    await expect(pageResultSlugs(page, 'mfg-search-page')).resolves.toContain(candidate.guide.slug);
    // Keywords are metadata, not text: no excerpt shows the keyword list.
    const excerpts = await page.locator('mfg-search-page .search-result-excerpt').allTextContents();
    expect(excerpts.some((excerpt) => excerpt.includes(candidate.guide.keywords.slice(0, 2).join(', ')))).toBe(false);
    await context.close();
  });
});

describe('search page filters', () => {
  it('count results per topic, narrow them when ticked, keep the state in the URL and undo with Back', async () => {
    const guides = new Map(builtGuides().map((guide) => [guide.slug, guide]));
    const page = await freshPage();
    await page.goto(`${site.server.url}search/?q=mentor`);
    await waitForSearchPage(page, { query: 'mentor', filters: {} });
    const unfiltered = await pageResultSlugs(page, 'mfg-search-page');
    // A column beside the results on a wide screen: no box to open first.
    await expect(page.locator('mfg-search-page summary').isVisible()).resolves.toBe(false);

    const topic = 'Burnout and well-being';
    const box = page.getByRole('checkbox', { name: new RegExp(`^${topic}`) });
    const label = page.locator('label').filter({ has: page.locator(`input[value="${topic}"]`) });
    const count = Number(await label.locator('[data-filter-count]').textContent());
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(unfiltered.length);

    await box.check();
    const filtered = { query: 'mentor', filters: { topic: [topic] } };
    await waitForSearchPage(page, filtered);
    expect(new URL(page.url()).search).toBe(serializeSearchState(filtered));
    const slugs = await pageResultSlugs(page, 'mfg-search-page');
    expect(slugs.length).toBe(count);
    expect(slugs.every((slug) => guides.get(slug)?.topic === topic)).toBe(true);

    await page.goBack();
    await waitForSearchPage(page, { query: 'mentor', filters: {} });
    await expect(box.isChecked()).resolves.toBe(false);
    expect(new URL(page.url()).search).toBe('?q=mentor');
    await expect(pageResultSlugs(page, 'mfg-search-page')).resolves.toEqual(unfiltered);

    await page.goForward();
    await waitForSearchPage(page, filtered);
    await expect(box.isChecked()).resolves.toBe(true);
    await context.close();
  });

  it('fold into a box below the search field on a phone, so the first result shows without scrolling', async () => {
    const height = 844;
    const page = await freshPage({ viewport: { width: 390, height } });
    await page.goto(`${site.server.url}search/?q=mentor`);
    await waitForSearchPage(page, { query: 'mentor', filters: {} });
    const firstResult = (await page.locator('mfg-search-page a[data-search-result="page"]').first().boundingBox())!;
    expect(firstResult.y + firstResult.height).toBeLessThan(height);
    const topic = 'Burnout and well-being';
    const box = page.getByRole('checkbox', { name: new RegExp(`^${topic}`) });
    await expect(box.isVisible()).resolves.toBe(false);

    // From the keyboard: the box opens with Enter, and ticking a filter searches and says how many are ticked.
    const summary = page.locator('mfg-search-page summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(box.isVisible()).resolves.toBe(true);
    await box.focus();
    await page.keyboard.press('Space');
    await waitForSearchPage(page, { query: 'mentor', filters: { topic: [topic] } });
    await expect(summary.textContent()).resolves.toMatch(/^\s*Filter results \(1 chosen\)\s*$/);
    await context.close();
  });

  it('leave the results room, so nothing the reader sees moves when results arrive (phone and wide screen)', async () => {
    // Before the results column kept a screen's height, the footer showed below the search field on a phone
    // and jumped away when results came (Lighthouse: layout shift 0.41).
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      const page = await freshPage({ viewport });
      await recordLayoutShifts(page);
      await page.goto(`${site.server.url}search/?q=burnout`);
      await waitForSearchPage(page, { query: 'burnout', filters: {} });
      const { total, shifts } = await layoutShifts(page);
      expect(total, `${viewport.width}px wide: ${shifts.join('; ')}`).toBeLessThan(0.01);
      await context.close();
    }
  });

  it('open a linked search with its words and filters, and list guides by filter alone', async () => {
    const guides = new Map(builtGuides().map((guide) => [guide.slug, guide]));
    const page = await freshPage();
    await page.goto(`${site.server.url}search/?q=burnout&audience=Intern`);
    const state = { query: 'burnout', filters: { audience: ['Intern'] } };
    await waitForSearchPage(page, state);
    await expect(page.getByRole('searchbox', { name: 'Search the guides' }).last().inputValue()).resolves.toBe(
      'burnout',
    );
    await expect(page.getByRole('checkbox', { name: /^Intern/ }).isChecked()).resolves.toBe(true);
    const slugs = await pageResultSlugs(page, 'mfg-search-page');
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs.every((slug) => guides.get(slug)?.audiences.includes('Intern'))).toBe(true);

    await page.getByRole('searchbox', { name: 'Search the guides' }).last().fill('');
    await waitForSearchPage(page, { query: '', filters: { audience: ['Intern'] } });
    const byFilter = [...guides.values()].filter((guide) => guide.audiences.includes('Intern')).length;
    await expect(page.locator('mfg-search-page [role="status"]').textContent()).resolves.toBe(
      `${byFilter} guides match the filters.`,
    );
    await context.close();
  });
});

describe('loading', () => {
  it('fetches no search code or index until search opens, and the highlighter only for guides opened from search', async () => {
    const page = await freshPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${site.server.url}guides/first-meeting/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.includes('/pagefind/') || path.includes('search-engine'))).toEqual([]);

    const pagefindLoaded = page.waitForResponse((response) => response.url().endsWith('/pagefind/pagefind.js'));
    await page.locator('mfg-search [data-search-open]').click();
    await pagefindLoaded;
    expect(requested.some((path) => path.includes('search-engine'))).toBe(true);
    expect(requested.some((path) => path.endsWith('pagefind-highlight.js'))).toBe(false);

    await page.goto(`${site.server.url}guides/first-meeting/?highlight=mentor`);
    await page.locator('article .pagefind-highlight').first().waitFor();
    expect(requested.some((path) => path.endsWith('pagefind-highlight.js'))).toBe(true);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('the header search and the search page form lead to the all-guides index', async () => {
    const page = await freshPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.url}search/`);
    await page.getByRole('searchbox', { name: 'Search the guides' }).last().fill('burnout');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/guides\/\?q=burnout$/);
    await expect(page.locator('main section ol > li > a').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Search' }).first().click();
    await page.waitForURL(/\/guides\/$/);
    await context.close();
  });
});

describe('accessibility of search', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds nothing in the open dialog with results, or on the filtered search page (${colorScheme})`, async () => {
      const page = await freshPage({ colorScheme });
      await page.goto(site.server.url);
      await page.keyboard.press('/');
      await typeInDialog(page, 'burnout');
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
      const dialog = await new AxeBuilder({ page }).include('mfg-search dialog').withTags(tags).analyze();
      const summary = (violations: typeof dialog.violations) =>
        violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      expect(summary(dialog.violations)).toEqual([]);

      await page.goto(`${site.server.url}search/?q=burnout&topic=Burnout+and+well-being`);
      await waitForSearchPage(page, { query: 'burnout', filters: { topic: ['Burnout and well-being'] } });
      const searchPage = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(summary(searchPage.violations)).toEqual([]);
      await context.close();
    });
  }
});
