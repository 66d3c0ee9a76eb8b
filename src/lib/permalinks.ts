/**
 * Permanent links. Program directors paste the site's URLs into onboarding
 * emails, slides and printed handouts, so a URL that once worked must keep
 * working: src/data/published-urls.json lists every page and every checklist
 * anchor ever published, and src/data/redirects.ts says where each retired one
 * now lives. After each build this module compares the two with the built site.
 *
 * URLs here are site paths WITHOUT the base path ("/guides/first-meeting/",
 * "/guides/first-meeting/#checklist-first-meeting-prep"), so the same list works
 * for every deployment. Pure: the post-build step passes pages in as text.
 *
 * How a retired URL keeps working:
 * - a page: Astro writes a static redirect page at the old path (meta refresh),
 *   and the build also writes host config (Netlify `_redirects`, an nginx
 *   snippet) for real 301s where the host reads it;
 * - a checklist anchor on a page that still exists: the old page gets an
 *   element with the old id, a short "This checklist has moved" notice linking
 *   to the new place, so the browser scrolls to it;
 * - a checklist anchor on a retired page: the redirect page carries a tiny
 *   script that sends each old #anchor to its new URL, and any other #anchor on
 *   to the same anchor at the page's new address.
 */
import { collectIds } from './link-check.ts';

export interface Redirect {
  /** The retired URL: a site path without the base, e.g. "/guides/old-slug/" or "/guides/x/#checklist-old-id". */
  from: string;
  /** Where it lives now, in the same form; it must exist in the build. */
  to: string;
  /** Why it moved, for the people who maintain the site. */
  reason: string;
}

/** Thrown when published URLs vanished or the redirects are wrong; the message says what to do. */
export class PermalinkError extends Error {
  override name = 'PermalinkError';
}

const SITE_PATH = /^\/(?:[A-Za-z0-9._~%-]+\/)*$/;
const ANCHOR = /^[A-Za-z][A-Za-z0-9_:.-]*$/;

/** Splits "/guides/x/#checklist-y" into its page and anchor. */
export function splitUrl(url: string): { page: string; anchor?: string } {
  const hash = url.indexOf('#');
  if (hash === -1) return { page: url };
  return { page: url.slice(0, hash), anchor: url.slice(hash + 1) };
}

function isSiteUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  const { page, anchor } = splitUrl(url);
  return SITE_PATH.test(page) && (anchor === undefined || ANCHOR.test(anchor));
}

/**
 * Checks the shape of the redirect list. Throws one PermalinkError naming the
 * file, each entry's index and field, and the fix.
 */
export function validateRedirects(input: unknown, file: string): Redirect[] {
  if (!Array.isArray(input)) {
    throw new PermalinkError(`${file}: the redirects must be a list of { from, to, reason } entries.`);
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const form =
    'must be a site path without the base path, starting and ending with "/", e.g. "/guides/old-slug/" ' +
    '(a checklist anchor may follow: "/guides/old-slug/#checklist-old-id")';
  input.forEach((entry: unknown, index) => {
    const at = `${file}: redirects[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${at}: must be an object { from, to, reason }.`);
      return;
    }
    const { from, to, reason } = entry as Record<string, unknown>;
    if (!isSiteUrl(from)) problems.push(`${at}.from: ${JSON.stringify(from ?? null)} ${form}.`);
    if (!isSiteUrl(to)) problems.push(`${at}.to: ${JSON.stringify(to ?? null)} ${form}.`);
    if (typeof reason !== 'string' || reason.trim().length < 3) {
      problems.push(`${at}.reason: say in a few words why the URL moved, e.g. "guide renamed".`);
    }
    if (typeof from === 'string' && from === to) problems.push(`${at}: from and to are the same URL.`);
    if (typeof from === 'string') {
      const earlier = seen.get(from);
      if (earlier !== undefined)
        problems.push(`${at}.from: "${from}" is already redirected by redirects[${earlier}]. Keep one entry.`);
      seen.set(from, index);
    }
  });
  if (problems.length > 0) {
    throw new PermalinkError(`Redirects have ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }
  return input as Redirect[];
}

/** Checks the committed list of published URLs. */
export function validatePublishedUrls(input: unknown, file: string): string[] {
  if (!Array.isArray(input) || input.some((url) => !isSiteUrl(url))) {
    const bad = Array.isArray(input) ? input.filter((url) => !isSiteUrl(url)).slice(0, 3) : [];
    throw new PermalinkError(
      `${file} must be a JSON list of site paths such as "/guides/first-meeting/"${bad.length > 0 ? `; these are not: ${bad.map((url) => JSON.stringify(url)).join(', ')}` : ''}. ` +
        'Regenerate it from a build with "npm run permalinks:update".',
    );
  }
  return input as string[];
}

/** The site path of a built page, without the base path; null for a page outside it. */
export function stripBase(path: string, base: string): string | null {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!path.startsWith(prefix)) return null;
  return `/${path.slice(prefix.length)}`;
}

/** Astro's static redirect pages: no content, just a meta refresh. */
export function isRedirectPage(html: string): boolean {
  return /<meta\s+http-equiv="refresh"/i.test(html) && !/<main[\s>]/i.test(html);
}

/** Checklist anchors in a page: elements rendered by Checklist.astro with id="checklist-<id>" and data-checklist="<id>". */
export function checklistAnchors(html: string): string[] {
  const anchors: string[] = [];
  for (const match of html.matchAll(/<[a-z][a-z0-9-]*\s[^>]*>/gi)) {
    const tag = match[0];
    const id = /\sid="checklist-([^"]+)"/.exec(tag)?.[1];
    const checklist = /\sdata-checklist="([^"]+)"/.exec(tag)?.[1];
    if (id !== undefined && id === checklist) anchors.push(`checklist-${id}`);
  }
  return anchors;
}

export interface BuiltSite {
  /** Real pages (not 404, not redirect pages) by site path, with every element id on them. */
  pages: Map<string, Set<string>>;
  /** Published checklist anchors, "page#checklist-id". */
  anchors: Set<string>;
  /** Redirect pages Astro wrote, by site path. */
  redirectPages: Set<string>;
}

/** Sorts built pages (site paths without the base) into real pages, checklist anchors and redirect pages. */
export function describeBuiltSite(pages: readonly { path: string; html: string }[]): BuiltSite {
  const site: BuiltSite = { pages: new Map(), anchors: new Set(), redirectPages: new Set() };
  for (const { path, html } of pages) {
    if (!path.endsWith('/')) continue; // 404.html and other files that are not addresses people link to
    if (isRedirectPage(html)) {
      site.redirectPages.add(path);
      continue;
    }
    site.pages.set(path, collectIds(html));
    for (const anchor of checklistAnchors(html)) site.anchors.add(`${path}#${anchor}`);
  }
  return site;
}

/** Every URL the build publishes, sorted: pages and checklist anchors. */
export function publishedUrlsOf(site: BuiltSite): string[] {
  return [...site.pages.keys(), ...site.anchors].sort();
}

/**
 * The list to commit after a build: every URL the build publishes plus every
 * redirected URL (so deleting a redirect later is caught too). URLs from the
 * previous list that are gone without a redirect are returned in `dropped`.
 */
export function nextPublishedUrls(
  previous: readonly string[],
  site: BuiltSite,
  redirects: readonly Redirect[],
): { urls: string[]; dropped: string[]; added: string[] } {
  const urls = new Set([...publishedUrlsOf(site), ...redirects.map((redirect) => redirect.from)]);
  const before = new Set(previous);
  return {
    urls: [...urls].sort(),
    dropped: previous.filter((url) => !urls.has(url)),
    added: [...urls].filter((url) => !before.has(url)).sort(),
  };
}

/** A notice to add to a page that still exists, for a checklist anchor that moved elsewhere. */
export interface MovedAnchor {
  page: string;
  anchor: string;
  to: string;
}

export interface PermalinkReport {
  /** Published URLs that are gone and have no redirect. */
  missing: string[];
  /** Redirect entries that cannot work, with the fix. */
  problems: string[];
  /** Old anchors on pages that still exist: each gets a "moved" notice. */
  movedAnchors: MovedAnchor[];
  /** Redirect pages with the anchors they forward: page → { "#old": "new url" }. */
  redirectPageAnchors: Map<string, Record<string, string>>;
  /** URLs the build publishes that are not in the committed list yet. */
  unlisted: string[];
}

/**
 * Compares the committed published URLs and the redirects with the build.
 * A published page must still exist or be redirected; a published anchor must
 * still exist on its page, be redirected itself, or sit on a redirected page
 * whose new address has the same anchor. Every redirect must point at a page
 * (and anchor) that exists and must not hide a page that still exists.
 */
export function checkPermalinks(
  published: readonly string[],
  site: BuiltSite,
  redirects: readonly Redirect[],
): PermalinkReport {
  const redirectFrom = new Map(redirects.map((redirect) => [redirect.from, redirect]));
  const problems: string[] = [];
  const movedAnchors: MovedAnchor[] = [];
  const redirectPageAnchors = new Map<string, Record<string, string>>();

  const exists = (url: string) => {
    const { page, anchor } = splitUrl(url);
    const ids = site.pages.get(page);
    return ids !== undefined && (anchor === undefined || ids.has(anchor));
  };

  for (const [index, redirect] of redirects.entries()) {
    const at = `redirects[${index}] (from "${redirect.from}")`;
    const from = splitUrl(redirect.from);
    const target = splitUrl(redirect.to);
    if (!site.pages.has(target.page)) {
      const hint = site.redirectPages.has(target.page)
        ? ' (that page is itself redirected: point at its final address)'
        : '';
      problems.push(`${at}: to: there is no page at "${target.page}"${hint}. Point it at a page that exists.`);
    } else if (target.anchor !== undefined && !exists(redirect.to)) {
      problems.push(
        `${at}: to: "${target.page}" has no element with id "${target.anchor}". Use a checklist anchor that exists on that page.`,
      );
    }
    if (from.anchor === undefined) {
      if (site.pages.has(from.page)) {
        problems.push(
          `${at}: a page still exists at "${from.page}". Remove this redirect, or remove the page it would hide.`,
        );
      }
      continue;
    }
    if (site.pages.has(from.page)) {
      if (site.pages.get(from.page)!.has(from.anchor)) {
        problems.push(
          `${at}: "${from.page}" still has the anchor "#${from.anchor}". Remove this redirect, or the anchor.`,
        );
      } else {
        movedAnchors.push({ page: from.page, anchor: from.anchor, to: redirect.to });
      }
    } else if (redirectFrom.has(from.page)) {
      const map = redirectPageAnchors.get(from.page) ?? {};
      map[`#${from.anchor}`] = redirect.to;
      redirectPageAnchors.set(from.page, map);
    } else {
      problems.push(
        `${at}: the page "${from.page}" no longer exists and has no redirect of its own, so this anchor redirect cannot be served. ` +
          `Add a redirect for "${from.page}" too.`,
      );
    }
  }

  const missing: string[] = [];
  for (const url of published) {
    if (exists(url) || redirectFrom.has(url)) continue;
    const { page, anchor } = splitUrl(url);
    if (anchor !== undefined) {
      // A retired page's redirect carries other anchors along to the same id at its new address.
      const pageRedirect = redirectFrom.get(page);
      if (pageRedirect && !splitUrl(pageRedirect.to).anchor && exists(`${pageRedirect.to}#${anchor}`)) continue;
    }
    missing.push(url);
  }

  const listed = new Set(published);
  const unlisted = publishedUrlsOf(site).filter((url) => !listed.has(url));
  return { missing, problems, movedAnchors, redirectPageAnchors, unlisted };
}

/** The build's error for URLs that disappeared, telling the author both ways to fix it. */
export function missingUrlsMessage(missing: readonly string[], publishedFile: string, redirectsFile: string): string {
  const lines = missing.map((url) => `  - ${url}`);
  return (
    `${missing.length} published URL(s) no longer exist and have no redirect. Program directors and readers may have ` +
    `these links in emails, slides and printed handouts (listed in ${publishedFile}):\n${lines.join('\n')}\n` +
    `For each one, either restore it (e.g. undo the rename of the guide or checklist id), or add a redirect to ${redirectsFile}:\n` +
    `  { from: '${missing[0]}', to: '/guides/<new-slug>/', reason: 'why it moved' }\n` +
    'If the page was removed on purpose and nothing should replace it, run "npm run permalinks:update -- --allow-removal" after the ' +
    'build and commit the shorter list.'
  );
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Joins the base path to a site path ("/guides/x/#a" → "/mentoring/guides/x/#a"). */
export function withBase(base: string, url: string): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}${url}`;
}

/**
 * Adds one element per moved anchor to a page that still exists, so the old
 * #anchor lands on a notice linking to the checklist's new place. Inserted at
 * the end of the article (or of <main>), out of search and print.
 */
export function injectMovedNotices(
  html: string,
  notices: readonly { anchor: string; href: string; targetTitle: string }[],
): string {
  if (notices.length === 0) return html;
  const items = notices
    .map(
      (notice) =>
        `<p id="${escapeHtml(notice.anchor)}" data-moved-anchor class="scroll-mt-20">This checklist has moved: ` +
        `<a href="${escapeHtml(notice.href)}">go to it in “${escapeHtml(notice.targetTitle)}”</a>.</p>`,
    )
    .join('');
  const block = `<div class="callout no-print my-8" data-moved-anchors data-pagefind-ignore>${items}</div>`;
  for (const closing of ['</article>', '</main>']) {
    const at = html.lastIndexOf(closing);
    if (at !== -1) return html.slice(0, at) + block + html.slice(at);
  }
  throw new PermalinkError('Cannot add a "checklist moved" notice: the page has neither <article> nor <main>.');
}

/**
 * Makes a redirect page forward the #anchor too: mapped old anchors go to
 * their new URLs, any other anchor follows the page to its new address. Runs
 * before the meta refresh, which would drop the anchor.
 */
export function injectAnchorForwarding(
  html: string,
  anchors: Readonly<Record<string, string>>,
  pageTarget: string,
): string {
  const carry = pageTarget.includes('#') ? 'null' : `${JSON.stringify(pageTarget)}+h`;
  // JSON.stringify cannot close the <script>: "<" is escaped as \u003c.
  const map = JSON.stringify(anchors).replace(/</g, '\\u003c');
  const script = `<script>(function(){var m=${map};var h=location.hash;var t=h?(Object.prototype.hasOwnProperty.call(m,h)?m[h]:${carry}):null;if(t)location.replace(t)})()</script>`;
  const at = html.search(/<meta\s+http-equiv="refresh"/i);
  if (at === -1) throw new PermalinkError('Cannot forward anchors: the redirect page has no meta refresh.');
  return html.slice(0, at) + script + html.slice(at);
}

/** Page redirects (no #anchor in `from`) for Astro's `redirects` option; keys without the trailing slash, as Astro expects. */
export function astroRedirects(redirects: readonly Redirect[], base: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const redirect of redirects) {
    if (splitUrl(redirect.from).anchor !== undefined) continue;
    const key = redirect.from === '/' ? '/' : redirect.from.replace(/\/$/, '');
    result[key] = withBase(base, redirect.to);
  }
  return result;
}

function pageRedirects(redirects: readonly Redirect[]): Redirect[] {
  return redirects.filter((redirect) => splitUrl(redirect.from).anchor === undefined);
}

/** Netlify `_redirects`: forced 301s (the "!" wins over the static redirect page at the same path). */
export function netlifyRedirects(redirects: readonly Redirect[], base: string): string {
  const lines = pageRedirects(redirects).map(
    (redirect) => `${withBase(base, redirect.from)}  ${withBase(base, redirect.to)}  301!`,
  );
  return `# Generated by the build from src/data/redirects.ts. Do not edit.\n${lines.join('\n')}\n`;
}

/** An nginx snippet for the server block: one exact-match 301 per retired page, with and without the trailing slash. */
export function nginxRedirects(redirects: readonly Redirect[], base: string): string {
  const lines: string[] = [];
  for (const redirect of pageRedirects(redirects)) {
    const from = withBase(base, redirect.from);
    const to = withBase(base, redirect.to);
    lines.push(`location = ${from} { return 301 ${to}; }`);
    if (from.length > 1) lines.push(`location = ${from.replace(/\/$/, '')} { return 301 ${to}; }`);
  }
  return (
    '# Generated by the build from src/data/redirects.ts. Do not edit.\n' +
    '# Include inside the server block that serves the site, e.g.: include /srv/mentoring/nginx-redirects.conf;\n' +
    `${lines.join('\n')}\n`
  );
}
