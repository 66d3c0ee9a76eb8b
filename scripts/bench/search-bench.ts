/**
 * Search benchmark: how fast the first results appear after the last
 * keystroke, and how many bytes opening search and typing a first two-word
 * query fetches, for the real site and for a synthetic corpus of 1,000 guides.
 * Headless Chromium drives the header search dialog exactly as a reader would
 * ("/" then typing), against a local static server.
 *
 *   npm run bench:search
 *       builds the real site and 1,000 synthetic guides in a temp folder, then measures
 *   npm run bench:search -- --real-dist /tmp/me/dist --synthetic-dist /tmp/me/syn/dist
 *       measures builds you already have
 *   npm run bench:search -- --count 200 --trials 4 --report none
 *
 * Writes reports/search-bench.md. `runSearchBench()` is what a wider benchmark
 * calls; `formatSearchBenchReport()` turns its result into that Markdown.
 *
 * Method, so the numbers mean something:
 * - Each trial is a new browser context (empty cache) on a phone-sized viewport,
 *   with service workers blocked: the offline precache would otherwise fetch
 *   Pagefind in the background and hide what search itself costs (the offline
 *   benchmark counts the precache).
 * - Latency: from the last keydown in the search field to the next animation
 *   frame after the results for the full query are in the page. It includes the
 *   debounce, Pagefind's work and fetching excerpts, on localhost (no network delay).
 * - Bytes: every response from pressing "/" until the dialog's full result list for the
 *   query is in (the first results show at once, the rest when typing pauses). The test server does not
 *   compress, so "gzip" estimates what a host that compresses text sends: JS,
 *   JSON and HTML gzipped at level 6; Pagefind's index files are already gzip.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { SEARCH_DEBOUNCE_MS } from '../../src/lib/search-options.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { startStaticServer } from '../../tests/support/static-server.ts';
import { generateCorpus } from './generate-corpus.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** Targets from issue #6. */
export const SEARCH_BENCH_TARGETS = {
  /** First results within this many ms of the last keystroke, debounce included. */
  latencyMs: 120,
  /** Opening search plus a first two-word query fetches at most this many bytes. */
  bytes: 150 * 1024,
} as const;

/** Two-word queries a reader might type; their words occur in both corpora. */
export const BENCH_QUERIES = [
  'burnout help',
  'first meeting',
  'mentor feedback',
  'residency letters',
  'research project',
] as const;

export interface SearchBenchOptions {
  /** A built real site; without it the site is built from `contentDir`. */
  realDist?: string;
  /** Content to build the real site from (default: the repo's content/). */
  contentDir?: string;
  /** A built synthetic site; without it a corpus is generated and built. */
  syntheticDist?: string;
  /** Synthetic guides to generate (default 1,000). */
  count?: number;
  /** Seed for the corpus (default 1). */
  seed?: number;
  /** Trials per site, each a new visitor (default 10); queries rotate through BENCH_QUERIES. */
  trials?: number;
  /** Milliseconds between keystrokes (default 150, a quick typist). */
  keyDelayMs?: number;
  /** Where temporary builds go (default: a new folder in the system temp dir). */
  workDir?: string;
  /** Markdown report path; null writes none (default reports/search-bench.md). */
  reportPath?: string | null;
  log?: (message: string) => void;
}

export interface FetchedFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface Trial {
  query: string;
  /** Last keystroke to first results painted, first query after opening search. */
  latencyMs: number;
  /** The same for a second query in the same visit (index and code already loaded). */
  secondLatencyMs: number;
  bytes: number;
  gzipBytes: number;
  files: FetchedFile[];
}

export interface SiteMeasurement {
  label: string;
  guides: number;
  /** Size of dist/pagefind on disk. */
  indexBytes: number;
  /** Search files (Pagefind or the search engine) fetched when a page loads: should be none. */
  fetchedOnPageLoad: string[];
  trials: Trial[];
  latency: { median: number; p90: number; max: number };
  secondLatency: { median: number; max: number };
  gzipBytes: { median: number; max: number };
  rawBytes: { median: number; max: number };
}

export interface SearchBenchResult {
  date: string;
  machine: string;
  keyDelayMs: number;
  debounceMs: number;
  sites: SiteMeasurement[];
}

function quantile(values: number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) =>
      sum + (entry.isDirectory() ? dirBytes(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );
}

function countGuides(distDir: string): number {
  const guidesDir = join(distDir, 'guides');
  return readdirSync(guidesDir, { withFileTypes: true }).filter((entry) => {
    const file = join(guidesDir, entry.name, 'index.html');
    return entry.isDirectory() && existsSync(file) && readFileSync(file, 'utf8').includes('data-pagefind-body');
  }).length;
}

/**
 * Builds the site from `contentDir` into `outDir`. Astro writes its prerender
 * chunks into the checkout's .astro/ when outDir is outside the working
 * directory, where another build running at the same time can delete them. So
 * the build runs from outDir's parent folder, with a node_modules link there
 * for the chunks' imports, and keeps everything inside its own folder.
 */
export function buildSite(contentDir: string, outDir: string, log: (message: string) => void): void {
  const workDir = dirname(outDir);
  mkdirSync(workDir, { recursive: true });
  const modules = join(workDir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(projectRoot, 'node_modules'), modules, 'dir');
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', projectRoot],
    {
      cwd: workDir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        FORCE_COLOR: '0',
        MFG_CONTENT_DIR: contentDir,
        MFG_OUT_DIR: outDir,
        MFG_CACHE_DIR: join(workDir, 'cache'),
      },
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `Building ${contentDir} failed:\n${`${result.stdout}\n${result.stderr}`.split('\n').slice(-40).join('\n')}`,
    );
  }
  log(`Built ${contentDir} into ${outDir} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

const COMPRESSIBLE = /\.(js|mjs|json|css|html|svg|txt|xml|webmanifest)$/;

interface BenchWindow {
  __bench: { lastKey: number; want: string; rendered: number };
}

async function measureSite(
  browser: Browser,
  label: string,
  distDir: string,
  trials: number,
  keyDelayMs: number,
  log: (message: string) => void,
): Promise<SiteMeasurement> {
  const server = await startStaticServer(distDir);
  const results: Trial[] = [];
  let fetchedOnPageLoad: string[] = [];
  try {
    for (let trial = 0; trial < trials; trial += 1) {
      const query = BENCH_QUERIES[trial % BENCH_QUERIES.length]!;
      const second = BENCH_QUERIES[(trial + 2) % BENCH_QUERIES.length]!;
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const bench = { lastKey: 0, want: '', rendered: 0 };
        (window as unknown as BenchWindow).__bench = bench;
        document.addEventListener(
          'keydown',
          (event) => {
            if (event.target instanceof HTMLInputElement) bench.lastKey = performance.now();
          },
          true,
        );
        new MutationObserver((records) => {
          for (const record of records) {
            const target = record.target as HTMLElement;
            if (
              bench.want &&
              !bench.rendered &&
              target.closest('mfg-search') &&
              target.dataset.renderedQuery === bench.want
            ) {
              requestAnimationFrame(() => {
                bench.rendered ||= performance.now();
              });
            }
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered-query'] });
      });

      let phase: 'page load' | 'first query' | 'after' = 'page load';
      const pageLoad: string[] = [];
      const pending: Promise<FetchedFile | undefined>[] = [];
      // Requests started while searching, counted when they finish even if that is after the results show.
      const started = new Set<Request>();
      let unfinished = 0;
      page.on('request', (request) => {
        if (phase !== 'first query') return;
        started.add(request);
        unfinished += 1;
      });
      page.on('requestfailed', (request) => {
        if (started.has(request)) unfinished -= 1;
      });
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        if (phase === 'page load' && (path.includes('/pagefind/') || path.includes('search-engine')))
          pageLoad.push(path);
        if (!started.has(request)) return;
        unfinished -= 1;
        pending.push(
          (async () => {
            const response = await request.response();
            if (!response) return undefined;
            const body = await response.body().catch(() => Buffer.alloc(0));
            const bytes = (await request.sizes()).responseBodySize || body.length;
            const gzipBytes = COMPRESSIBLE.test(path) ? gzipSync(body, { level: 6 }).length : bytes;
            return { path, bytes, gzipBytes };
          })(),
        );
      });

      await page.goto(server.url, { waitUntil: 'networkidle' });
      if (trial === 0) fetchedOnPageLoad = pageLoad;

      const typeAndWait = async (text: string): Promise<number> => {
        await page.evaluate((want) => {
          const bench = (window as unknown as BenchWindow).__bench;
          bench.want = want;
          bench.rendered = 0;
        }, text);
        await page.keyboard.type(text, { delay: keyDelayMs });
        await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.rendered > 0, undefined, {
          timeout: 30_000,
        });
        return page.evaluate(() => {
          const bench = (window as unknown as BenchWindow).__bench;
          return bench.rendered - bench.lastKey;
        });
      };

      phase = 'first query';
      await page.keyboard.press('/');
      const latencyMs = await typeAndWait(query);
      // The dialog shows the first few results at once and the rest when typing pauses; count them all.
      await page.waitForSelector('mfg-search [data-search-results][data-complete]', { timeout: 30_000 });
      phase = 'after';
      for (let waited = 0; unfinished > 0 && waited < 10_000; waited += 50) await page.waitForTimeout(50);
      const files = (await Promise.all(pending)).filter((file): file is FetchedFile => file !== undefined);

      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      const secondLatencyMs = await typeAndWait(second);
      await context.close();

      const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
      const gzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
      results.push({ query, latencyMs, secondLatencyMs, bytes, gzipBytes, files });
      log(
        `${label} #${trial + 1} "${query}": ${latencyMs.toFixed(0)} ms (then ${secondLatencyMs.toFixed(0)} ms), ${(gzipBytes / 1024).toFixed(1)} KB gzip, ${(bytes / 1024).toFixed(1)} KB raw`,
      );
    }
  } finally {
    await server.close();
  }
  const latencies = results.map((trial) => trial.latencyMs);
  const seconds = results.map((trial) => trial.secondLatencyMs);
  const gzip = results.map((trial) => trial.gzipBytes);
  const raw = results.map((trial) => trial.bytes);
  return {
    label,
    guides: countGuides(distDir),
    indexBytes: dirBytes(join(distDir, 'pagefind')),
    fetchedOnPageLoad,
    trials: results,
    latency: { median: quantile(latencies, 0.5), p90: quantile(latencies, 0.9), max: Math.max(...latencies) },
    secondLatency: { median: quantile(seconds, 0.5), max: Math.max(...seconds) },
    gzipBytes: { median: quantile(gzip, 0.5), max: Math.max(...gzip) },
    rawBytes: { median: quantile(raw, 0.5), max: Math.max(...raw) },
  };
}

export async function runSearchBench(options: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const log = options.log ?? ((message: string) => console.log(message));
  const trials = options.trials ?? 10;
  const keyDelayMs = options.keyDelayMs ?? 150;
  const count = options.count ?? 1000;
  const machineBefore = loadavg();
  let workDir = options.workDir;
  const work = () => (workDir ??= mkdtempSync(join(tmpdir(), 'mfg-search-bench-')));

  let realDist = options.realDist;
  if (!realDist) {
    realDist = join(work(), 'real', 'dist');
    buildSite(resolve(options.contentDir ?? join(projectRoot, 'content')), realDist, log);
  }
  let syntheticDist = options.syntheticDist;
  if (!syntheticDist) {
    const corpusDir = join(work(), 'synthetic', 'content');
    const corpus = generateCorpus({ outDir: corpusDir, count, seed: options.seed ?? 1 });
    log(
      `Generated ${corpus.slugs.length} synthetic guides (about ${Math.round(corpus.words / corpus.slugs.length)} words each).`,
    );
    syntheticDist = join(work(), 'synthetic', 'dist');
    buildSite(corpusDir, syntheticDist, log);
  }

  const browser = await launchBrowser();
  const sites: SiteMeasurement[] = [];
  try {
    sites.push(await measureSite(browser, 'Real site', realDist, trials, keyDelayMs, log));
    sites.push(await measureSite(browser, 'Synthetic corpus', syntheticDist, trials, keyDelayMs, log));
  } finally {
    await browser.close();
  }
  const machineAfter = loadavg();
  const result: SearchBenchResult = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; load average ${machineBefore[0]!.toFixed(1)} before, ${machineAfter[0]!.toFixed(1)} after`,
    keyDelayMs,
    debounceMs: SEARCH_DEBOUNCE_MS,
    sites,
  };
  if (options.reportPath !== null) {
    const reportPath = resolve(options.reportPath ?? join(projectRoot, 'reports/search-bench.md'));
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, formatSearchBenchReport(result));
    log(`Wrote ${reportPath}`);
  }
  return result;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;

function kindOf(path: string): string {
  if (/\/pagefind\/pagefind(-worker)?\.js$/.test(path)) return 'Pagefind code';
  if (path.endsWith('.pagefind')) return 'Pagefind WebAssembly';
  if (path.includes('/pagefind/fragment/')) return 'excerpts (fragments)';
  if (path.includes('/pagefind/index/')) return 'index chunks';
  if (path.includes('/pagefind/')) return 'index metadata';
  if (path.includes('/_astro/')) return 'site search code';
  return 'other';
}

export function formatSearchBenchReport(result: SearchBenchResult): string {
  const { latencyMs, bytes } = SEARCH_BENCH_TARGETS;
  const verdict = (ok: boolean) => (ok ? 'meets target' : '**misses target**');
  const lines = [
    '# Search benchmark',
    '',
    `Measured ${result.date.slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:search\` (scripts/bench/search-bench.ts).`,
    `Machine: ${result.machine}. Headless Chromium, phone-sized viewport, local static server, service workers blocked.`,
    `The header search is opened with "/" and a two-word query typed at ${result.keyDelayMs} ms per key; the search waits ${result.debounceMs} ms after a keystroke.`,
    '',
    `Targets (issue #6): first results within ${latencyMs} ms of the last keystroke; at most ${kb(bytes)} fetched from opening search through the first query.`,
    '',
    '| | Real site | Synthetic corpus |',
    '| --- | --- | --- |',
  ];
  const [real, synthetic] = result.sites;
  const row = (name: string, value: (site: SiteMeasurement) => string) =>
    lines.push(`| ${name} | ${value(real!)} | ${value(synthetic!)} |`);
  row('Guides', (site) => String(site.guides));
  row('Pagefind files on disk', (site) => kb(site.indexBytes));
  row('Trials', (site) => String(site.trials.length));
  row(
    'First results after last keystroke, median',
    (site) => `${ms(site.latency.median)} (${verdict(site.latency.median <= latencyMs)})`,
  );
  row('… 90th percentile / worst', (site) => `${ms(site.latency.p90)} / ${ms(site.latency.max)}`);
  row(
    'Second query in the same visit, median / worst',
    (site) => `${ms(site.secondLatency.median)} / ${ms(site.secondLatency.max)}`,
  );
  row(
    'Fetched, opening search + first query (gzip), median',
    (site) => `${kb(site.gzipBytes.median)} (${verdict(site.gzipBytes.median <= bytes)})`,
  );
  row('… worst trial (gzip)', (site) => kb(site.gzipBytes.max));
  row('… as served by the uncompressed test server, median', (site) => kb(site.rawBytes.median));
  row('Search files fetched on page load', (site) =>
    site.fetchedOnPageLoad.length === 0 ? 'none' : site.fetchedOnPageLoad.join(', '),
  );
  lines.push('');

  for (const site of result.sites) {
    const median = site.trials.toSorted((a, b) => a.gzipBytes - b.gzipBytes)[Math.floor(site.trials.length / 2)]!;
    const byKind = new Map<string, { files: number; gzip: number }>();
    for (const file of median.files) {
      const entry = byKind.get(kindOf(file.path)) ?? { files: 0, gzip: 0 };
      entry.files += 1;
      entry.gzip += file.gzipBytes;
      byKind.set(kindOf(file.path), entry);
    }
    lines.push(
      `## ${site.label}: what the median trial ("${median.query}") fetched`,
      '',
      '| Kind | Files | Gzip |',
      '| --- | --- | --- |',
    );
    for (const [kind, entry] of [...byKind].sort((a, b) => b[1].gzip - a[1].gzip))
      lines.push(`| ${kind} | ${entry.files} | ${kb(entry.gzip)} |`);
    lines.push(`| **Total** | ${median.files.length} | ${kb(median.gzipBytes)} |`, '');
    lines.push('| Query | First results | Second query | Gzip | Raw |', '| --- | --- | --- | --- | --- |');
    for (const trial of site.trials)
      lines.push(
        `| ${trial.query} | ${ms(trial.latencyMs)} | ${ms(trial.secondLatencyMs)} | ${kb(trial.gzipBytes)} | ${kb(trial.bytes)} |`,
      );
    lines.push('');
  }
  lines.push(
    '## Reading these numbers',
    '',
    "- Latency is measured on localhost, so it is the browser's and Pagefind's own cost: the debounce, searching the index, fetching and rendering excerpts. On a phone network, the first query also waits for the index chunks of its words; the search starts fetching them on the first keystroke, while the reader is still typing.",
    '- The machine is shared and busy (see the load average); timings on an idle machine are lower.',
    "- Bytes include Pagefind's code and WebAssembly, which load once per visit (and come from the offline cache after the first visit), the index chunks holding the typed words, and one excerpt file per result shown.",
    '- Bytes depend on typing: while a word is half-typed, the search fetches excerpts only when its top results stop changing or typing pauses (src/lib/search-options.ts), so a slower typist who pauses after every letter fetches more excerpts than these figures show.',
    "- The synthetic guides are generated from the real guides' wording (scripts/bench/generate-corpus.ts), so their vocabulary and word frequencies resemble the site's; each writes mostly like one real guide, so topic words cluster as they do on a real site.",
    '',
  );
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      'real-dist': { type: 'string' },
      content: { type: 'string' },
      'synthetic-dist': { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      trials: { type: 'string' },
      'key-delay': { type: 'string' },
      'work-dir': { type: 'string' },
      report: { type: 'string' },
    },
  });
  const result = await runSearchBench({
    ...(values['real-dist'] ? { realDist: resolve(values['real-dist']) } : {}),
    ...(values.content ? { contentDir: resolve(values.content) } : {}),
    ...(values['synthetic-dist'] ? { syntheticDist: resolve(values['synthetic-dist']) } : {}),
    ...(values.count ? { count: Number(values.count) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.trials ? { trials: Number(values.trials) } : {}),
    ...(values['key-delay'] ? { keyDelayMs: Number(values['key-delay']) } : {}),
    ...(values['work-dir'] ? { workDir: resolve(values['work-dir']) } : {}),
    ...(values.report ? { reportPath: values.report === 'none' ? null : resolve(values.report) } : {}),
  });
  const failed = result.sites.some(
    (site) =>
      site.latency.median > SEARCH_BENCH_TARGETS.latencyMs || site.gzipBytes.median > SEARCH_BENCH_TARGETS.bytes,
  );
  if (failed) console.log('At least one figure misses its target: see the report.');
}
