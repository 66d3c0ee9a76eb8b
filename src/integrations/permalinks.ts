/**
 * Post-build step: permanent links (logic in src/lib/permalinks.ts).
 * 1. Fails the build when a URL in src/data/published-urls.json is gone and
 *    src/data/redirects.ts has no entry for it, or when a redirect cannot work.
 * 2. Makes retired anchors work: a "This checklist has moved" notice with the
 *    old id on pages that still exist; anchor forwarding on redirect pages.
 * 3. Afterwards (see post-build.ts), writes host config for real 301s:
 *    `_redirects` (Netlify) and `nginx-redirects.conf`, only when there are page
 *    redirects. They are written after the service worker so it never tries to
 *    precache them (a host that hides `_redirects` would make its install fail).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { redirects as siteRedirects } from '../data/redirects.ts';
import {
  PermalinkError,
  checkPermalinks,
  describeBuiltSite,
  injectAnchorForwarding,
  injectMovedNotices,
  missingUrlsMessage,
  netlifyRedirects,
  nginxRedirects,
  splitUrl,
  stripBase,
  validatePublishedUrls,
  validateRedirects,
  withBase,
  type Redirect,
} from '../lib/permalinks.ts';
import { readBuiltPages } from './dist-files.ts';

export const PUBLISHED_URLS_FILE = 'src/data/published-urls.json';
export const REDIRECTS_FILE = 'src/data/redirects.ts';

export interface PermalinkSources {
  /** The committed list to check against; null when the build has its own content (a test fixture). */
  publishedFile: string | null;
  redirectsFile: string;
  redirects: Redirect[];
}

/**
 * The lists this build uses. A fixture build (MFG_CONTENT_DIR) publishes other
 * pages, so the site's lists do not apply to it; tests name a fixture's own
 * lists with MFG_PUBLISHED_URLS (JSON list) and MFG_REDIRECTS (JSON redirects).
 */
export function permalinkSources(env: NodeJS.ProcessEnv = process.env): PermalinkSources {
  const fixture = env.MFG_CONTENT_DIR !== undefined && env.MFG_CONTENT_DIR !== '';
  let redirects: Redirect[] = [];
  let redirectsFile = REDIRECTS_FILE;
  if (env.MFG_REDIRECTS) {
    redirectsFile = env.MFG_REDIRECTS;
    redirects = validateRedirects(readJson(redirectsFile), redirectsFile);
  } else if (!fixture) {
    redirects = validateRedirects(siteRedirects, REDIRECTS_FILE);
  }
  const publishedFile = env.MFG_PUBLISHED_URLS || (fixture ? null : PUBLISHED_URLS_FILE);
  return { publishedFile, redirectsFile, redirects };
}

/** Reads `file` (as messages name it) from `path`, where it is. */
function readJson(file: string, path = file): unknown {
  if (!existsSync(path)) throw new PermalinkError(`${file} does not exist.`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PermalinkError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The committed list; a missing file is an error (it is created with "npm run permalinks:update").
 * A relative `file` is in the project (`root`), wherever the build was started from.
 */
export function readPublishedUrls(file: string, root = process.cwd()): string[] {
  const path = resolve(root, file);
  if (!existsSync(path)) {
    throw new PermalinkError(
      `${file} is missing. Build the site, run "npm run permalinks:update" and commit the file.`,
    );
  }
  return validatePublishedUrls(readJson(file, path), file);
}

/** The built site's pages as site paths without the base, with their HTML and file. */
export async function readSitePages(outDir: string, base: string) {
  const { pages } = await readBuiltPages(outDir, base);
  return pages.flatMap((page) => {
    const path = stripBase(page.path, base);
    return path === null
      ? []
      : [{ path, html: page.html, file: join(outDir, path, path.endsWith('/') ? 'index.html' : '') }];
  });
}

function headingText(html: string): string {
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
  return (
    h1
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim() || 'its new page'
  );
}

/** Step 1 and 2 above. Returns the redirects, for writeHostRedirects at the end of the build. */
export async function checkPermalinksStep(
  { outDir, base, root }: { outDir: string; base: string; root: string },
  log: (message: string) => void,
): Promise<Redirect[]> {
  const sources = permalinkSources();
  const pages = await readSitePages(outDir, base);
  const site = describeBuiltSite(pages);
  const published = sources.publishedFile ? readPublishedUrls(sources.publishedFile, root) : [];
  const report = checkPermalinks(published, site, sources.redirects);
  if (report.problems.length > 0) {
    throw new PermalinkError(
      `${report.problems.length} redirect(s) in ${sources.redirectsFile} cannot work:\n${report.problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  if (report.missing.length > 0) {
    throw new PermalinkError(
      missingUrlsMessage(report.missing, sources.publishedFile ?? PUBLISHED_URLS_FILE, sources.redirectsFile),
    );
  }

  const byPath = new Map(pages.map((page) => [page.path, page]));
  const noticesByPage = new Map<string, { anchor: string; href: string; targetTitle: string }[]>();
  for (const moved of report.movedAnchors) {
    const target = byPath.get(splitUrl(moved.to).page);
    const list = noticesByPage.get(moved.page) ?? [];
    list.push({ anchor: moved.anchor, href: withBase(base, moved.to), targetTitle: headingText(target?.html ?? '') });
    noticesByPage.set(moved.page, list);
  }
  for (const [path, notices] of noticesByPage) {
    const page = byPath.get(path)!;
    await writeFile(page.file, injectMovedNotices(page.html, notices));
  }

  // Every redirect page forwards #anchors, so a link to a checklist on a renamed guide still lands on it.
  for (const redirect of sources.redirects) {
    if (splitUrl(redirect.from).anchor !== undefined) continue;
    const page = byPath.get(redirect.from);
    if (!page || !site.redirectPages.has(redirect.from)) {
      throw new PermalinkError(
        `No redirect page was built for "${redirect.from}" (from ${sources.redirectsFile}). Check astro.config.mjs passes the redirects to Astro.`,
      );
    }
    const anchors = Object.fromEntries(
      Object.entries(report.redirectPageAnchors.get(redirect.from) ?? {}).map(([hash, to]) => [
        hash,
        withBase(base, to),
      ]),
    );
    await writeFile(
      page.file,
      injectAnchorForwarding(await readFile(page.file, 'utf8'), anchors, withBase(base, redirect.to)),
    );
  }

  const redirectCount = sources.redirects.length;
  if (sources.publishedFile) {
    log(
      `Permanent links: all ${published.length} published URLs resolve (${redirectCount} redirect${redirectCount === 1 ? '' : 's'}).`,
    );
    if (report.unlisted.length > 0) {
      log(
        `Permanent links: ${report.unlisted.length} new URL(s) are not in ${sources.publishedFile} yet ` +
          `(e.g. ${report.unlisted.slice(0, 3).join(', ')}). Run "npm run permalinks:update" and commit the file so they stay protected.`,
      );
    }
  } else {
    log(
      `Permanent links: fixture build, no published-URL list to check (${redirectCount} redirect${redirectCount === 1 ? '' : 's'}).`,
    );
  }
  return sources.redirects;
}

/** Step 3: host config for real 301s, only when there are page redirects. */
export async function writeHostRedirects(
  outDir: string,
  base: string,
  redirects: readonly Redirect[],
  log: (message: string) => void,
): Promise<void> {
  const pageRedirects = redirects.filter((redirect) => splitUrl(redirect.from).anchor === undefined);
  if (pageRedirects.length === 0) return;
  await writeFile(join(outDir, '_redirects'), netlifyRedirects(pageRedirects, base));
  await writeFile(join(outDir, 'nginx-redirects.conf'), nginxRedirects(pageRedirects, base));
  log(`Wrote ${pageRedirects.length} redirect(s) to _redirects (Netlify) and nginx-redirects.conf.`);
}
