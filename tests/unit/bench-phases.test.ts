/** The benchmark's split of a build into phases: how long each took and the memory it peaked at. */
import { describe, expect, it } from 'vitest';
import { buildPhases, type MemorySample } from '../../scripts/bench/build-bench.ts';

const MB = 1024 * 1024;

/** A reading at a local time of day, as Astro stamps its log lines. */
function at(time: string, total: number, byCommand: Record<string, number> = { node: total }): MemorySample {
  const [hours, minutes, seconds] = time.split(':').map(Number) as [number, number, number];
  const whole = Math.floor(seconds);
  const date = new Date(2026, 10, 22, hours, minutes, whole, Math.round((seconds - whole) * 1000));
  return {
    at: date.getTime(),
    total: total * MB,
    byCommand: Object.fromEntries(Object.entries(byCommand).map(([command, megabytes]) => [command, megabytes * MB])),
  };
}

const LOG = [
  '12:00:00 [content] Syncing content',
  '12:00:10 [build] Building static entrypoints...',
  ' generating static routes ',
  '12:00:16   ├─ /guides/a/index.html (+3ms)',
  '12:00:40 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`',
  '12:00:41 [mentor-field-guide:post-build] Permanent links: all 120 published URLs resolve.',
  '12:00:50 [mentor-field-guide:post-build] Pagefind indexed 5000 pages.',
  '12:00:52 [mentor-field-guide:post-build] Service worker precaches 10775 files.',
  '12:00:53 [build] Complete!',
].join('\n');

describe('buildPhases', () => {
  it('times each phase from the log and finds the memory peak within it', () => {
    const phases = buildPhases(LOG, [
      at('12:00:05', 800),
      at('12:00:12', 1600),
      at('12:00:30', 2200, { node: 1800, pagefind_extended: 400 }),
      at('12:00:45', 3300, { node: 1800, pagefind_extended: 1500 }),
      at('12:00:48', 2900, { node: 1800, pagefind_extended: 1100 }),
    ]);
    expect(phases.map(({ name, seconds }) => [name, seconds])).toEqual([
      ['start, content sync and types', 10],
      ['bundling (Vite)', 6],
      ['rendering pages (Pagefind indexes each guide meanwhile)', 24],
      ['sitemap and permalink check', 1],
      ['link check while Pagefind writes its index', 9],
      ['service worker', 2],
      ['security headers', 1],
    ]);
    const peaks = phases.map((phase) => (phase.peakRss ? phase.peakRss.total / MB : null));
    expect(peaks).toEqual([800, 1600, 2200, null, 3300, null, null]);
    // The shares are those of the moment of the peak, not each program's own highest reading.
    expect(phases[4]!.peakRss!.byCommand).toEqual({ node: 1800 * MB, pagefind_extended: 1500 * MB });
  });

  it('counts a reading in the second where two phases meet for both, as the stamps cannot tell them apart', () => {
    const phases = buildPhases(LOG, [at('12:00:05', 800), at('12:00:10.5', 1000), at('12:00:12', 1600)]);
    expect(phases[0]!.peakRss!.total / MB).toBe(1000);
    expect(phases[1]!.peakRss!.total / MB).toBe(1600);
  });

  it('follows a build past midnight', () => {
    const log = [
      '23:59:58 [content] Syncing content',
      '00:00:02 [build] Building static entrypoints...',
      '00:00:04 [build] Complete!',
    ];
    const phases = buildPhases(log.join('\n'), [at('23:59:59', 500), at('00:00:01', 700), at('00:00:03', 900)]);
    expect(phases.map((phase) => [phase.seconds, phase.peakRss!.total / MB])).toEqual([
      [4, 700],
      [2, 900],
    ]);
  });

  it('reports no memory without readings', () => {
    expect(buildPhases(LOG).every((phase) => phase.peakRss === null)).toBe(true);
  });
});
