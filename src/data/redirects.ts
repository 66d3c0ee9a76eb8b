/**
 * Where retired URLs live now. Every URL in src/data/published-urls.json must
 * keep working: when you rename or remove a guide, path or checklist id, add an
 * entry here in the same change, or the build fails and lists what broke.
 *
 * `from` and `to` are site paths without the base path:
 *   { from: '/guides/old-slug/', to: '/guides/new-slug/', reason: 'guide renamed' }
 *   { from: '/guides/first-meeting/#checklist-old-id', to: '/guides/first-meeting/#checklist-new-id', reason: 'checklist id changed' }
 * A page redirect becomes a static redirect page (and a 301 in the generated
 * Netlify `_redirects` and nginx snippet); a checklist anchor redirect becomes a
 * "This checklist has moved" notice with the old id on the old page. See
 * src/lib/permalinks.ts and README "Permanent links".
 */
import type { Redirect } from '../lib/permalinks.ts';

export const redirects: Redirect[] = [];
