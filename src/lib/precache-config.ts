/**
 * What the service worker saves for offline use, and how it finds a saved file
 * again. Pure: the build step (src/integrations/service-worker.ts) lists the
 * files with it and builds its config into sw.js (src/service-worker/sw.ts),
 * and the unit tests check it directly.
 */
import type { GetManifestOptions } from 'workbox-build';
import { SOCIAL_IMAGE_FILE } from './social-image.ts';

/** Prefix of every cache the service worker creates (workbox `cacheId`). */
export const CACHE_ID = 'mfg';

/** The service worker file, at the root of the base path so its scope is the whole site. */
export const SW_FILE = 'sw.js';

/** Files the install script downloads at once. */
export const INSTALL_CONCURRENCY = 8;

/** Message type the service worker posts to pages while it saves the site. */
export const PROGRESS_MESSAGE = 'MFG_PRECACHE_PROGRESS';

/** The page served for a navigation that is neither saved nor reachable. */
export const OFFLINE_PAGE = 'offline/index.html';

/** The issue's ceiling for everything a first visit downloads for offline use. */
export const PRECACHE_BUDGET_BYTES = 5 * 1024 * 1024;

/** Any single file above this is a mistake (a stray video, an unsplit index), not content. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Built files that are never requested by a reader's browser, so saving them
 * would only cost download size on a phone's first visit.
 */
export const PRECACHE_IGNORES = [
  // Pagefind's own search UIs: the site renders results itself (src/elements/search-engine.ts).
  'pagefind/pagefind-ui.{js,css}',
  'pagefind/pagefind-component-ui.{js,css}',
  'pagefind/pagefind-modular-ui.{js,css}',
  // For crawlers and link previews on other sites, never fetched by a reader's browser.
  'sitemap*.xml',
  'robots.txt',
  SOCIAL_IMAGE_FILE,
  // Host configuration (headers, redirects), read by the server, never by a page.
  '_headers',
  '_redirects',
  '*.conf',
];

/** Normalises a base path to "/" or "/sub/path/". */
export function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

/** Name of the cache workbox precaches into, for a worker registered with `scope`. */
export function precacheCacheName(scope: string): string {
  return `${CACHE_ID}-precache-v2-${scope}`;
}

export interface PrecacheInput {
  /** Absolute path of the built site (Astro's outDir). */
  outDir: string;
  /** The deployment's base path, "/" or e.g. "/mentoring/". */
  base: string;
}

/** Which built files the service worker saves, as workbox-build's getManifest takes them. */
export type PrecacheGlobOptions = Required<
  Pick<
    GetManifestOptions,
    | 'globDirectory'
    | 'globPatterns'
    | 'globIgnores'
    | 'globFollow'
    | 'maximumFileSizeToCacheInBytes'
    | 'dontCacheBustURLsMatching'
  >
>;

/** Pagefind's folder in the built site. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Which part of the site to list: all of it, or the site without Pagefind's
 * folder and that folder alone, so the build can list the site while Pagefind
 * is still writing its index.
 */
export type PrecachePart = 'all' | 'without-search-index' | 'search-index';

export function precacheOptions({ outDir }: PrecacheInput, part: PrecachePart = 'all'): PrecacheGlobOptions {
  return {
    globDirectory: outDir,
    // The whole site: pages, CSS, JS, icons, the manifest and every Pagefind file
    // (*.pf_meta, *.pf_index, *.pf_fragment, *.pf_filter, wasm.*.pagefind, its worker).
    globPatterns: [part === 'search-index' ? `${SEARCH_INDEX_DIR}/**/*` : '**/*'],
    // sw.js is never part of its own precache.
    globIgnores: [...PRECACHE_IGNORES, SW_FILE, ...(part === 'without-search-index' ? [`${SEARCH_INDEX_DIR}/**`] : [])],
    globFollow: false,
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
    // Astro's _astro/ files and Pagefind's *.pf_* files have a content hash in their name: no revision needed.
    dontCacheBustURLsMatching: /^_astro\/|\.pf_[a-z]+$/,
  };
}

/** How the service worker (src/service-worker/sw.ts) finds and serves saved files; built into sw.js. */
export interface ServiceWorkerConfig {
  /** Prefix of every cache it creates (workbox's cacheId). */
  cacheId: string;
  /** Query parameters ignored when looking up a saved file, as RegExp sources. */
  ignoreUrlParameters: string[];
  /** The file a URL ending in "/" is saved as. */
  directoryIndex: string;
  /** The page for a navigation that is neither saved nor reachable, under the base path. */
  offlineFallbackUrl: string;
}

export function serviceWorkerConfig(base: string): ServiceWorkerConfig {
  return {
    cacheId: CACHE_ID,
    // A static host picks the file by path alone, so the saved copy must too:
    // Pagefind's cache-busting ?ts=, search results' ?highlight=, the search
    // page's ?q=&topic= and any tracking parameter all map to the same file.
    ignoreUrlParameters: ['.*'],
    // /guides/x/ is saved as guides/x/index.html.
    directoryIndex: 'index.html',
    offlineFallbackUrl: `${normaliseBase(base)}${OFFLINE_PAGE}`,
  };
}

/** One precache manifest entry, as workbox-build lists it: a URL relative to sw.js and its revision. */
export interface PrecacheEntry {
  url: string;
  /** Content hash, or null for files whose name already carries one. */
  revision: string | null;
}

/**
 * The start of sw.js, before workbox's own code: the precache list, written
 * once, which it also hands to workbox as self.__WB_MANIFEST.
 *
 * Workbox's precache installs one file after another (GoogleChrome/workbox#2528),
 * so a first visit costs one network round trip per file: hundreds on a real
 * site. This script's install listener downloads the same files
 * INSTALL_CONCURRENCY at a time into workbox's cache under workbox's own cache
 * keys (URL plus __WB_REVISION__ when there is a revision, as in workbox-precaching's
 * createCacheKey); workbox's loop then finds each file already saved and
 * skips it. Anything this script fails to fetch is left to workbox, which
 * fails the install properly. It also posts `{ type, cached, total }` to open
 * pages so they can show progress.
 */
export function installScript(entries: readonly PrecacheEntry[]): string {
  if (entries.length === 0) throw new Error('installScript: the precache list is empty; is the built site missing?');
  const list = JSON.stringify(entries.map((entry) => [entry.url, entry.revision]));
  return `// Generated by the build (src/lib/precache-config.ts): saves the site ${INSTALL_CONCURRENCY} files at
// a time on install and reports progress to open pages. Workbox then finds every file saved.
(() => {
  const entries = ${list};
  const total = entries.length;
  const cacheName = ${JSON.stringify(`${CACHE_ID}-precache-v2-`)} + self.registration.scope;
  const cacheKey = (url, revision) => {
    const key = new URL(url, self.location.href);
    if (revision) key.searchParams.set('__WB_REVISION__', revision);
    return key.href;
  };
  const report = async (cached) => {
    const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const page of pages) page.postMessage({ type: ${JSON.stringify(PROGRESS_MESSAGE)}, cached, total });
  };
  const save = async () => {
    const cache = await caches.open(cacheName);
    let next = 0;
    let done = 0;
    let reported = 0;
    const progress = () => {
      done += 1;
      const now = Date.now();
      if (done === total || now - reported >= 200) {
        reported = now;
        report(done).catch(() => {});
      }
    };
    const worker = async () => {
      while (next < total) {
        const [url, revision] = entries[next++];
        const key = cacheKey(url, revision);
        try {
          if (!(await cache.match(key))) {
            const response = await fetch(url, { cache: revision ? 'reload' : 'default', credentials: 'same-origin' });
            if (response.ok && !response.redirected) await cache.put(key, response);
          }
        } catch (error) {
          // Left to workbox, which retries the file and fails the install if it must.
        }
        progress();
      }
    };
    await report(0).catch(() => {});
    await Promise.all(Array.from({ length: Math.min(${INSTALL_CONCURRENCY}, total) }, worker));
  };
  self.addEventListener('install', (event) => {
    event.waitUntil(save().catch(() => {}));
  });
  // The same list for workbox (src/service-worker/sw.ts), which serves the saved files.
  self.__WB_MANIFEST = entries.map(([url, revision]) => ({ url, revision }));
})();
`;
}
