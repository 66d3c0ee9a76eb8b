/**
 * Offline first, in Chromium: after one online visit every guide, the search
 * and the checklists work with the browser offline AND the server stopped; a
 * changed deploy is offered with "Reload" and shows after it. Run at the root
 * and under a base path. Each base builds two fixture sites (tests/fixtures/
 * offline-v1 and offline-v2: v2 changes a guide and deletes another) and serves
 * them one after the other on the same port, as a redeploy would.
 *
 * The steps in each describe block run in order on one page: a visitor's story.
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/integrations/dist-files.ts';
import { newVisitor } from '../support/browser.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { useBrowser } from '../support/use-site.ts';

const site = useBrowser();

/**
 * Vitest copies Vite's import.meta.env into process.env (BASE_URL="/", MODE="test",
 * DEV="1", NODE_ENV="test"...). An Astro build that inherits them takes BASE_URL over
 * its configured base and compiles the client code as in `astro dev`, so the
 * fixture builds run without them.
 */
const VITEST_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'] as const;

function build(name: string, base: string): string {
  const saved = VITEST_ENV.map((key) => [key, process.env[key]] as const);
  for (const key of VITEST_ENV) delete process.env[key];
  try {
    const result = buildFixture(name, { MFG_BASE: base });
    if (!result.ok) throw new Error(`Building ${name} under ${base} failed:\n${result.output}`);
    return result.outDir;
  } finally {
    for (const [key, value] of saved) if (value !== undefined) process.env[key] = value;
  }
}

/** Accessibility problems axe finds in the offline status, in whatever state it shows. */
async function statusViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('mfg-offline-status')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** URLs in the service worker's precache, without workbox's revision parameter. */
function precachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.includes('-precache-'));
    if (!name) return [];
    const requests = await (await caches.open(name)).keys();
    return requests.map((request) => {
      const url = new URL(request.url);
      url.searchParams.delete('__WB_REVISION__');
      return url.href;
    });
  });
}

describe.each(['/', '/mentoring/'])('offline first, deployed under %s', (base) => {
  let v1: string;
  let v2: string;
  let server: StaticServer;
  let port: number;
  let context: BrowserContext;
  let page: Page;
  /** Texts the footer status showed, in order, recorded in the page. */
  const statusLog = () => page.evaluate(() => (window as unknown as { mfgStatusLog: string[] }).mfgStatusLog);
  const status = () => page.locator('mfg-offline-status [data-offline-text]');
  const url = (path = '') => `${server.url}${path}`;

  beforeAll(async () => {
    v1 = build('offline-v1', base);
    v2 = build('offline-v2', base);
    server = await startStaticServer(v1, base);
    port = Number(new URL(server.origin).port);
    context = await newVisitor(site.browser);
    await context.addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { mfgStatusLog: string[] }).mfgStatusLog = log;
      document.addEventListener('DOMContentLoaded', () => {
        const text = document.querySelector('mfg-offline-status [data-offline-text]');
        if (!text) return;
        new MutationObserver(() => log.push(text.textContent ?? '')).observe(text, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
    });
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    // buildFixture builds into <temp>/dist; remove the temp folders.
    for (const dir of [v1, v2]) if (dir) rmSync(dirname(dir), { recursive: true, force: true });
  });

  it('saves the whole site on the first visit, showing progress, then says "Available offline"', async () => {
    await page.goto(url());
    await page.getByText('Available offline', { exact: true }).waitFor();
    const log = await statusLog();
    expect(log[0]).toMatch(/^Saving the guides for offline use…/);
    expect(log.at(-1)).toBe('Available offline');
    // Screen readers hear the change once, politely.
    await expect(page.locator('mfg-offline-status [role="status"]').textContent()).resolves.toBe(
      'The guides are saved: available offline.',
    );
    // The worker controls the page within its scope, the base path.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(url());
    await expect(statusViolations(page)).resolves.toEqual([]);
  });

  it('precaches every file a reader needs, the Pagefind index, wasm and worker included', async () => {
    const cached = new Set(await precachedUrls(page));
    for (const file of [
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.en.pagefind',
    ]) {
      expect(cached, file).toContain(url(file));
    }
    const built = await listFiles(v1);
    const pagefindIndex = built.filter((file) => /\.pf_(meta|index|fragment|filter)$/.test(file));
    expect(pagefindIndex.length).toBeGreaterThan(3);
    // Files no page ever requests: the worker itself, crawler and host files, Pagefind's unused UIs.
    const unused =
      /^(sw\.js|sitemap.*\.xml|robots\.txt|social-image\.png|_headers|_redirects|[^/]*\.conf|pagefind\/pagefind-(ui|component-ui|modular-ui)\.(js|css))$/;
    const expected = built.filter((file) => !unused.test(file)).map((file) => url(file));
    expect(expected.filter((file) => !cached.has(file))).toEqual([]);
    expect(cached).toContain(url('manifest.webmanifest'));
    expect(cached).toContain(url('offline/index.html'));
  });

  it('is installable: a manifest with the base path as start and scope, and a maskable icon', async () => {
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe(`${base}manifest.webmanifest`);
    const manifest = JSON.parse(await readFile(`${v1}/manifest.webmanifest`, 'utf8'));
    expect(manifest).toMatchObject({ start_url: base, scope: base, display: 'standalone', theme_color: '#0f766e' });
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of icons) {
      expect(icon.src.startsWith(`${base}icons/`), icon.src).toBe(true);
      const response = await page.request.get(`${server.origin}${icon.src}`);
      expect(response.status(), icon.src).toBe(200);
    }
    await expect(page.locator('link[rel="apple-touch-icon"]').getAttribute('href')).resolves.toBe(
      `${base}icons/apple-touch-icon.png`,
    );
    // Chromium's own verdict on manifest, icons, scope and worker. A test browser
    // context counts as incognito, where nothing installs: that one is about the test.
    const cdp = await context.newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    await cdp.detach();
  });

  it('opens another guide with the browser offline and the server stopped', async () => {
    await context.setOffline(true);
    await server.close();
    // The footer says so as soon as the page is parsed, not after the worker answers.
    await page.goto(url('guides/where-to-look/'), { waitUntil: 'domcontentloaded' });
    await expect(status().textContent()).resolves.toBe('Available offline');
    await expect(page.locator('article h1').textContent()).resolves.toContain('Where to look for a mentor');
  });

  it('searches offline from the header, and opens a result with its ?highlight= address', async () => {
    await page.goto(url('guides/first-meeting/'));
    await page.locator('[data-search-open]').click();
    await page.getByRole('searchbox', { name: 'Search the guides' }).fill('serendipity');
    const result = page.locator('#search-dialog-results a[data-search-result]').first();
    await expect(result.textContent()).resolves.toBe('Where to look for a mentor');
    const href = await result.getAttribute('href');
    expect(href).toContain('highlight=serendipity');
    await result.click();
    await page.waitForURL(/highlight=serendipity/);
    await expect(page.locator('article h1').textContent()).resolves.toContain('Where to look for a mentor');
  });

  it('searches offline on the search page, whose address carries the query', async () => {
    await page.goto(url('search/?q=serendipity'));
    await expect(page.locator('main a[data-search-result]').first().textContent()).resolves.toBe(
      'Where to look for a mentor',
    );
  });

  it('keeps a checklist tick made offline across a reload', async () => {
    await page.goto(url('guides/first-meeting/'));
    const box = page.locator('[data-checklist="first-meeting-prep"] input[type="checkbox"]').first();
    await box.check();
    await page.reload();
    await expect(page.locator('article h1').textContent()).resolves.toContain('Your first meeting');
    const checklist = page.locator('[data-checklist="first-meeting-prep"]');
    await checklist.getByText('1 of 3 done').waitFor();
    await expect(checklist.locator('input[type="checkbox"]').first().isChecked()).resolves.toBe(true);
  });

  it('shows the offline page, with a way home, for a page that is not saved', async () => {
    await page.goto(url('guides/not-saved-anywhere/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('You’re offline');
    await expect(page.getByRole('link', { name: 'Browse all guides' }).getAttribute('href')).resolves.toBe(
      `${base}guides/`,
    );
  });

  it('offers "Update available, Reload" after a changed deploy, and shows the new content after one reload', async () => {
    const progress = await page.evaluate(() => localStorage.getItem('mfg-progress'));
    expect(progress).not.toBeNull();
    server = await startStaticServer(v2, base, { port });
    await context.setOffline(false);
    await page.goto(url('guides/first-meeting/'));
    // Until the reader reloads, the saved version is what they are reading.
    await expect(page.locator('article').textContent()).resolves.toContain('This is version one');
    const reload = page.getByRole('button', { name: 'Reload' });
    await reload.waitFor();
    await expect(status().textContent()).resolves.toBe('Update available.');
    await expect(page.locator('mfg-offline-status [role="status"]').textContent()).resolves.toContain('update');
    await expect(statusViolations(page)).resolves.toEqual([]);

    let loads = 0;
    page.on('load', () => loads++);
    await reload.focus();
    await page.keyboard.press('Enter');
    await page.getByText('This is version two').waitFor();
    await page.getByText('Available offline', { exact: true }).waitFor();
    expect(loads).toBe(1);

    // Checklist progress lives in localStorage, which the worker never touches.
    await expect(page.evaluate(() => localStorage.getItem('mfg-progress'))).resolves.toBe(progress);
    const checklist = page.locator('[data-checklist="first-meeting-prep"]');
    await checklist.getByText('1 of 3 done').waitFor();
    await expect(checklist.locator('input[type="checkbox"]').first().isChecked()).resolves.toBe(true);
  });

  it('replaces old content in the cache and drops files the new deploy removed', async () => {
    const cached = await precachedUrls(page);
    expect(cached).not.toContain(url('guides/retired-guide/index.html'));
    expect(cached).toContain(url('guides/first-meeting/index.html'));
    const cacheNames = await page.evaluate(() => caches.keys());
    expect(cacheNames).toEqual([`mfg-precache-v2-${url()}`]);

    await context.setOffline(true);
    await server.close();
    await page.goto(url('guides/first-meeting/'));
    await expect(page.locator('article').textContent()).resolves.toContain('This is version two');
    await page.goto(url('guides/retired-guide/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('You’re offline');
  });
});
