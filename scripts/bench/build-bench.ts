/**
 * Builds the site from a content folder into a scratch folder, as `astro build`
 * does in CI (Pagefind, the service worker and every other post-build step
 * included), and measures it: wall time, peak memory of the whole process tree,
 * the size of what it wrote. Used by scripts/bench/run.ts.
 *
 * The build runs with its working directory in the scratch folder: Astro puts
 * its prerender chunks under the working directory when outDir is outside it,
 * so builds run from the project folder would share (and clobber) one
 * .astro/.prerender folder. A node_modules link lets those chunks import packages.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

export const projectRoot = join(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Content folder (guides/<topic>/<slug>.mdx, optional paths/). */
  contentDir: string;
  /** Scratch folder: gets dist/, cache/ and build.log. Emptied first. */
  workDir: string;
  /** Base path to build under. */
  base?: string;
}

export interface SizeStats {
  count: number;
  min: number;
  median: number;
  max: number;
  mean: number;
}

export interface BuildResult {
  ok: boolean;
  outDir: string;
  /** The build's output (stdout and stderr). */
  log: string;
  wallSeconds: number;
  /** Astro's own "N page(s) built in Xs", post-build steps included. */
  pages: number;
  pagesPerSecond: number;
  /** Highest sum of resident memory over the build's process tree, sampled every 100 ms. */
  peakRssBytes: number;
  /** Each program's own peak (programs over 50 MB), e.g. node (Astro) and pagefind: where the memory goes. */
  peakRssByCommand: Record<string, number>;
  /** CPU time (user + system) of the whole build, from /usr/bin/time: unlike wall time, it hardly depends on how busy the machine is. */
  cpuSeconds: number | null;
  /** Seconds and peak memory per phase, from the timestamps in the build's log (1 s resolution). */
  phases: BuildPhase[];
  distBytes: number;
  distFiles: number;
  /** Bytes of each guide page's HTML (guides/<slug>/index.html). */
  guideHtml: SizeStats;
  pagefindBytes: number;
  pagefindFiles: number;
  /** The service worker's precache list (from sw.js), or null without one. */
  precache: { files: number; bytes: number } | null;
}

/** One reading of the build's process tree. */
export interface MemorySample {
  /** When, in milliseconds since the epoch. */
  at: number;
  /** Resident bytes of the whole tree. */
  total: number;
  /** Resident bytes by command name (node, pagefind_extended, …). */
  byCommand: Record<string, number>;
}

export interface BuildPhase {
  name: string;
  seconds: number;
  /**
   * The tree's highest reading while the phase ran, with each program's share at that moment (what added up to
   * the peak; programs over 50 MB), or null without a reading in the phase.
   */
  peakRss: Pick<MemorySample, 'total' | 'byCommand'> | null;
}

/** Programs smaller than this are left out of the shares: they would only crowd the report. */
const LARGE_PROGRAM_BYTES = 50 * 1024 * 1024;

/** The programs over LARGE_PROGRAM_BYTES, largest first. */
function largePrograms(byCommand: Iterable<[string, number]>): Record<string, number> {
  return Object.fromEntries(
    [...byCommand].filter(([, bytes]) => bytes > LARGE_PROGRAM_BYTES).sort((a, b) => b[1] - a[1]),
  );
}

export function stats(values: readonly number[]): SizeStats {
  const sorted = [...values].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return { count, min: 0, median: 0, max: 0, mean: 0 };
  const middle = Math.floor(count / 2);
  const median = count % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    count,
    min: sorted[0]!,
    median,
    max: sorted[count - 1]!,
    mean: sorted.reduce((sum, value) => sum + value, 0) / count,
  };
}

function filesUnder(dir: string): { path: string; bytes: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: statSync(path).size };
    });
}

const sum = (files: readonly { bytes: number }[]) => files.reduce((total, file) => total + file.bytes, 0);

/** Resident bytes of a process and all its descendants, from /proc (Linux), in total and by command name. */
function treeRss(root: number): { total: number; byCommand: Map<string, number> } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(name));
      children.set(parent, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const byCommand = new Map<string, number>();
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    try {
      const bytes = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
      const command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      total += bytes;
      byCommand.set(command, (byCommand.get(command) ?? 0) + bytes);
    } catch {
      // Gone already.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { total, byCommand };
}

const TIME = '/usr/bin/time';
const TIME_MARK = 'MFG-BENCH-CPU';

/** Log lines that start a phase, in build order; a phase lasts until the next one starts. */
const PHASE_MARKERS: { name: string; line: RegExp }[] = [
  { name: 'start, content sync and types', line: /^/ },
  { name: 'bundling (Vite)', line: /\[build\] Building static entrypoints/ },
  { name: 'rendering pages (Pagefind indexes each guide meanwhile)', line: /generating static routes/ },
  { name: 'sitemap and permalink check', line: /\[@astrojs\/sitemap\]/ },
  { name: 'link check while Pagefind writes its index', line: /Permanent links:/ },
  { name: 'service worker', line: /Pagefind indexed/ },
  { name: 'security headers', line: /Service worker precaches/ },
];

/** The local time of day, in whole seconds, as Astro stamps its log lines. */
function secondOfDay(at: number): number {
  const date = new Date(at);
  return date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds();
}

/**
 * Seconds per phase from the HH:MM:SS stamps Astro puts on its log lines, and the highest memory reading in each
 * phase. Stamps have a resolution of one second, so a reading in the second where one phase ends and the next
 * begins counts for both.
 */
export function buildPhases(log: string, samples: readonly MemorySample[] = []): BuildPhase[] {
  const lines = log.split('\n');
  const stamp = (line: string) => {
    const match = /^(\d\d):(\d\d):(\d\d) /.exec(line);
    return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
  };
  const stamps = lines.map(stamp).filter((value): value is number => value !== undefined);
  if (stamps.length === 0) return [];
  const starts = PHASE_MARKERS.map(({ name, line }) => {
    const index = lines.findIndex((text) => line.test(text));
    // "generating static routes" has no stamp: take the next stamped line's.
    const at =
      index === -1
        ? undefined
        : lines
            .slice(index)
            .map(stamp)
            .find((value) => value !== undefined);
    return { name, at };
  }).filter((phase): phase is { name: string; at: number } => phase.at !== undefined);
  const end = stamps.at(-1)!;
  // A build that runs past midnight wraps around.
  const since = (from: number, to: number) => (to - from + 86_400) % 86_400;
  return starts.map((phase, index) => {
    const seconds = since(phase.at, starts[index + 1]?.at ?? end);
    const during = samples.filter((sample) => since(phase.at, secondOfDay(sample.at)) <= seconds);
    const peak = during.reduce<MemorySample | undefined>(
      (highest, sample) => (highest && highest.total >= sample.total ? highest : sample),
      undefined,
    );
    const peakRss = peak ? { total: peak.total, byCommand: largePrograms(Object.entries(peak.byCommand)) } : null;
    return { name: phase.name, seconds, peakRss };
  });
}

/** URLs in the precache list the build wrote into sw.js, as [url, revision] pairs. */
export function precacheUrls(swSource: string): string[] {
  return [...swSource.matchAll(/\["([^"]+)",(?:"[^"]*"|null)\]/g)].map((match) => match[1]!);
}

export async function buildAndMeasure({ contentDir, workDir, base = '/' }: BuildOptions): Promise<BuildResult> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(workDir, 'node_modules'));
  const outDir = join(workDir, 'dist');
  const started = performance.now();
  const command = [
    process.execPath,
    join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
    'build',
    '--root',
    projectRoot,
  ];
  // GNU time adds up the CPU time of every process in the build (Pagefind runs as its own binary).
  const timed = existsSync(TIME) ? [TIME, '-f', `${TIME_MARK} %U %S`, ...command] : command;
  const child = spawn(timed[0]!, timed.slice(1), {
    cwd: workDir,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      MFG_CONTENT_DIR: contentDir,
      MFG_OUT_DIR: outDir,
      MFG_CACHE_DIR: join(workDir, 'cache'),
      MFG_BASE: base,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const samples: MemorySample[] = [];
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const { total, byCommand } = treeRss(child.pid);
    samples.push({ at: Date.now(), total, byCommand: Object.fromEntries(byCommand) });
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const wallSeconds = (performance.now() - started) / 1000;
  writeFileSync(join(workDir, 'build.log'), log);

  const files = filesUnder(outDir);
  const guideHtml = files.filter((file) => /^guides\/[^/]+\/index\.html$/.test(relative(outDir, file.path)));
  const pagefind = files.filter((file) => relative(outDir, file.path).startsWith('pagefind/'));
  const swFile = join(outDir, 'sw.js');
  let precache: BuildResult['precache'] = null;
  if (existsSync(swFile)) {
    const urls = precacheUrls(readFileSync(swFile, 'utf8'));
    const bytes = urls.reduce((total, url) => {
      // Relative to the site's root folder (workbox's globDirectory), or absolute under the base path.
      const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\/+/, '');
      const file = join(outDir, decodeURIComponent(path));
      return total + (existsSync(file) ? statSync(file).size : 0);
    }, 0);
    precache = { files: urls.length, bytes };
  }
  const peakByCommand = new Map<string, number>();
  for (const sample of samples)
    for (const [command, bytes] of Object.entries(sample.byCommand))
      peakByCommand.set(command, Math.max(peakByCommand.get(command) ?? 0, bytes));
  const pages = Number(/(\d+) page\(s\) built in/.exec(log)?.[1] ?? 0);
  const cpu = new RegExp(`${TIME_MARK} ([\\d.]+) ([\\d.]+)`).exec(log);
  return {
    ok: code === 0,
    outDir,
    log,
    wallSeconds,
    pages,
    pagesPerSecond: pages / wallSeconds,
    peakRssBytes: Math.max(0, ...samples.map((sample) => sample.total)),
    peakRssByCommand: largePrograms(peakByCommand),
    cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
    phases: buildPhases(log, samples),
    distBytes: sum(files),
    distFiles: files.length,
    guideHtml: stats(guideHtml.map((file) => file.bytes)),
    pagefindBytes: sum(pagefind),
    pagefindFiles: pagefind.length,
    precache,
  };
}
