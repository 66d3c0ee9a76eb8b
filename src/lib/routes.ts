/**
 * Every URL the site publishes, in one place. Each takes the deployment's base
 * path ("/" or e.g. "/mentoring/") so the site works under a sub-path.
 */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base : `${base}/`;
  return `${trimmedBase}${path.replace(/^\/+/, '')}`;
}

export const routes = {
  home: (base: string) => joinBase(base, ''),
  allGuides: (base: string) => joinBase(base, 'guides/'),
  guide: (base: string, slug: string) => joinBase(base, `guides/${slug}/`),
  topic: (base: string, topic: string) => joinBase(base, `topics/${topic}/`),
  audience: (base: string, audience: string) => joinBase(base, `for/${audience}/`),
  search: (base: string) => joinBase(base, 'search/'),
};
