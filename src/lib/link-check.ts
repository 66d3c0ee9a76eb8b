/**
 * Finds internal links that lead nowhere in built HTML: a missing page or a
 * missing #anchor. Pure: takes pages as text, returns problems.
 */
export interface BuiltPage {
  /** URL path of the page, e.g. "/guides/first-meeting/". */
  path: string;
  html: string;
}

export interface BrokenLink {
  from: string;
  href: string;
  reason: string;
}

const ID_PATTERN = /\sid="([^"]+)"/g;
const HREF_PATTERN = /<a\s[^>]*?href="([^"]+)"/g;

export function collectIds(html: string): Set<string> {
  return new Set([...html.matchAll(ID_PATTERN)].map((match) => decodeEntities(match[1]!)));
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Internal hrefs in a page, resolved against the page's path; external links are returned separately. */
export function collectLinks(page: BuiltPage, origin = 'http://site.invalid'): { internal: URL[]; external: string[] } {
  const internal: URL[] = [];
  const external: string[] = [];
  for (const match of page.html.matchAll(HREF_PATTERN)) {
    const href = decodeEntities(match[1]!);
    if (/^(mailto|tel|sms|javascript):/i.test(href)) continue;
    const url = new URL(href, `${origin}${page.path}`);
    if (url.origin === origin) internal.push(url);
    else external.push(href);
  }
  return { internal, external };
}

function normalisePath(pathname: string): string {
  const decoded = decodeURIComponent(pathname);
  if (decoded.endsWith('/index.html')) return decoded.slice(0, -'index.html'.length);
  return decoded;
}

export function findBrokenLinks(pages: readonly BuiltPage[], files: ReadonlySet<string> = new Set()): BrokenLink[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const idCache = new Map<string, Set<string>>();
  const idsOf = (page: BuiltPage) => {
    let ids = idCache.get(page.path);
    if (!ids) idCache.set(page.path, (ids = collectIds(page.html)));
    return ids;
  };
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const url of collectLinks(page).internal) {
      const path = normalisePath(url.pathname);
      const target = byPath.get(path);
      const href = `${url.pathname}${url.hash}`;
      if (!target) {
        if (files.has(path)) continue;
        const hint = !path.endsWith('/') && byPath.has(`${path}/`) ? ` (did you mean ${path}/?)` : '';
        broken.push({ from: page.path, href, reason: `no page at ${path}${hint}` });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !idsOf(target).has(anchor)) {
        broken.push({ from: page.path, href, reason: `${path} has no element with id "${anchor}"` });
      }
    }
  }
  return broken;
}
