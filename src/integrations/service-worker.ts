/**
 * Post-build step: writes the service worker (sw.js) that saves the whole built
 * site, Pagefind's index included, for offline use. Runs after Pagefind so the
 * index is in the precache list.
 */
import { writeFile } from 'node:fs/promises';
import { generateSW, getManifest } from 'workbox-build';
import {
  INSTALL_SCRIPT_FILE,
  PRECACHE_BUDGET_BYTES,
  installScript,
  precacheOptions,
  type PrecacheEntry,
  type PrecacheInput,
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

/** What the service worker would save for this build, without writing anything. */
export async function readPrecache(input: PrecacheInput): Promise<PrecacheSummary> {
  const {
    globDirectory,
    globPatterns,
    globIgnores,
    globFollow,
    maximumFileSizeToCacheInBytes,
    dontCacheBustURLsMatching,
  } = precacheOptions(input);
  const result = await getManifest({
    globDirectory: globDirectory!,
    globPatterns: globPatterns!,
    // sw.js is never part of its own precache.
    globIgnores: [...globIgnores!, 'sw.js'],
    globFollow: globFollow!,
    maximumFileSizeToCacheInBytes: maximumFileSizeToCacheInBytes!,
    dontCacheBustURLsMatching: dontCacheBustURLsMatching!,
  });
  failOnWarnings(result.warnings);
  const entries = result.manifestEntries.map((entry) => ({ url: entry.url, revision: entry.revision ?? null }));
  return { count: result.count, size: result.size, urls: entries.map((entry) => entry.url), entries };
}

/** Writes sw.js and the install script it imports into the built site. */
export async function writeServiceWorker(
  input: PrecacheInput,
  log: (message: string) => void,
): Promise<PrecacheSummary> {
  // The install script carries the precache list, so list the files first.
  const planned = await readPrecache(input);
  await writeFile(`${input.outDir}/${INSTALL_SCRIPT_FILE}`, installScript(planned.entries));
  const { count, size, warnings } = await generateSW(precacheOptions(input));
  failOnWarnings(warnings);
  if (count !== planned.count || size !== planned.size) {
    throw new Error(
      `Service worker: planned to precache ${planned.count} files (${planned.size} bytes) but generateSW found ${count} (${size} bytes); ` +
        'the build output changed while it ran. Build again.',
    );
  }
  const megabytes = (size / 1024 / 1024).toFixed(2);
  log(`Service worker precaches ${count} files (${megabytes} MB).`);
  if (size > PRECACHE_BUDGET_BYTES) {
    log(
      `Warning: the offline precache (${megabytes} MB) is over the 5 MB budget; see reports/offline.md from scripts/bench-offline.ts.`,
    );
  }
  return planned;
}
