/**
 * Offline benchmark: how much a first visit downloads for offline use (the
 * service worker's precache) and how long until the footer says "Available
 * offline", in headless Chromium against a local static server.
 *
 *   npm run build && node scripts/bench-offline.ts
 *   MFG_OUT_DIR=/tmp/me/dist MFG_BASE=/mentoring/ node scripts/bench-offline.ts
 *
 * Writes reports/offline.json and reports/offline.md. `benchOffline()` is what
 * a wider benchmark calls. The time is measured on localhost, so it shows the
 * browser's own cost of saving the site; the download estimate shows what a slow
 * phone connection adds.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import siteConfig from '../site.config.ts';
import { readPrecache } from '../src/integrations/service-worker.ts';
import { PRECACHE_BUDGET_BYTES } from '../src/lib/precache-config.ts';
import { launchBrowser, newVisitor } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';

/** A slow mobile link ("slow 4G"), for the download estimate. */
const SLOW_LINK_BITS_PER_SECOND = 1.6e6;

export interface OfflineBenchOptions {
  /** The built site (with sw.js). */
  distDir: string;
  /** The base path it was built with. */
  base: string;
  /** First visits to time, each in a fresh browser context. */
  runs?: number;
  /** Where offline.json and offline.md go; null writes nothing. */
  reportsDir?: string | null;
}

export interface OfflineBenchResult {
  base: string;
  precache: {
    files: number;
    bytes: number;
    /** Gzip-compressed, roughly what a host sends. */
    gzipBytes: number;
    budgetBytes: number;
    withinBudget: boolean;
    /** Bytes by kind of file. */
    byKind: Record<string, number>;
    largest: { url: string; bytes: number }[];
    /** Seconds to download the compressed precache on a slow 4G link. */
    slowLinkSeconds: number;
  };
  firstVisit: {
    /** Milliseconds from navigation start until "Available offline", one per run. */
    samples: number[];
    medianMs: number;
  };
}

function kindOf(url: string): string {
  if (url.startsWith('pagefind/')) return 'pagefind';
  if (url.endsWith('.html')) return 'html';
  if (url.endsWith('.js')) return 'js';
  if (url.endsWith('.css')) return 'css';
  if (/\.(png|svg|jpe?g|webp|avif|ico)$/.test(url)) return 'images';
  if (/\.(woff2?|ttf|otf)$/.test(url)) return 'fonts';
  return 'other';
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measurePrecache(distDir: string, base: string): Promise<OfflineBenchResult['precache']> {
  const { urls } = await readPrecache({ outDir: distDir, base });
  const sizes = await Promise.all(
    urls.map(async (url) => {
      const content = await readFile(join(distDir, url));
      return { url, bytes: content.length, gzipBytes: gzipSync(content).length };
    }),
  );
  const bytes = sizes.reduce((sum, file) => sum + file.bytes, 0);
  const gzipBytes = sizes.reduce((sum, file) => sum + file.gzipBytes, 0);
  const byKind: Record<string, number> = {};
  for (const file of sizes) byKind[kindOf(file.url)] = (byKind[kindOf(file.url)] ?? 0) + file.bytes;
  return {
    files: urls.length,
    bytes,
    gzipBytes,
    budgetBytes: PRECACHE_BUDGET_BYTES,
    withinBudget: bytes <= PRECACHE_BUDGET_BYTES,
    byKind,
    largest: sizes
      .toSorted((a, b) => b.bytes - a.bytes)
      .slice(0, 5)
      .map(({ url, bytes: size }) => ({ url, bytes: size })),
    slowLinkSeconds: Number(((gzipBytes * 8) / SLOW_LINK_BITS_PER_SECOND).toFixed(1)),
  };
}

async function timeFirstVisits(distDir: string, base: string, runs: number): Promise<number[]> {
  const server = await startStaticServer(distDir, base);
  const browser = await launchBrowser();
  try {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A fresh context is a first visit: no worker, no caches.
      const context = await newVisitor(browser);
      const page = await context.newPage();
      await page.goto(server.url);
      const handle = await page.waitForFunction(
        () => {
          const text = document.querySelector('mfg-offline-status [data-offline-text]')?.textContent;
          return text === 'Available offline' ? performance.now() : null;
        },
        undefined,
        { timeout: 120_000, polling: 'raf' },
      );
      samples.push(Math.round(Number(await handle.jsonValue())));
      await context.close();
    }
    return samples;
  } finally {
    await browser.close();
    await server.close();
  }
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function markdown(result: OfflineBenchResult): string {
  const { precache, firstVisit } = result;
  const kinds = Object.entries(precache.byKind)
    .toSorted(([, a], [, b]) => b - a)
    .map(([kind, bytes]) => `| ${kind} | ${kilobytes(bytes)} |`);
  return [
    '# Offline benchmark',
    '',
    `Site built under base path \`${result.base}\`, measured with scripts/bench-offline.ts.`,
    '',
    '## Precache (what a first visit saves for offline use)',
    '',
    `- Files: ${precache.files}`,
    `- Size: ${kilobytes(precache.bytes)} uncompressed, ${kilobytes(precache.gzipBytes)} gzip`,
    `- Budget: ${kilobytes(precache.budgetBytes)}: ${precache.withinBudget ? 'within budget' : '**OVER BUDGET**'}`,
    `- Download on a slow 4G link (1.6 Mbit/s, gzip): about ${precache.slowLinkSeconds} s`,
    '',
    '| Kind | Size |',
    '| --- | --- |',
    ...kinds,
    '',
    'Largest files:',
    '',
    ...precache.largest.map((file) => `- ${file.url}: ${kilobytes(file.bytes)}`),
    '',
    '## Time until "Available offline" on a first visit (localhost, headless Chromium)',
    '',
    `- Median: ${firstVisit.medianMs} ms over ${firstVisit.samples.length} runs (${firstVisit.samples.join(', ')} ms)`,
    '',
  ].join('\n');
}

export async function benchOffline({
  distDir,
  base,
  runs = 5,
  reportsDir = 'reports',
}: OfflineBenchOptions): Promise<OfflineBenchResult> {
  if (!existsSync(join(distDir, 'sw.js'))) {
    throw new Error(
      `No service worker in ${distDir}: run "npm run build" first (or set MFG_OUT_DIR to your build folder).`,
    );
  }
  const precache = await measurePrecache(distDir, base);
  const samples = await timeFirstVisits(distDir, base, runs);
  const result: OfflineBenchResult = { base, precache, firstVisit: { samples, medianMs: median(samples) } };
  if (reportsDir) {
    await mkdir(reportsDir, { recursive: true });
    await writeFile(join(reportsDir, 'offline.json'), `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(join(reportsDir, 'offline.md'), markdown(result));
  }
  return result;
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const result = await benchOffline({
    distDir: resolve(root, process.env.MFG_OUT_DIR ?? 'dist'),
    base: process.env.MFG_BASE ?? siteConfig.base,
    reportsDir: join(root, 'reports'),
  });
  process.stdout.write(markdown(result));
  if (!result.precache.withinBudget) process.exitCode = 1;
}
