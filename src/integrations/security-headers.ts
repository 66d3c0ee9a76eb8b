/**
 * Post-build step: writes the security headers for static hosts, with a
 * Content-Security-Policy that matches the hashes Astro put into the pages'
 * <meta> policies: `_headers` (Netlify, Cloudflare Pages) and
 * `nginx-security-headers.conf`. Runs after the service worker step so neither
 * file is saved for offline use.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { metaPolicy, netlifyHeaders, nginxHeaders, sitePolicy } from '../lib/security-headers.ts';
import type { BuiltPage } from '../lib/link-check.ts';

export const HEADERS_FILE = '_headers';
export const NGINX_HEADERS_FILE = 'nginx-security-headers.conf';

/** `pages`: the built pages as they are now (post-build.ts reads them once for several steps). */
export async function writeSecurityHeaders(
  outDir: string,
  base: string,
  pages: readonly BuiltPage[],
  log: (message: string) => void,
): Promise<string> {
  // Pages from Astro's layouts carry the meta policy; a page without one (a redirect page) is still covered by the header.
  const withMeta = pages.filter((page) => metaPolicy(page.html) !== undefined).length;
  if (withMeta === 0) {
    throw new Error(
      'Security headers: no page has a <meta http-equiv="content-security-policy">. Check security.csp in astro.config.mjs.',
    );
  }
  const policy = sitePolicy(pages.map((page) => page.html));
  await writeFile(join(outDir, HEADERS_FILE), netlifyHeaders(policy, base));
  await writeFile(join(outDir, NGINX_HEADERS_FILE), nginxHeaders(policy));
  log(
    `Wrote the Content-Security-Policy and security headers to ${HEADERS_FILE} and ${NGINX_HEADERS_FILE} (${withMeta} of ${pages.length} pages have it as a meta tag too).`,
  );
  return policy;
}
