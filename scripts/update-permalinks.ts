/**
 * Rewrites src/data/published-urls.json from a build: every page and checklist
 * anchor in the built site, plus every URL in src/data/redirects.ts (so a
 * redirect removed later is caught too). Run it after adding pages, and commit
 * the file: from then on the build fails if any of these URLs disappears
 * without a redirect.
 *
 *   npm run build && npm run permalinks:update
 *   npm run permalinks:update -- --allow-removal   # drop URLs that were removed on purpose
 *
 * Reads the build in MFG_OUT_DIR (default dist/), built with the base path in
 * MFG_BASE or site.config.ts. Refuses to drop a URL that is gone without a
 * redirect unless --allow-removal is given, and refuses a fixture build.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import siteConfig from '../site.config.ts';
import {
  PUBLISHED_URLS_FILE,
  permalinkSources,
  readPublishedUrls,
  readSitePages,
} from '../src/integrations/permalinks.ts';
import { describeBuiltSite, nextPublishedUrls } from '../src/lib/permalinks.ts';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);

async function main(): Promise<void> {
  const allowRemoval = process.argv.includes('--allow-removal');
  const outDir = resolve(process.env.MFG_OUT_DIR ?? 'dist');
  const base = process.env.MFG_BASE ?? siteConfig.base;
  if (process.env.MFG_CONTENT_DIR) {
    throw new Error(
      'MFG_CONTENT_DIR is set: the published-URL list describes the real site, so update it from a build of content/.',
    );
  }
  if (!existsSync(resolve(outDir, 'index.html'))) {
    throw new Error(`No built site in ${outDir}. Run "npm run build" first (or set MFG_OUT_DIR to your build folder).`);
  }
  const file = process.env.MFG_PUBLISHED_URLS ?? PUBLISHED_URLS_FILE;
  const previous = existsSync(file) ? readPublishedUrls(file) : [];
  const { redirects } = permalinkSources();
  const site = describeBuiltSite(await readSitePages(outDir, base));
  if (site.pages.size === 0)
    throw new Error(`Found no pages under the base path "${base}" in ${outDir}. Was it built with another MFG_BASE?`);
  const next = nextPublishedUrls(previous, site, redirects);

  if (next.dropped.length > 0 && !allowRemoval) {
    throw new Error(
      `${next.dropped.length} published URL(s) are gone from the build and have no redirect:\n` +
        next.dropped.map((url) => `  - ${url}`).join('\n') +
        '\nAdd a redirect for each to src/data/redirects.ts, or restore it. If they were removed on purpose, run again with --allow-removal.',
    );
  }
  await writeFile(file, `${JSON.stringify(next.urls, null, 2)}\n`);
  console.log(
    `${file}: ${next.urls.length} URLs (${next.added.length} added${next.dropped.length > 0 ? `, ${next.dropped.length} removed on purpose` : ''}).` +
      (next.added.length > 0 ? `\nAdded:\n${next.added.map((url) => `  + ${url}`).join('\n')}` : '') +
      (next.dropped.length > 0 ? `\nRemoved:\n${next.dropped.map((url) => `  - ${url}`).join('\n')}` : ''),
  );
}

main().catch((error: unknown) => {
  console.error(`permalinks:update: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
