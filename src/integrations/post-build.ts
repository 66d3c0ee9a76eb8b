/**
 * Everything that runs after `astro build`, in a fixed order, in one place:
 * 1. check permanent links: every URL in src/data/published-urls.json still
 *    exists or has a redirect (src/data/redirects.ts), and every redirect
 *    points somewhere real; adds "checklist moved" notices and anchor
 *    forwarding to the pages. First, so a wrong redirect is reported against
 *    its entry in redirects.ts, and so step 2 checks the links it added;
 * 2. check that every internal link and #anchor in the built HTML resolves,
 *    while 3. Pagefind builds the search index over the built HTML (in its
 *    own process, so the two overlap; a broken link is reported first);
 * 4. write the service worker that saves the whole site, Pagefind's index
 *    included, for offline use (so it must come after step 3);
 * 5. write host redirect config (_redirects, nginx-redirects.conf) for the
 *    redirects of step 1, after step 4 so the service worker never precaches it;
 * 6. write the security headers (_headers, nginx-security-headers.conf) with a
 *    Content-Security-Policy matching the hashes in the pages (so after every
 *    step that changes a page), after step 4 for the same reason as step 5.
 */
import type { AstroIntegration } from 'astro';
import { globSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { CONTENT_DIR } from '../lib/content-dir.ts';
import { SEARCH_INDEX_CHUNK_SIZE } from '../lib/search-options.ts';
import { findBrokenLinks, type BuiltPage } from '../lib/link-check.ts';
import { readBuiltPages } from './dist-files.ts';
import { writeServiceWorker } from './service-worker.ts';
import { checkPermalinksStep, writeHostRedirects } from './permalinks.ts';
import { writeSecurityHeaders } from './security-headers.ts';

async function buildSearchIndex(outDir: string, log: (message: string) => void): Promise<void> {
  // Smaller index chunks (Pagefind's default is 20,000 word positions, about 27 KB gzip on 1,000
  // guides): a two-word query fetches the chunks holding its words, so smaller chunks mean fewer
  // bytes before the first results. The variable is Pagefind's (marked unstable); an older or newer
  // Pagefind that ignores it just keeps its default. Measured in scripts/bench/search-bench.ts.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(SEARCH_INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex({
    // The "#" links beside headings carry data-pagefind-ignore, but Pagefind still reads any
    // text inside them into section titles ("When to ask#"). Excluding their children too
    // keeps sub-result titles clean should one ever hold text again.
    excludeSelectors: ['.heading-anchor *'],
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  log(`Pagefind indexed ${added.page_count} pages.`);
  await pagefind.close();
}

/**
 * The file a page with a broken link came from: for a guide (data-guide="<slug>"
 * on its article), its MDX file, found by name only now, when there is an error
 * to report, so pages need not carry their source path.
 */
function sourceOf(path: string, html: string): string {
  const slug = /data-guide="([^"]+)"/.exec(html)?.[1];
  if (!slug) return `the template for ${path}`;
  const guidesDir = resolve(CONTENT_DIR, 'guides');
  const file = globSync(`**/${slug}.mdx`, { cwd: guidesDir })[0];
  return file ? relative(process.cwd(), join(guidesDir, file)) : `the guide "${slug}"`;
}

function checkInternalLinks({ pages, files }: { pages: BuiltPage[]; files: Set<string> }): void {
  const broken = findBrokenLinks(pages, files);
  if (broken.length === 0) return;
  const htmlOf = new Map(pages.map((page) => [page.path, page.html]));
  const lines = broken.map(
    (link) =>
      `  - ${sourceOf(link.from, htmlOf.get(link.from) ?? '')} (page ${link.from}) links to ${link.href}: ${link.reason}. Fix or remove the link.`,
  );
  throw new Error(`Broken internal links (${broken.length}):\n${lines.join('\n')}`);
}

export function postBuild(): AstroIntegration {
  let base = '/';
  return {
    name: 'mentor-field-guide:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/\/$/, '');
        const redirects = await checkPermalinksStep(outDir, base, (message) => logger.info(message));
        // Pagefind indexes in its own process while this one reads the pages and checks the links:
        // both only read the pages. A broken link is still the error reported, even if indexing also fails.
        const indexing = buildSearchIndex(outDir, (message) => logger.info(message));
        indexing.catch(() => {}); // awaited below, after the link check
        // The pages as step 1 left them, read once for the link check and the security headers
        // (no step in between changes a page).
        const built = await readBuiltPages(outDir, base);
        let brokenLinks: unknown;
        try {
          checkInternalLinks(built);
        } catch (error) {
          brokenLinks = error;
        }
        const [search] = await Promise.allSettled([indexing]);
        if (brokenLinks) throw brokenLinks;
        if (search.status === 'rejected') throw search.reason;
        await writeServiceWorker({ outDir, base }, (message) => logger.info(message));
        await writeHostRedirects(outDir, base, redirects, (message) => logger.info(message));
        await writeSecurityHeaders(outDir, base, built.pages, (message) => logger.info(message));
      },
    },
  };
}
