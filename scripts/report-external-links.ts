/**
 * Lists every external link in the built site and the pages that link to it,
 * as reports/external-links.md, so someone can check them by hand now and then
 * (the build checks internal links; external ones need a network and a person).
 *
 *   npm run build && node scripts/report-external-links.ts [dist] [reports/external-links.md]
 *
 * The quality tests (tests/e2e/quality.test.ts) write the same report.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readBuiltPages } from '../src/integrations/dist-files.ts';
import { collectLinks, type BuiltPage } from '../src/lib/link-check.ts';
import siteConfig from '../site.config.ts';

/** External URL → the pages (paths) that link to it, both sorted. */
export function externalLinks(pages: readonly BuiltPage[]): Map<string, string[]> {
  const byUrl = new Map<string, Set<string>>();
  for (const page of pages) {
    for (const href of collectLinks(page).external) {
      const set = byUrl.get(href) ?? new Set<string>();
      set.add(page.path);
      byUrl.set(href, set);
    }
  }
  return new Map([...byUrl].sort(([a], [b]) => a.localeCompare(b)).map(([url, from]) => [url, [...from].sort()]));
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function externalLinksReport(links: ReadonlyMap<string, readonly string[]>): string {
  const hosts = new Set([...links.keys()].map((url) => (URL.canParse(url) ? new URL(url).host : url)));
  const rows = [...links].map(
    ([url, from]) => `| <${escapeCell(url)}> | ${from.map((path) => `\`${escapeCell(path)}\``).join(', ')} |`,
  );
  return [
    '# External links',
    '',
    `${links.size} external URLs on ${hosts.size} hosts. The build checks every internal link and #anchor; these need a person with a network to check now and then.`,
    '',
    '| URL | Linked from |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

export async function writeExternalLinksReport(
  outDir: string,
  base: string,
  reportFile: string,
): Promise<Map<string, string[]>> {
  const { pages } = await readBuiltPages(outDir, base);
  const links = externalLinks(pages);
  await mkdir(dirname(reportFile), { recursive: true });
  await writeFile(reportFile, externalLinksReport(links));
  return links;
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  const outDir = process.argv[2] ?? process.env.MFG_OUT_DIR ?? join(root, 'dist');
  const reportFile = process.argv[3] ?? join(root, 'reports/external-links.md');
  const links = await writeExternalLinksReport(outDir, process.env.MFG_BASE ?? siteConfig.base, reportFile);
  console.log(`${links.size} external links written to ${reportFile}`);
}
