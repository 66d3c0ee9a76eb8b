/**
 * What the service worker saves and how it finds a saved file again: the
 * options from src/lib/precache-config.ts, the bundled sw.js, the file list over a small
 * built-site layout, the URL lookup workbox performs with those options, and
 * the install script the worker imports.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script, runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCacheKey } from 'workbox-precaching/utils/createCacheKey.js';
import { generateURLVariations } from 'workbox-precaching/utils/generateURLVariations.js';
import { readPrecache, serviceWorkerSource } from '../../src/integrations/service-worker.ts';
import {
  OFFLINE_PAGE,
  PROGRESS_MESSAGE,
  normaliseBase,
  precacheCacheName,
  precacheOptions,
  serviceWorkerConfig,
  INSTALL_CONCURRENCY,
  installScript,
  type PrecacheEntry,
} from '../../src/lib/precache-config.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('precacheOptions and serviceWorkerConfig', () => {
  it('list the whole built site, except sw.js itself', () => {
    const options = precacheOptions({ outDir: '/tmp/site', base: '/' });
    expect(options.globDirectory).toBe('/tmp/site');
    expect(options.globPatterns).toEqual(['**/*']);
    expect(options.globIgnores).toContain('sw.js');
  });

  it('fall back to the offline page under the base path', () => {
    for (const [base, expected] of [
      ['/', `/${OFFLINE_PAGE}`],
      ['/mentoring/', `/mentoring/${OFFLINE_PAGE}`],
      ['/mentoring', `/mentoring/${OFFLINE_PAGE}`],
    ] as const) {
      expect(serviceWorkerConfig(base).offlineFallbackUrl).toBe(expected);
    }
  });
});

describe('serviceWorkerSource', () => {
  const entries: PrecacheEntry[] = [
    { url: 'index.html', revision: 'abc123' },
    { url: '_astro/app.1a2b.js', revision: null },
  ];

  it('is one script with the precache list (once) and the config built in, and nothing left to replace', async () => {
    const source = await serviceWorkerSource('/mentoring/', entries);
    const list = JSON.stringify(entries.map(({ url, revision }) => [url, revision]));
    expect(source.split(list)).toHaveLength(2);
    expect(source).toContain(`/mentoring/${OFFLINE_PAGE}`);
    // It imports nothing: the browser checks one file for a new deploy.
    expect(source).not.toContain('importScripts');
    for (const leftover of ['__SW_CONFIG__', 'process.env']) expect(source).not.toContain(leftover);
    // Workbox's development logging is compiled out.
    expect(source).not.toContain('%cworkbox');
    expect(() => new Script(source)).not.toThrow();
  });
});

describe('normaliseBase and precacheCacheName', () => {
  it('gives every base a leading and trailing slash', () => {
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('mentoring')).toBe('/mentoring/');
    expect(normaliseBase('/a/b/')).toBe('/a/b/');
  });

  it('names the cache per scope, so two deployments on one origin never share it', () => {
    expect(precacheCacheName('https://x.org/a/')).not.toBe(precacheCacheName('https://x.org/b/'));
    expect(precacheCacheName('https://x.org/a/')).toBe('mfg-precache-v2-https://x.org/a/');
  });
});

/** Writes files (path → content) into a fresh temporary folder. */
async function siteWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mfg-precache-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

describe('readPrecache over a built site', () => {
  /** A built site: pages, assets, Pagefind's files and files no page requests. */
  const builtSite = {
    'index.html': '<h1>Home</h1>',
    'guides/first-meeting/index.html': '<h1>Guide</h1>',
    'offline/index.html': '<h1>Offline</h1>',
    '_astro/app.Ab12Cd.js': 'x',
    '_astro/site.Ef34Gh.css': 'x',
    'icons/icon-192.png': 'x',
    'manifest.webmanifest': '{}',
    'pagefind/pagefind.js': 'x',
    'pagefind/pagefind-worker.js': 'x',
    'pagefind/pagefind-entry.json': '{}',
    'pagefind/pagefind-highlight.js': 'x',
    'pagefind/wasm.en.pagefind': 'x',
    'pagefind/pagefind.en_0123456789.pf_meta': 'x',
    'pagefind/index/en_abc1234.pf_index': 'x',
    'pagefind/fragment/en_def5678.pf_fragment': 'x',
    'pagefind/filter/en_aaa0000.pf_filter': 'x',
    'pagefind/pagefind-ui.js': 'x',
    'pagefind/pagefind-ui.css': 'x',
    'pagefind/pagefind-component-ui.js': 'x',
    'pagefind/pagefind-modular-ui.css': 'x',
    'sitemap-index.xml': 'x',
    'sitemap-0.xml': 'x',
    'robots.txt': 'x',
    'social-image.png': 'x',
    _headers: 'x',
    _redirects: 'x',
    'nginx-security-headers.conf': 'x',
    'sw.js': 'x',
  };

  it('lists pages, assets and every Pagefind file, and leaves out what no page requests', async () => {
    const dir = await siteWith(builtSite);
    const { urls, count } = await readPrecache({ outDir: dir, base: '/mentoring/' });
    expect(urls.toSorted()).toEqual(
      [
        '_astro/app.Ab12Cd.js',
        '_astro/site.Ef34Gh.css',
        'guides/first-meeting/index.html',
        'icons/icon-192.png',
        'index.html',
        'manifest.webmanifest',
        'offline/index.html',
        'pagefind/filter/en_aaa0000.pf_filter',
        'pagefind/fragment/en_def5678.pf_fragment',
        'pagefind/index/en_abc1234.pf_index',
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind-highlight.js',
        'pagefind/pagefind-worker.js',
        'pagefind/pagefind.en_0123456789.pf_meta',
        'pagefind/pagefind.js',
        'pagefind/wasm.en.pagefind',
      ].toSorted(),
    );
    expect(count).toBe(urls.length);
  });

  it('lists the same files in two parts, the site and then the Pagefind folder, as the build does while Pagefind writes', async () => {
    const dir = await siteWith(builtSite);
    const input = { outDir: dir, base: '/' };
    const all = await readPrecache(input);
    const withoutSearchIndex = await readPrecache(input, 'without-search-index');
    const searchIndex = await readPrecache(input, 'search-index');
    expect(withoutSearchIndex.urls.filter((url) => url.startsWith('pagefind/'))).toEqual([]);
    expect(searchIndex.urls.length).toBeGreaterThan(5);
    expect(searchIndex.urls.every((url) => url.startsWith('pagefind/'))).toBe(true);
    const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);
    expect([...withoutSearchIndex.entries, ...searchIndex.entries].toSorted(byUrl)).toEqual(
      all.entries.toSorted(byUrl),
    );
    expect(withoutSearchIndex.size + searchIndex.size).toBe(all.size);
  });

  it('fails the build, naming the file and the fix, when a file is too large to save', async () => {
    const dir = await siteWith({ 'index.html': 'x', 'media/talk.mp4': 'x'.repeat(2 * 1024 * 1024 + 1) });
    await expect(readPrecache({ outDir: dir, base: '/' })).rejects.toThrow(/media\/talk\.mp4[\s\S]*PRECACHE_IGNORES/);
  });
});

describe('the saved copy workbox finds for a request', () => {
  /** Every URL workbox tries, in order, for a request under the base path. */
  function lookups(base: string, path: string): string[] {
    vi.stubGlobal('location', { href: `https://example.org${base}sw.js` });
    const { ignoreUrlParameters, directoryIndex } = serviceWorkerConfig(base);
    return [
      ...generateURLVariations(`https://example.org${path}`, {
        ignoreURLParametersMatching: ignoreUrlParameters.map((source) => new RegExp(source)),
        directoryIndex,
      }),
    ];
  }

  it("finds Pagefind's entry file behind its cache-busting ?ts=", () => {
    expect(lookups('/', '/pagefind/pagefind-entry.json?ts=1732230000000')).toContain(
      'https://example.org/pagefind/pagefind-entry.json',
    );
  });

  it('finds a guide opened from a search result with ?highlight=, as its index.html', () => {
    expect(lookups('/mentoring/', '/mentoring/guides/first-meeting/?highlight=agenda#before')).toContain(
      'https://example.org/mentoring/guides/first-meeting/index.html',
    );
  });

  it('finds the search page whatever the query and filters', () => {
    expect(lookups('/', '/search/?q=burnout&topic=Meetings&audience=Intern')).toContain(
      'https://example.org/search/index.html',
    );
  });
});

/** Runs the install script in a fake service worker; `fail` lists URLs whose fetch fails. */
async function runInstallScript(
  entries: PrecacheEntry[],
  { cachedAlready = [] as string[], fail = [] as string[] } = {},
) {
  const scope = 'https://example.org/mentoring/';
  const listeners = new Map<string, (event: { waitUntil: (promise: Promise<unknown>) => void }) => void>();
  const messages: { type: string; cached: number; total: number }[] = [];
  const stored = new Map<string, string>(cachedAlready.map((key) => [key, 'old']));
  const fetched: { url: string; cache: string }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const cacheName = precacheCacheName(scope);
  const self = {
    location: { href: `${scope}sw.js` },
    registration: { scope },
    addEventListener: (type: string, listener: never) => listeners.set(type, listener),
    clients: { matchAll: async () => [{ postMessage: (message: never) => messages.push(message) }] },
  };
  const caches = {
    open: async (name: string) => {
      expect(name).toBe(cacheName);
      return {
        match: async (key: string) => stored.get(key),
        put: async (key: string, response: { body: string }) => void stored.set(key, response.body),
      };
    },
  };
  const fetch = async (url: string, init: { cache: string }) => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    fetched.push({ url, cache: init.cache });
    await new Promise((resolve) => setTimeout(resolve, 1));
    running -= 1;
    if (fail.includes(url)) throw new TypeError('Failed to fetch');
    return { ok: true, redirected: false, body: `body of ${url}` };
  };
  runInNewContext(installScript(entries), { self, caches, fetch, URL, Date });
  const waits: Promise<unknown>[] = [];
  listeners.get('install')!({ waitUntil: (promise) => waits.push(promise) });
  await Promise.all(waits);
  return { stored, fetched, messages, mostAtOnce, self: self as typeof self & { __WB_MANIFEST?: unknown } };
}

/** Workbox's own cache key for an entry, from workbox-precaching. */
function workboxKey(entry: PrecacheEntry, scope = 'https://example.org/mentoring/'): string {
  vi.stubGlobal('location', { href: `${scope}sw.js` });
  return createCacheKey(entry).cacheKey;
}

const manyEntries: PrecacheEntry[] = Array.from({ length: 30 }, (_, index) =>
  index % 3 === 0
    ? { url: `_astro/file${index}.Ab12.js`, revision: null }
    : { url: `guides/g${index}/index.html`, revision: `rev${index}` },
);

describe('installScript', () => {
  it("saves every file under workbox's own cache key, so workbox finds it and skips the download", async () => {
    const { stored, fetched } = await runInstallScript(manyEntries);
    expect([...stored.keys()].toSorted()).toEqual(manyEntries.map((entry) => workboxKey(entry)).toSorted());
    // Like workbox: revisioned files bypass the HTTP cache, hashed names may use it.
    expect(fetched.find((request) => request.url === 'guides/g1/index.html')?.cache).toBe('reload');
    expect(fetched.find((request) => request.url === '_astro/file0.Ab12.js')?.cache).toBe('default');
  });

  it(`downloads ${INSTALL_CONCURRENCY} files at a time, not one after another`, async () => {
    const { mostAtOnce } = await runInstallScript(manyEntries);
    expect(mostAtOnce).toBe(INSTALL_CONCURRENCY);
  });

  it('skips files an earlier version already saved with the same revision', async () => {
    const unchanged = manyEntries.slice(0, 10).map((entry) => workboxKey(entry));
    const { fetched } = await runInstallScript(manyEntries, { cachedAlready: unchanged });
    expect(fetched).toHaveLength(20);
  });

  it('reports progress from 0 to the total, and leaves failed files to workbox without failing', async () => {
    const { messages, stored } = await runInstallScript(manyEntries, { fail: ['guides/g1/index.html'] });
    expect(messages[0]).toEqual({ type: PROGRESS_MESSAGE, cached: 0, total: 30 });
    expect(messages.at(-1)).toEqual({ type: PROGRESS_MESSAGE, cached: 30, total: 30 });
    expect(stored.has(workboxKey(manyEntries[1]!))).toBe(false);
    expect(stored.size).toBe(29);
  });

  it('hands workbox the same list as self.__WB_MANIFEST', async () => {
    const { self } = await runInstallScript(manyEntries);
    expect(self.__WB_MANIFEST).toEqual(manyEntries);
  });

  it('refuses an empty precache list', () => {
    expect(() => installScript([])).toThrow(/precache list is empty/);
  });
});
