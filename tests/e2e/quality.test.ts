/**
 * Quality gates over EVERY page in the sitemap, in light and dark mode, in
 * headless Chromium against the built site: axe (WCAG 2.2 AA) finds nothing;
 * no request leaves the site's origin and nothing sets a cookie; the
 * Content-Security-Policy blocks nothing the site needs; JavaScript and CSS
 * loaded before the load event stay within budget; no layout shift and no web
 * fonts; every image has dimensions and a text alternative. Each page is
 * visited once per colour scheme and every check reads that one visit.
 *
 * Also: internal links resolve, external links are listed in
 * reports/external-links.md, search works under the policy served as HTTP
 * headers from the generated _headers file, and the discoverability files
 * (robots.txt, sitemap, canonical, Open Graph, social image) are right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import siteConfig from '../../site.config.ts';
import { readBuiltPages } from '../../src/integrations/dist-files.ts';
import { HEADERS_FILE } from '../../src/integrations/security-headers.ts';
import { findBrokenLinks } from '../../src/lib/link-check.ts';
import { cspHash, inlineCode, metaPolicy, parsePolicy } from '../../src/lib/security-headers.ts';
import { externalLinks, writeExternalLinksReport } from '../../scripts/report-external-links.ts';
import { newVisitor } from '../support/browser.ts';
import { layoutShifts, recordLayoutShifts } from '../support/layout-shift.ts';
import { distDir, projectRoot } from '../support/site.ts';
import { useSite } from '../support/use-site.ts';

/** The issue's budgets: per page, at load, gzip. */
const JS_BUDGET = 20 * 1024;
const CSS_BUDGET = 20 * 1024;
/**
 * Cumulative layout shift on load. Fonts cannot shift anything (the site uses the
 * system's fonts and the test fails on any font request); scripts that fill in a
 * reader's progress may nudge a line (about 0.01). Half of Core Web Vitals'
 * 0.1 "good" limit, so an image without dimensions or a late banner fails.
 */
const LAYOUT_SHIFT_LIMIT = 0.05;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Loaded on demand (search), so outside the page-load budget. */
const ON_DEMAND = /\/pagefind\//;

const base = process.env.MFG_BASE ?? siteConfig.base;
const site = useSite({ base });

/** Every page URL in the sitemap(s), as a path on the local server (base path included). */
function sitemapPaths(): string[] {
  const index = readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const paths = sitemaps.flatMap((sitemap) => {
    const xml = readFileSync(join(distDir, sitemap.slice(base.length)), 'utf8');
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  });
  return [...new Set(paths)];
}

/** The built file a same-origin URL serves. */
function distFile(url: string): string {
  const path = decodeURIComponent(new URL(url).pathname).slice(base.length);
  return join(distDir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) gzipCache.set(file, (size = gzipSync(readFileSync(file), { level: 9 }).length));
  return size;
}

interface Visit {
  path: string;
  axe: string[];
  cspViolations: string[];
  errors: string[];
  /** Every request the page (or its service worker) made, with its resource type. */
  requests: { url: string; type: string }[];
  /** Same-origin scripts and stylesheets fetched before the load event. */
  loadedAtStart: string[];
  inlineScripts: string[];
  documentCookie: string;
  layoutShift: number;
  badImages: string[];
}

/** Records CSP violations from the first line of every page. */
const RECORD_CSP = () => {
  const log: string[] = [];
  (window as unknown as { mfgCspViolations: string[] }).mfgCspViolations = log;
  document.addEventListener('securitypolicyviolation', (event) => {
    log.push(
      `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}${event.sample ? `: ${event.sample}` : ''}`,
    );
  });
};

async function visit(context: BrowserContext, path: string): Promise<Visit> {
  const page = await context.newPage();
  const requests: Visit['requests'] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await recordLayoutShifts(page);
  await page.goto(`${site.server.origin}${path}`, { waitUntil: 'load' });
  const { total: layoutShift } = await layoutShifts(page);
  const facts = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const loadedAtStart = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= navigation.loadEventStart)
      .map((entry) => entry.name)
      .filter((name) => new URL(name).origin === location.origin && /\.(m?js|css)$/.test(new URL(name).pathname));
    const outline = (element: Element) => element.outerHTML.slice(0, 160);
    const badImages = [
      ...[...document.querySelectorAll('img')]
        .filter((img) => !img.hasAttribute('alt') || !img.getAttribute('width') || !img.getAttribute('height'))
        .map((img) => `<img> without alt, width or height: ${outline(img)}`),
      ...[...document.querySelectorAll('svg[role="img"]')]
        .filter((svg) => {
          const sized = svg.hasAttribute('viewBox') || (svg.getAttribute('width') && svg.getAttribute('height'));
          const labelledBy = svg.getAttribute('aria-labelledby');
          const named =
            svg.getAttribute('aria-label')?.trim() ||
            (labelledBy && labelledBy.split(/\s+/).every((id) => document.getElementById(id)?.textContent?.trim())) ||
            svg.querySelector(':scope > title')?.textContent?.trim();
          return !sized || !named;
        })
        .map((svg) => `<svg role="img"> without a viewBox/size or an accessible name: ${outline(svg)}`),
    ];
    const inlineScripts = [...document.querySelectorAll('script:not([src])')]
      .filter((script) => !script.getAttribute('type') || script.getAttribute('type') === 'module')
      .map((script) => script.textContent ?? '');
    return {
      loadedAtStart,
      badImages,
      inlineScripts,
      documentCookie: document.cookie,
      cspViolations: (window as unknown as { mfgCspViolations: string[] }).mfgCspViolations,
    };
  });
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const axe = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  await page.close();
  return { path, axe, errors, requests, layoutShift, ...facts };
}

/** "page: problem" lines for every page with problems, for readable failures. */
function report(visits: readonly Visit[], problems: (visit: Visit) => string[]): string[] {
  return visits.flatMap((visit) => problems(visit).map((problem) => `${visit.path}: ${problem}`));
}

describe.each(['light', 'dark'] as const)('every page in the sitemap, %s mode', (colorScheme) => {
  const visits: Visit[] = [];
  let context: BrowserContext;
  let contextRequests: string[] = [];

  beforeAll(async () => {
    // One visitor per colour scheme: pages share the browser's cache and service worker, as a reader's would.
    context = await newVisitor(site.browser, { colorScheme });
    await context.addInitScript(RECORD_CSP);
    // Requests from the service worker too (they are not a page's).
    context.on('request', (request) => contextRequests.push(request.url()));
    for (const path of sitemapPaths()) visits.push(await visit(context, path));
  }, 1_800_000);

  afterAll(async () => {
    await context?.close();
    contextRequests = [];
  });

  it('covers every page, in the right colour scheme', async () => {
    expect(visits.length).toBeGreaterThan(10);
    const page = await context.newPage();
    await page.goto(site.server.url);
    await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(
      colorScheme === 'dark',
    );
    await page.close();
  });

  it('axe finds no WCAG 2.2 AA violations', () => {
    const problems = report(visits, (visit) => visit.axe);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the Content-Security-Policy blocks nothing, and no page logs an error', () => {
    const problems = report(visits, (visit) => [...visit.cspViolations, ...visit.errors]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every request stays on the site, and nothing sets a cookie', async () => {
    const offSite = (url: string) =>
      !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== site.server.origin;
    const problems = [
      ...report(visits, (visit) =>
        visit.requests.filter((request) => offSite(request.url)).map((request) => `request to ${request.url}`),
      ),
      ...contextRequests.filter(offSite).map((url) => `service worker or browser request to ${url}`),
      ...report(visits, (visit) => (visit.documentCookie ? [`document.cookie is "${visit.documentCookie}"`] : [])),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
    expect(visits.every((visit) => visit.requests.length > 0)).toBe(true);
    await expect(context.cookies()).resolves.toEqual([]);
  });

  it(`loads at most ${JS_BUDGET / 1024} KB of JavaScript and ${CSS_BUDGET / 1024} KB of CSS (gzip) before the load event`, () => {
    const problems = report(visits, (visit) => {
      const atLoad = visit.loadedAtStart.filter((url) => !ON_DEMAND.test(url));
      const scripts = atLoad.filter((url) => /\.m?js$/.test(new URL(url).pathname));
      const styles = atLoad.filter((url) => new URL(url).pathname.endsWith('.css'));
      const js =
        scripts.reduce((sum, url) => sum + gzipSize(distFile(url)), 0) +
        visit.inlineScripts.reduce((sum, code) => sum + gzipSync(code).length, 0);
      const css = styles.reduce((sum, url) => sum + gzipSize(distFile(url)), 0);
      return [
        ...(js > JS_BUDGET ? [`${js} bytes of JavaScript (gzip) at load: ${scripts.join(', ')}`] : []),
        ...(css > CSS_BUDGET ? [`${css} bytes of CSS (gzip) at load: ${styles.join(', ')}`] : []),
      ];
    });
    expect(problems, problems.join('\n')).toEqual([]);
    // The measurement sees the site's own files.
    expect(visits.every((visit) => visit.loadedAtStart.some((url) => url.endsWith('.css')))).toBe(true);
  });

  it('no web fonts to shift the layout, and next to no layout shift on load', () => {
    const problems = report(visits, (visit) => [
      ...(visit.layoutShift > LAYOUT_SHIFT_LIMIT ? [`layout shift ${visit.layoutShift.toFixed(4)}`] : []),
      ...visit.requests.filter((request) => request.type === 'font').map((request) => `loads the font ${request.url}`),
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every image has dimensions and a text alternative', () => {
    const problems = report(visits, (visit) => visit.badImages);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('links', () => {
  it('every internal link and #anchor resolves, and external links are listed in reports/external-links.md', async () => {
    const { pages, files } = await readBuiltPages(distDir, base);
    const broken = findBrokenLinks(pages, files).map((link) => `${link.from} → ${link.href}: ${link.reason}`);
    expect(broken, broken.join('\n')).toEqual([]);

    const reportFile = join(projectRoot, 'reports/external-links.md');
    const written = await writeExternalLinksReport(distDir, base, reportFile);
    const text = readFileSync(reportFile, 'utf8');
    const expected = externalLinks(pages);
    expect(expected.size).toBeGreaterThan(0);
    expect([...written.keys()]).toEqual([...expected.keys()]);
    for (const url of expected.keys()) expect(text).toContain(`<${url.replace(/\|/g, '\\|')}>`);
  });
});

/** The headers from the generated _headers file (Netlify / Cloudflare Pages format). */
function generatedHeaders(): Record<string, string> {
  const lines = readFileSync(join(distDir, HEADERS_FILE), 'utf8').split('\n');
  return Object.fromEntries(
    lines
      .filter((line) => /^\s+\S+:\s/.test(line))
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}

describe('the meta policy in each page', () => {
  it("allows the page's own inline scripts and styles, and no other hashes", async () => {
    const { pages } = await readBuiltPages(distDir, base);
    const problems: string[] = [];
    for (const page of pages) {
      const policy = metaPolicy(page.html);
      if (policy === undefined) continue;
      const { scripts, styles } = inlineCode(page.html);
      const directives = parsePolicy(policy);
      for (const [name, code] of [
        ['script-src', scripts],
        ['style-src', styles],
      ] as const) {
        const hashes = (directives.get(name) ?? []).filter((source) => source.startsWith("'sha"));
        const own = new Set(code.map(cspHash));
        if (hashes.length !== own.size || hashes.some((hash) => !own.has(hash)))
          problems.push(`${page.path}: ${name} has ${hashes.length} hashes for ${own.size} inline blocks`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the security headers from _headers, served as a host would', () => {
  let context: BrowserContext;
  const headers = () => generatedHeaders();

  beforeAll(async () => {
    // The service worker would answer from its cache, past the route below.
    context = await newVisitor(site.browser, { colorScheme: 'dark', serviceWorkers: 'block' });
    await context.addInitScript(RECORD_CSP);
    const extra = headers();
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...extra } });
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('has the policy and the other headers', () => {
    const all = headers();
    expect(all['Content-Security-Policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(all['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(all['Content-Security-Policy']).not.toContain('unsafe-inline');
    expect(all['X-Content-Type-Options']).toBe('nosniff');
    expect(all['Referrer-Policy']).toBe('no-referrer');
    expect(all['Permissions-Policy']).toContain('camera=()');
    const nginx = readFileSync(join(distDir, 'nginx-security-headers.conf'), 'utf8');
    expect(nginx).toContain(`add_header Content-Security-Policy "${all['Content-Security-Policy']}" always;`);
    expect(nginx).toContain('add_header X-Content-Type-Options "nosniff" always;');
  });

  async function open(path: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await context.newPage();
    const response = await page.goto(`${site.server.url}${path}`);
    expect(response?.headers()['content-security-policy']).toBe(headers()['Content-Security-Policy']);
    return {
      page,
      violations: () => page.evaluate(() => (window as unknown as { mfgCspViolations: string[] }).mfgCspViolations),
    };
  }

  it('the theme script runs, search finds guides, and an injected inline script is blocked', async () => {
    const { page, violations } = await open('search/?q=mentor');
    // The hashed inline theme script ran before paint: dark mode from the system setting.
    await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(true);
    // Pagefind (its worker and WebAssembly) works under the policy.
    const results = page.locator('[data-search-results] a[data-search-result]');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    // The policy is in force: an inline script that is not hashed does not run.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.mfgInjected = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return (window as unknown as { mfgInjected?: boolean }).mfgInjected === true;
    });
    expect(ran).toBe(false);
    expect(
      (await violations()).some((line) => line.startsWith('script-src-elem') || line.startsWith('script-src')),
    ).toBe(true);
    await page.close();
  });

  it('the search dialog works on a guide page', async () => {
    const { page, violations } = await open('guides/first-meeting/');
    await page.keyboard.press('/');
    await page.getByRole('searchbox', { name: 'Search the guides' }).first().fill('burnout');
    await page.locator('[data-search-results] a[data-search-result]').first().waitFor();
    expect(await violations()).toEqual([]);
    await page.close();
  });
});

describe('discoverability', () => {
  const siteUrl = new URL(base, siteConfig.site).href;
  const html = (path: string) => readFileSync(distFile(`${site.server.origin}${path}`), 'utf8');
  const meta = (page: string, attribute: 'name' | 'property', key: string) =>
    new RegExp(`<meta ${attribute}="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(page)?.[1];

  it('robots.txt allows crawling and names the sitemap', async () => {
    const response = await fetch(`${site.server.url}robots.txt`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toContain(`Sitemap: ${siteUrl}sitemap-index.xml`);
    await expect(fetch(`${site.server.url}sitemap-index.xml`).then((sitemap) => sitemap.status)).resolves.toBe(200);
  });

  it('every sitemap page has its canonical URL, a description, Open Graph and Twitter card tags', () => {
    const problems: string[] = [];
    for (const path of sitemapPaths()) {
      const page = html(path);
      const canonical = new URL(path, siteConfig.site).href;
      const expected: [string, string | undefined, (value: string) => boolean][] = [
        ['canonical', /<link rel="canonical" href="([^"]*)"/.exec(page)?.[1], (value) => value === canonical],
        ['description', meta(page, 'name', 'description'), (value) => value.length > 20],
        ['og:url', meta(page, 'property', 'og:url'), (value) => value === canonical],
        ['og:title', meta(page, 'property', 'og:title'), (value) => value.length > 0],
        ['og:description', meta(page, 'property', 'og:description'), (value) => value.length > 20],
        ['og:image', meta(page, 'property', 'og:image'), (value) => value === `${siteUrl}social-image.png`],
        ['og:image:alt', meta(page, 'property', 'og:image:alt'), (value) => value.length > 0],
        ['twitter:card', meta(page, 'name', 'twitter:card'), (value) => value === 'summary_large_image'],
        // X takes the image from og:image; the alt text has no og: fallback there.
        ['twitter:image:alt', meta(page, 'name', 'twitter:image:alt'), (value) => value.length > 0],
      ];
      for (const [name, value, ok] of expected) {
        if (value === undefined || !ok(value))
          problems.push(`${path}: ${name} is ${value === undefined ? 'missing' : `"${value}"`}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the social image is a 1200×630 PNG generated by the build', async () => {
    const response = await fetch(`${site.server.url}social-image.png`);
    expect(response.status).toBe(200);
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height as big-endian 32-bit numbers at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // Not a blank image: a drawn logo and text compress to more than a flat fill.
    expect(png.length).toBeGreaterThan(5_000);
  });
});
