/**
 * Everything that runs after `astro build`, in a fixed order, in one place:
 * 1. check permanent links: every URL in src/data/published-urls.json still
 *    exists or has a redirect (src/data/redirects.ts), and every redirect
 *    points somewhere real; adds "checklist moved" notices and anchor
 *    forwarding to the pages. First, so a wrong redirect is reported against
 *    its entry in redirects.ts, and so step 2 checks the links it added;
 * 2. check that every internal link and #anchor in the built HTML resolves,
 *    while 3. Pagefind writes the search index (in its own process, so the two
 *    overlap; a broken link is reported first). Pagefind indexed the guide
 *    pages while Astro rendered them (src/integrations/search-index.ts);
 * 4. write the service worker that saves the whole site, Pagefind's index
 *    included, for offline use: it lists the rest of the site while Pagefind
 *    still writes, and Pagefind's folder after step 3;
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
import { CONTENT_DIR } from '../lib/content-dir.ts';
import { findBrokenLinks, type BuiltPage } from '../lib/link-check.ts';
import { readBuiltPages } from './dist-files.ts';
import { readPrecache, writeServiceWorker } from './service-worker.ts';
import { checkPermalinksStep, writeHostRedirects } from './permalinks.ts';
import { isSearchable, SEARCH_BODY_ATTRIBUTE, startSearchIndex, type SearchIndexBuild } from './search-index.ts';
import { writeSecurityHeaders } from './security-headers.ts';

/**
 * The file a page with a broken link came from: for a guide (data-guide="<slug>"
 * on its article), its MDX file, found by name only now, when there is an error
 * to report, so pages need not carry their source path.
 */
function sourceOf(path: string, html: string, root: string): string {
  const slug = /data-guide="([^"]+)"/.exec(html)?.[1];
  if (!slug) return `the template for ${path}`;
  // Relative to the project, as the content loader reads it.
  const guidesDir = resolve(root, CONTENT_DIR, 'guides');
  const file = globSync(`**/${slug}.mdx`, { cwd: guidesDir })[0];
  return file ? relative(process.cwd(), join(guidesDir, file)) : `the guide "${slug}"`;
}

function checkInternalLinks({ pages, files }: { pages: BuiltPage[]; files: Set<string> }, root: string): void {
  const broken = findBrokenLinks(pages, files);
  if (broken.length === 0) return;
  const htmlOf = new Map(pages.map((page) => [page.path, page.html]));
  const lines = broken.map(
    (link) =>
      `  - ${sourceOf(link.from, htmlOf.get(link.from) ?? '', root)} (page ${link.from}) links to ${link.href}: ${link.reason}. Fix or remove the link.`,
  );
  throw new Error(`Broken internal links (${broken.length}):\n${lines.join('\n')}`);
}

/**
 * Every page with searchable text must be in the index. Pagefind gets the pages from Astro's
 * prerenderer (search-index.ts), so an adapter or integration that replaced it would leave search
 * empty without this check.
 */
export function checkSearchIndexComplete(indexed: number, pages: readonly BuiltPage[]): void {
  const searchable = pages.filter((page) => isSearchable(page.html)).length;
  if (indexed === searchable) return;
  throw new Error(
    `The search index holds ${indexed} pages, but ${searchable} built pages have ${SEARCH_BODY_ATTRIBUTE}. ` +
      'Pagefind is fed by the prerenderer wrapper in src/integrations/search-index.ts: check that no adapter ' +
      "or other integration replaces Astro's prerenderer (setPrerenderer in astro:build:start).",
  );
}

export function postBuild(): AstroIntegration {
  let base = '/';
  let outDir = '';
  let root = '';
  let searchIndex: SearchIndexBuild | undefined;
  return {
    name: 'mentor-field-guide:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        root = fileURLToPath(config.root);
      },
      // Pagefind starts before bundling and indexes each guide page as it is rendered (see search-index.ts).
      'astro:build:start': ({ setPrerenderer }) => {
        const index = startSearchIndex(outDir, base);
        searchIndex = index;
        setPrerenderer((defaultPrerenderer) => index.wrap(defaultPrerenderer));
      },
      'astro:build:done': async ({ logger }) => {
        const log = (message: string) => logger.info(message);
        try {
          const redirects = await checkPermalinksStep({ outDir, base, root }, log);
          // Pagefind writes its index in its own process while this one reads the pages and checks
          // the links. A broken link is still the error reported, even if indexing also fails.
          if (!searchIndex)
            throw new Error('The search index was not started: the astro:build:start hook did not run.');
          const indexing = searchIndex.write(log);
          indexing.catch(() => {}); // awaited below, after the link check
          // The pages as step 1 left them, read once for the link check and the security headers
          // (no step in between changes a page).
          const built = await readBuiltPages(outDir, base);
          let brokenLinks: unknown;
          try {
            checkInternalLinks(built, root);
          } catch (error) {
            brokenLinks = error;
          }
          // Still waiting for Pagefind: list the rest of the site for the service worker meanwhile.
          const withoutSearchIndex = brokenLinks
            ? undefined
            : await readPrecache({ outDir, base }, 'without-search-index');
          const [search] = await Promise.allSettled([indexing]);
          if (brokenLinks) throw brokenLinks;
          if (search.status === 'rejected') throw search.reason;
          checkSearchIndexComplete(search.value, built.pages);
          await writeServiceWorker({ outDir, base }, log, withoutSearchIndex);
          await writeHostRedirects(outDir, base, redirects, log);
          await writeSecurityHeaders(outDir, base, built.pages, log);
        } finally {
          await searchIndex?.close();
        }
      },
    },
  };
}
