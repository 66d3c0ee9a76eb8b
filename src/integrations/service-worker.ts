/**
 * Post-build step: writes the service worker (sw.js) that saves the whole built
 * site, Pagefind's index included, for offline use. Runs after Pagefind so the
 * index is in the precache list. The files are listed once (workbox-build's
 * getManifest); sw.js is src/service-worker/sw.ts bundled with rolldown, which
 * takes a fraction of a second where generateSW's Babel and Terser pass over
 * the inlined list took seconds and grew with the site.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
// getManifest's own module: the package's index also loads generateSW's Babel and Rollup, about
// a second of every build's start for code this build never runs.
import { getManifest } from 'workbox-build/build/get-manifest.js';
import {
  PRECACHE_BUDGET_BYTES,
  SW_FILE,
  installScript,
  precacheOptions,
  serviceWorkerConfig,
  type PrecacheEntry,
  type PrecacheInput,
  type PrecachePart,
} from '../lib/precache-config.ts';

export interface PrecacheSummary {
  /** Number of files saved for offline use. */
  count: number;
  /** Their total size in bytes, uncompressed. */
  size: number;
  /** The saved URLs, relative to the base path. */
  urls: string[];
  /** The precache list: URLs with their revisions. */
  entries: PrecacheEntry[];
}

function failOnWarnings(warnings: string[]): void {
  if (warnings.length === 0) return;
  throw new Error(
    `Service worker: some built files would not be saved for offline use:\n${warnings.map((warning) => `  - ${warning}`).join('\n')}\n` +
      'Make the file smaller, or list it in PRECACHE_IGNORES in src/lib/precache-config.ts if readers never need it.',
  );
}

/** What the service worker would save for this build (or a part of it), without writing anything. */
export async function readPrecache(input: PrecacheInput, part: PrecachePart = 'all'): Promise<PrecacheSummary> {
  const result = await getManifest(precacheOptions(input, part));
  failOnWarnings(result.warnings);
  const entries = result.manifestEntries.map((entry) => ({ url: entry.url, revision: entry.revision ?? null }));
  return { count: result.count, size: result.size, urls: entries.map((entry) => entry.url), entries };
}

function joinPrecache(first: PrecacheSummary, second: PrecacheSummary): PrecacheSummary {
  return {
    count: first.count + second.count,
    size: first.size + second.size,
    urls: [...first.urls, ...second.urls],
    entries: [...first.entries, ...second.entries],
  };
}

const SW_SOURCE = fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url));
/** Where the install script leaves the precache list for workbox. */
const MANIFEST_GLOBAL = 'self.__WB_MANIFEST';

/**
 * sw.js for this deployment, one file with the precache list written once: the
 * install script (installScript, which saves the files in parallel and sets
 * self.__WB_MANIFEST from the list), then src/service-worker/sw.ts bundled with
 * its workbox modules (production builds, without their development logging)
 * and the config built in. A changed list changes sw.js itself, so every
 * browser sees the new deploy.
 */
export async function serviceWorkerSource(base: string, entries: readonly PrecacheEntry[]): Promise<string> {
  const { output } = await build({
    input: SW_SOURCE,
    write: false,
    platform: 'browser',
    logLevel: 'silent',
    transform: {
      define: {
        'process.env.NODE_ENV': JSON.stringify('production'),
        __SW_CONFIG__: JSON.stringify(serviceWorkerConfig(base)),
      },
    },
    output: { format: 'iife', minify: true },
  });
  const code = output[0].code;
  if (!code.includes(MANIFEST_GLOBAL)) {
    throw new Error(
      `Service worker: the bundle of ${SW_SOURCE} never reads ${MANIFEST_GLOBAL}, so workbox would serve nothing; ` +
        'keep the precacheAndRoute(self.__WB_MANIFEST, ...) call there.',
    );
  }
  return `${installScript(entries)}${code}`;
}

/**
 * Writes sw.js into the built site. `withoutSearchIndex`, when given, is the
 * site already listed without Pagefind's folder (readPrecache's
 * 'without-search-index', made while Pagefind wrote its index); only that
 * folder is listed then.
 */
export async function writeServiceWorker(
  input: PrecacheInput,
  log: (message: string) => void,
  withoutSearchIndex?: PrecacheSummary,
): Promise<PrecacheSummary> {
  const planned = withoutSearchIndex
    ? joinPrecache(withoutSearchIndex, await readPrecache(input, 'search-index'))
    : await readPrecache(input);
  await writeFile(`${input.outDir}/${SW_FILE}`, await serviceWorkerSource(input.base, planned.entries));
  const megabytes = (planned.size / 1024 / 1024).toFixed(2);
  log(`Service worker precaches ${planned.count} files (${megabytes} MB).`);
  if (planned.size > PRECACHE_BUDGET_BYTES) {
    log(
      `Warning: the offline precache (${megabytes} MB) is over the 5 MB budget; see reports/offline.md from scripts/bench-offline.ts.`,
    );
  }
  return planned;
}
