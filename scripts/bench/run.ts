/**
 * The benchmark (`npm run bench`; not part of `npm test`): builds the real site
 * and synthetic corpora of 100, 1,000 and 5,000 guides (scripts/bench/
 * generate-corpus.ts, outside content/), each from scratch with Pagefind and the
 * service worker, and reports per build: wall time, pages per second, peak
 * memory, dist size, HTML bytes per guide page, Pagefind index size, precache
 * size, and what a guide page loads before its load event in Chromium. Adds the
 * search benchmark (scripts/bench/search-bench.ts: bytes and time of a first
 * search, real site and 1,000 guides) and Lighthouse's mobile scores for the
 * real home page, a guide and the search page. Writes reports/bench.md and
 * reports/bench.json.
 *
 *   npm run bench
 *   npm run bench -- --sizes 100,1000 --no-lighthouse --no-search --work-dir /tmp/me/bench
 *
 * Builds run one at a time (the machine has 2 cores); the load average before
 * and after each build is in the report, since a busy machine slows every figure.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser, CHROMIUM_PATH } from '../../tests/support/browser.ts';
import { startStaticServer } from '../../tests/support/static-server.ts';
import { buildAndMeasure, projectRoot, type BuildPhase, type BuildResult } from './build-bench.ts';
import { generateCorpus } from './generate-corpus.ts';
import { runSearchBench, type SearchBenchResult, SEARCH_BENCH_TARGETS } from './search-bench.ts';

/** The issue's targets (2-core machine). */
export const TARGETS = {
  build1000Seconds: 20,
  build5000Seconds: 60,
  peakMemoryBytes: 2 * 1024 ** 3,
  /** Everything a synthetic guide page loads before the load event, uncompressed. */
  pageLoadBytes: 54 * 1024,
  /** A guide page's median HTML may vary this much between corpus sizes (the text is random). */
  htmlGrowth: 0.05,
} as const;

/** Others' figures for the same corpus sizes, from the issue. */
const COMPARISON = { build1000: 'Starlight 34 s, VitePress 27 s', pageLoad: 'Starlight 108 KB' };

const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface PageLoad {
  url: string;
  requests: number;
  /** Uncompressed bytes: the document and every resource that started before the load event. */
  bytes: number;
  /** The same files gzipped (level 6), roughly what a compressing host sends. */
  gzipBytes: number;
  files: { path: string; bytes: number }[];
}

export interface LighthouseResult {
  page: string;
  url: string;
  scores: Record<string, number | null>;
  /** Audits that cost points, per category. */
  misses: string[];
  error?: string;
}

export interface SizeResult {
  guides: number;
  build: Omit<BuildResult, 'log'>;
  /** The synthetic guide page measured in Chromium. */
  guidePage: PageLoad | null;
  loadBefore: number;
  loadAfter: number;
  error?: string;
}

export interface BenchResult {
  date: string;
  machine: string;
  real: SizeResult | null;
  realPages: PageLoad[];
  sizes: SizeResult[];
  search: SearchBenchResult | null;
  searchError?: string;
  lighthouse: LighthouseResult[];
  lighthouseNote?: string;
}

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|webmanifest)$|\/$/;

/** What a page loads before its load event, in a fresh visitor with no service worker. */
export async function measurePageLoad(
  browser: Browser,
  origin: string,
  url: string,
  distDir: string,
  base: string,
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const entries = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (entry) => entry.startTime <= navigation.loadEventStart,
      );
      return [navigation, ...resources].map((entry) => ({ name: entry.name, bytes: entry.decodedBodySize }));
    });
    const files = entries.map((entry) => {
      const path = new URL(entry.name).pathname;
      return { path, bytes: entry.bytes };
    });
    const gzipBytes = entries.reduce((sum, entry) => {
      const url = new URL(entry.name);
      if (url.origin !== origin) return sum + entry.bytes;
      const relative = decodeURIComponent(url.pathname).slice(base.length);
      const file = join(distDir, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
      if (!existsSync(file)) return sum + entry.bytes;
      const body = readFileSync(file);
      return sum + (COMPRESSIBLE.test(file) ? gzipSync(body, { level: 6 }).length : body.length);
    }, 0);
    return { url, requests: entries.length, bytes: files.reduce((sum, file) => sum + file.bytes, 0), gzipBytes, files };
  } finally {
    await context.close();
  }
}

/** Lighthouse's mobile profile (its default) in Debian's Chromium, all four categories. */
async function runLighthouse(
  pages: { page: string; url: string }[],
  log: (message: string) => void,
): Promise<LighthouseResult[]> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const results: LighthouseResult[] = [];
  try {
    for (const { page, url } of pages) {
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      });
      const lhr = run?.lhr;
      if (!lhr) {
        results.push({ page, url, scores: {}, misses: [], error: 'Lighthouse returned nothing' });
        continue;
      }
      const scores = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? null]));
      const misses = LIGHTHOUSE_CATEGORIES.flatMap((id) =>
        (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map(
            (ref) =>
              `${id}: ${lhr.audits[ref.id]!.title}${lhr.audits[ref.id]!.displayValue ? ` (${lhr.audits[ref.id]!.displayValue})` : ''}`,
          ),
      );
      results.push({ page, url, scores, misses, ...(lhr.runtimeError ? { error: lhr.runtimeError.message } : {}) });
      log(
        `Lighthouse ${page}: ${LIGHTHOUSE_CATEGORIES.map((id) => `${id} ${Math.round((scores[id] ?? 0) * 100)}`).join(', ')}`,
      );
    }
  } finally {
    chrome.kill();
  }
  return results;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (value: number) => `${value.toFixed(1)} s`;
const mark = (ok: boolean) => (ok ? 'yes' : '**no**');

/** The targets, each with the figure measured, for the report and the exit code. */
export function checkTargets(result: BenchResult): { name: string; measured: string; ok: boolean }[] {
  const checks: { name: string; measured: string; ok: boolean }[] = [];
  const size = (guides: number) => result.sizes.find((entry) => entry.guides === guides && entry.build.ok);
  const thousand = size(1000);
  if (thousand) {
    checks.push({
      name: `1,000 guides build in at most ${TARGETS.build1000Seconds} s`,
      measured: seconds(thousand.build.wallSeconds),
      ok: thousand.build.wallSeconds <= TARGETS.build1000Seconds,
    });
  }
  const fiveThousand = size(5000);
  if (fiveThousand) {
    checks.push({
      name: `5,000 guides build in at most ${TARGETS.build5000Seconds} s`,
      measured: seconds(fiveThousand.build.wallSeconds),
      ok: fiveThousand.build.wallSeconds <= TARGETS.build5000Seconds,
    });
    checks.push({
      name: `5,000 guides build with peak memory under ${mb(TARGETS.peakMemoryBytes)}`,
      measured: mb(fiveThousand.build.peakRssBytes),
      ok: fiveThousand.build.peakRssBytes < TARGETS.peakMemoryBytes,
    });
  }
  for (const entry of result.sizes.filter((item) => !item.build.ok && (item.guides === 1000 || item.guides === 5000))) {
    checks.push({
      name: `${entry.guides.toLocaleString('en')} guides build at all`,
      measured: `failed after ${seconds(entry.build.wallSeconds)}, peak memory ${mb(entry.build.peakRssBytes)} (see below)`,
      ok: false,
    });
  }
  const built = result.sizes.filter((entry) => entry.build.ok && entry.build.guideHtml.count > 0);
  if (built.length >= 2) {
    const first = built[0]!;
    const last = built.at(-1)!;
    const growth = last.build.guideHtml.median / first.build.guideHtml.median - 1;
    checks.push({
      name: `A guide page's HTML does not grow with the number of guides (median within ${TARGETS.htmlGrowth * 100}%)`,
      measured: `${kb(first.build.guideHtml.median)} at ${first.guides} guides, ${kb(last.build.guideHtml.median)} at ${last.guides} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`,
      ok: growth <= TARGETS.htmlGrowth,
    });
  }
  for (const entry of built) {
    if (!entry.guidePage) continue;
    checks.push({
      name: `A synthetic guide page loads at most ${kb(TARGETS.pageLoadBytes)} before the load event (${entry.guides} guides)`,
      measured: `${kb(entry.guidePage.bytes)} uncompressed, ${kb(entry.guidePage.gzipBytes)} gzip`,
      ok: entry.guidePage.bytes <= TARGETS.pageLoadBytes,
    });
  }
  return checks;
}

export function formatBenchReport(result: BenchResult): string {
  const lines: string[] = [
    '# Benchmark',
    '',
    `Measured ${result.date.slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` (scripts/bench/run.ts).`,
    `Machine: ${result.machine}.`,
    'Every build starts from an empty cache and includes everything `astro build` does here: pages, the link and permalink checks, Pagefind, the service worker and the security headers.',
    'Synthetic guides come from scripts/bench/generate-corpus.ts (about 900 words, headings, a checklist, internal links and related guides; spread over the 8 topics).',
    '',
    '## Targets',
    '',
    '| Target | Measured | Met |',
    '| --- | --- | --- |',
    ...checkTargets(result).map((check) => `| ${check.name} | ${check.measured} | ${mark(check.ok)} |`),
    '',
    `For comparison (from the issue): 1,000 guides build in ${COMPARISON.build1000}; a Starlight page loads ${COMPARISON.pageLoad} before its load event.`,
    '',
    '## Builds',
    '',
  ];
  const all = [
    ...(result.real ? [{ label: `Real site (${result.real.guides} guides)`, entry: result.real }] : []),
    ...result.sizes.map((entry) => ({ label: `${entry.guides.toLocaleString('en')} guides`, entry })),
  ];
  // Time and memory up to the failure still say something about a build that failed.
  const row = (name: string, value: (entry: SizeResult) => string, evenIfFailed = false) =>
    lines.push(
      `| ${name} | ${all.map(({ entry }) => (entry.build.ok ? value(entry) : evenIfFailed ? `${value(entry)} (failed)` : '(failed)')).join(' | ')} |`,
    );
  lines.push(`| | ${all.map(({ label }) => label).join(' | ')} |`, `| --- | ${all.map(() => '---').join(' | ')} |`);
  row('Build time (wall)', (entry) => seconds(entry.build.wallSeconds), true);
  row(
    'CPU time, user + system (less affected by a busy machine)',
    (entry) => (entry.build.cpuSeconds === null ? 'n/a' : seconds(entry.build.cpuSeconds)),
    true,
  );
  row('Pages built', (entry) => entry.build.pages.toLocaleString('en'));
  row('Pages per second', (entry) => entry.build.pagesPerSecond.toFixed(0));
  row('Peak memory (process tree)', (entry) => mb(entry.build.peakRssBytes), true);
  row(
    '… peak of each program',
    (entry) =>
      Object.entries(entry.build.peakRssByCommand ?? {})
        .map(([command, bytes]) => `${command} ${mb(bytes)}`)
        .join(', '),
    true,
  );
  row('dist size (files)', (entry) => `${mb(entry.build.distBytes)} (${entry.build.distFiles.toLocaleString('en')})`);
  row(
    'Guide page HTML, median (max)',
    (entry) => `${kb(entry.build.guideHtml.median)} (${kb(entry.build.guideHtml.max)})`,
  );
  row(
    'Pagefind index (files)',
    (entry) => `${mb(entry.build.pagefindBytes)} (${entry.build.pagefindFiles.toLocaleString('en')})`,
  );
  row('Offline precache (files)', (entry) =>
    entry.build.precache
      ? `${mb(entry.build.precache.bytes)} (${entry.build.precache.files.toLocaleString('en')})`
      : 'no sw.js',
  );
  row('A guide page before its load event: requests', (entry) =>
    entry.guidePage ? String(entry.guidePage.requests) : 'n/a',
  );
  row('… bytes, uncompressed (gzip)', (entry) =>
    entry.guidePage ? `${kb(entry.guidePage.bytes)} (${kb(entry.guidePage.gzipBytes)})` : 'n/a',
  );
  row(
    'Load average before / after the build',
    (entry) => `${entry.loadBefore.toFixed(1)} / ${entry.loadAfter.toFixed(1)}`,
    true,
  );
  lines.push('', "Where the wall time goes (from the build log's timestamps, 1 s resolution):", '');
  const phaseNames = [...new Set(all.flatMap(({ entry }) => entry.build.phases.map((phase) => phase.name)))];
  const phaseTable = (cell: (phase: BuildPhase) => string) => {
    lines.push(
      `| Phase | ${all.map(({ label }) => label).join(' | ')} |`,
      `| --- | ${all.map(() => '---').join(' | ')} |`,
    );
    for (const name of phaseNames) {
      const cells = all.map(({ entry }) => {
        const phase = entry.build.phases.find((item) => item.name === name);
        return phase ? cell(phase) : '';
      });
      lines.push(`| ${name} | ${cells.join(' | ')} |`);
    }
  };
  phaseTable((phase) => `${phase.seconds} s`);
  lines.push(
    '',
    "Where the memory goes: the process tree's highest reading in each phase, and each program's share at that",
    'moment (programs over 50 MB). With stamps 1 s apart, phases that start in the same second share its readings:',
    '',
  );
  phaseTable(({ peakRss }) => {
    if (!peakRss) return '';
    const shares = Object.entries(peakRss.byCommand).map(([command, bytes]) => `${command} ${mb(bytes)}`);
    return shares.length > 0 ? `${mb(peakRss.total)} (${shares.join(', ')})` : mb(peakRss.total);
  });
  lines.push('');
  for (const { label, entry } of all) {
    if (entry.error) lines.push(`- ${label}: ${entry.error.split('\n').slice(0, 12).join(' ')}`);
  }

  if (result.realPages.length > 0) {
    lines.push(
      '',
      '## What real pages load before the load event',
      '',
      'A new visitor with an empty cache and no service worker, on a phone-sized screen.',
      '',
      '| Page | Requests | Uncompressed | Gzip | Files |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const page of result.realPages) {
      lines.push(
        `| ${new URL(page.url).pathname} | ${page.requests} | ${kb(page.bytes)} | ${kb(page.gzipBytes)} | ${page.files.map((file) => `${file.path.replace(/^.*\//, '') || file.path} ${kb(file.bytes)}`).join(', ')} |`,
      );
    }
  }

  lines.push('', '## Search', '');
  if (result.search) {
    lines.push(
      `From scripts/bench/search-bench.ts: the header search opened with "/" and a two-word query typed; bytes fetched from opening search through the first results; latency from the last keystroke to the first results painted (${result.search.debounceMs} ms debounce included). Targets (issue #6): ${SEARCH_BENCH_TARGETS.latencyMs} ms, ${kb(SEARCH_BENCH_TARGETS.bytes)}.`,
      '',
      '| | Guides | Pagefind on disk | First search: bytes (gzip) | First search: time, median (p90) | Second query, median |',
      '| --- | --- | --- | --- | --- | --- |',
      ...result.search.sites.map(
        (site) =>
          `| ${site.label} | ${site.guides.toLocaleString('en')} | ${mb(site.indexBytes)} | ${kb(site.gzipBytes.median)} (raw ${kb(site.rawBytes.median)}) | ${Math.round(site.latency.median)} ms (${Math.round(site.latency.p90)} ms) | ${Math.round(site.secondLatency.median)} ms |`,
      ),
    );
  } else {
    lines.push(`Not measured${result.searchError ? `: ${result.searchError}` : ' (--no-search)'}.`);
  }

  lines.push('', '## Lighthouse (mobile profile)', '');
  if (result.lighthouse.length > 0) {
    lines.push(
      "Lighthouse with its default mobile profile (simulated slow 4G and a 4× slower CPU) in Debian's Chromium, against the real site on a local static server that does not compress. Performance depends on the machine's load at the time (see the load average).",
      '',
      `| Page | ${LIGHTHOUSE_CATEGORIES.join(' | ')} |`,
      `| --- | ${LIGHTHOUSE_CATEGORIES.map(() => '---').join(' | ')} |`,
      ...result.lighthouse.map(
        (entry) =>
          `| ${entry.page} | ${LIGHTHOUSE_CATEGORIES.map((id) => (entry.scores[id] === null || entry.scores[id] === undefined ? 'n/a' : String(Math.round(entry.scores[id]! * 100)))).join(' | ')} |`,
      ),
      '',
    );
    for (const entry of result.lighthouse) {
      if (entry.error) lines.push(`- ${entry.page}: ${entry.error}`);
      for (const miss of entry.misses) lines.push(`- ${entry.page}, ${miss}`);
    }
  } else {
    lines.push(`Not measured${result.lighthouseNote ? `: ${result.lighthouseNote}` : ''}.`);
  }
  lines.push('');
  return lines.join('\n');
}

function summarise(guides: number, build: BuildResult, guidePage: PageLoad | null, loadBefore: number): SizeResult {
  const { log, ...rest } = build;
  return {
    guides,
    build: rest,
    guidePage,
    loadBefore,
    loadAfter: loadavg()[0]!,
    ...(build.ok ? {} : { error: `the build failed: ${log.split('\n').slice(-15).join('\n')}` }),
  };
}

/** The guide slugs in a built site, from its sitemap. */
function guidePaths(distDir: string): string[] {
  const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>[^<]*?(\/guides\/[^/<]+\/)<\/loc>/g)].map((match) => match[1]!);
}

export interface BenchOptions {
  sizes: number[];
  workDir: string;
  lighthouse: boolean;
  search: boolean;
  searchTrials: number;
  reportPath: string;
  keep: boolean;
  log: (message: string) => void;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const base = '/';
  mkdirSync(options.workDir, { recursive: true });
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${mb(totalmem())} memory, Node ${process.version}`,
    real: null,
    realPages: [],
    sizes: [],
    search: null,
    lighthouse: [],
  };
  const browser = await launchBrowser();
  let realDist: string | null = null;
  let dist1000: string | null = null;
  try {
    // The real site.
    log('Building the real site...');
    const realLoad = loadavg()[0]!;
    const real = await buildAndMeasure({
      contentDir: join(projectRoot, 'content'),
      workDir: join(options.workDir, 'real'),
      base,
    });
    const realGuides = real.ok ? guidePaths(real.outDir) : [];
    if (real.ok) {
      realDist = real.outDir;
      const server = await startStaticServer(real.outDir, base);
      try {
        const guide = realGuides.find((path) => path.endsWith('/first-meeting/')) ?? realGuides[0]!;
        for (const path of ['/', guide, '/search/'])
          result.realPages.push(
            await measurePageLoad(browser, server.origin, `${server.origin}${path}`, real.outDir, base),
          );
        if (options.lighthouse) {
          log('Lighthouse...');
          try {
            result.lighthouse = await runLighthouse(
              [
                { page: 'Home', url: `${server.origin}/` },
                { page: `Guide (${guide})`, url: `${server.origin}${guide}` },
                { page: 'Search (/search/?q=burnout)', url: `${server.origin}/search/?q=burnout` },
              ],
              log,
            );
          } catch (error) {
            result.lighthouseNote = `Lighthouse could not run: ${(error as Error).message}`;
          }
        } else {
          result.lighthouseNote = 'skipped (--no-lighthouse)';
        }
      } finally {
        await server.close();
      }
    }
    result.real = summarise(realGuides.length, real, null, realLoad);
    log(`Real site: ${seconds(real.wallSeconds)}, ${real.ok ? 'ok' : 'FAILED'}`);

    // Synthetic corpora.
    for (const guides of options.sizes) {
      const workDir = join(options.workDir, `guides-${guides}`);
      const contentDir = join(options.workDir, `content-${guides}`);
      log(`Generating ${guides} guides...`);
      const corpus = generateCorpus({ outDir: contentDir, count: guides, seed: 1 });
      log(`Building ${guides} guides (${Math.round(corpus.words / guides)} words each)...`);
      const loadBefore = loadavg()[0]!;
      const build = await buildAndMeasure({ contentDir, workDir, base });
      let guidePage: PageLoad | null = null;
      if (build.ok) {
        const paths = guidePaths(build.outDir);
        const server = await startStaticServer(build.outDir, base);
        try {
          // A guide from the middle of its topic, where the topic navigation is fullest.
          const path = paths[Math.floor(paths.length / 2)]!;
          guidePage = await measurePageLoad(browser, server.origin, `${server.origin}${path}`, build.outDir, base);
        } finally {
          await server.close();
        }
      }
      result.sizes.push(summarise(guides, build, guidePage, loadBefore));
      log(
        `${guides} guides: ${seconds(build.wallSeconds)}, peak ${mb(build.peakRssBytes)}, ${build.ok ? 'ok' : 'FAILED'}`,
      );
      if (guides === 1000 && build.ok) dist1000 = build.outDir;
      else if (!options.keep) rmSync(workDir, { recursive: true, force: true });
      if (!options.keep) rmSync(contentDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }

  if (options.search && realDist && dist1000) {
    log('Search benchmark...');
    try {
      result.search = await runSearchBench({
        realDist,
        syntheticDist: dist1000,
        trials: options.searchTrials,
        reportPath: null,
        log,
      });
    } catch (error) {
      result.searchError = (error as Error).message;
    }
  } else if (options.search) {
    result.searchError = 'needs the real site and the 1,000-guide build (run with 1000 in --sizes)';
  }
  if (!options.keep) {
    if (dist1000) rmSync(join(options.workDir, 'guides-1000'), { recursive: true, force: true });
    rmSync(join(options.workDir, 'real'), { recursive: true, force: true });
  }

  mkdirSync(resolve(options.reportPath, '..'), { recursive: true });
  writeFileSync(options.reportPath, formatBenchReport(result));
  writeFileSync(options.reportPath.replace(/\.md$/, '.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`Wrote ${options.reportPath}`);
  return result;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,5000' },
      'work-dir': { type: 'string', default: '/tmp/mfg-bench' },
      'no-lighthouse': { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      'search-trials': { type: 'string', default: '5' },
      report: { type: 'string', default: join(projectRoot, 'reports/bench.md') },
      keep: { type: 'boolean', default: false },
    },
  });
  const result = await runBench({
    sizes: values.sizes
      .split(',')
      .map((size) => Number(size.trim()))
      .filter((size) => size > 0),
    workDir: resolve(values['work-dir']),
    lighthouse: !values['no-lighthouse'],
    search: !values['no-search'],
    searchTrials: Number(values['search-trials']),
    reportPath: resolve(values.report),
    keep: values.keep,
    log: (message) => console.log(`[bench] ${message}`),
  });
  const checks = checkTargets(result);
  for (const check of checks) console.log(`${check.ok ? 'ok  ' : 'MISS'} ${check.name}: ${check.measured}`);
  if (checks.some((check) => !check.ok)) console.log('Some targets were missed: see the report.');
}
