/**
 * The site's Content-Security-Policy and other security headers. Pure: the
 * Astro config takes `astroCsp` (Astro hashes its own scripts and styles and
 * writes a <meta http-equiv="content-security-policy"> into every page), and
 * the post-build step (src/integrations/security-headers.ts) turns what Astro
 * wrote into host config: Netlify/Cloudflare `_headers` and an nginx snippet.
 */
import { createHash } from 'node:crypto';

/**
 * Directives besides script-src and style-src (which Astro writes from its hashes).
 * Everything comes from the site's own origin: no CDN, font service or analytics.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // data: for small inline images a stylesheet may carry.
  "img-src 'self' data:",
  "font-src 'self'",
  // Pagefind fetches its index; the service worker fetches the site.
  "connect-src 'self'",
  // Pagefind searches in a Web Worker (pagefind-worker.js); blob: in case a version builds it from a blob.
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** script-src sources besides Astro's hashes: the site's own files, and Pagefind's WebAssembly. */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** `security.csp` for astro.config.mjs. */
export const astroCsp = {
  algorithm: 'SHA-256' as const,
  directives: [...CSP_DIRECTIVES],
  scriptDirective: { resources: [...SCRIPT_RESOURCES] },
};

/** Directives a <meta> policy cannot carry (browsers ignore them there), so only the headers have them. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** Headers every response gets besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Readers of burnout guides should not tell the sources they follow where they came from.
  'Referrer-Policy': 'no-referrer',
  // The site uses none of these; browsing-topics replaces the retired interest-cohort (FLoC).
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The SHA-256 digest CSP uses for inline code, e.g. "sha256-…" (Astro.csp.insertScriptHash takes this form). */
export function cspDigest(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
}

/** A CSP source expression for inline code, e.g. "'sha256-…'". */
export function cspHash(code: string): string {
  return `'${cspDigest(code)}'`;
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The policy in a page's <meta http-equiv="content-security-policy">, if it has one. */
export function metaPolicy(html: string): string | undefined {
  const tag = /<meta\s[^>]*http-equiv="content-security-policy"[^>]*>/i.exec(html)?.[0];
  const content = tag && /\scontent="([^"]*)"/i.exec(tag)?.[1];
  return content === undefined || content === null ? undefined : decodeAttribute(content);
}

/** Inline <script> and <style> bodies in a page (scripts with src= and data blocks such as JSON are not code to allow). */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc=/i.test(attributes)) continue;
    const type = /\stype="([^"]*)"/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    scripts.push(match[2]!);
  }
  const styles = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((match) => match[1]!);
  return { scripts, styles };
}

/** Parses "a x y; b z" into an ordered map of directive name to sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    directives.set(key, [...new Set([...(directives.get(key) ?? []), ...sources])]);
  }
  return directives;
}

export function formatPolicy(directives: ReadonlyMap<string, readonly string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy for every page of the site, for a headers file: the union of the
 * pages' meta policies (Astro's hashes can differ from page to page), plus the
 * hashes of every inline script and style the pages contain (a page without a
 * meta policy, such as a redirect page, must still work under the header), plus
 * the header-only directives. A browser enforces both the header and the meta
 * policy, so a page is allowed only what both allow.
 */
export function sitePolicy(pages: readonly string[]): string {
  const merged = new Map<string, string[]>();
  const add = (name: string, sources: readonly string[]) =>
    merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
  for (const html of pages) {
    const policy = metaPolicy(html);
    if (policy) for (const [name, sources] of parsePolicy(policy)) add(name, sources);
  }
  if (!merged.has('script-src')) add('script-src', SCRIPT_RESOURCES);
  if (!merged.has('style-src')) add('style-src', ["'self'"]);
  for (const [name, sources] of parsePolicy(CSP_DIRECTIVES.join(';'))) if (!merged.has(name)) add(name, sources);
  for (const html of pages) {
    const { scripts, styles } = inlineCode(html);
    add('script-src', scripts.map(cspHash));
    add('style-src', styles.map(cspHash));
  }
  for (const [name, sources] of parsePolicy(HEADER_ONLY_DIRECTIVES.join(';'))) add(name, sources);
  return formatPolicy(merged);
}

/**
 * The page with its <meta> policy narrowed to the page's own inline code: Astro
 * writes the hashes of every inline script and style on the whole site into
 * every page (about 15 of them, 0.8 KB), while a page runs two or three. Hashes
 * of code the page does not contain are dropped; none are added, so code Astro
 * did not hash stays blocked. Other directives are kept as they are.
 */
export function narrowPagePolicy(html: string): string {
  const tag = /<meta\s[^>]*http-equiv="content-security-policy"[^>]*>/i.exec(html);
  const policy = metaPolicy(html);
  if (!tag || policy === undefined) return html;
  const { scripts, styles } = inlineCode(html);
  const onPage = new Set([...scripts, ...styles].map(cspHash));
  const directives = parsePolicy(policy);
  for (const name of ['script-src', 'style-src']) {
    const sources = directives.get(name);
    if (sources)
      directives.set(
        name,
        sources.filter((source) => !/^'sha(256|384|512)-/.test(source) || onPage.has(source)),
      );
  }
  const content = formatPolicy(directives).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const narrowed = tag[0].replace(/\scontent="[^"]*"/i, () => ` content="${content}"`);
  return html.slice(0, tag.index) + narrowed + html.slice(tag.index + tag[0].length);
}

/** Every header, CSP first. */
export function allHeaders(policy: string): [string, string][] {
  return [['Content-Security-Policy', policy], ...Object.entries(SECURITY_HEADERS)];
}

/** Netlify / Cloudflare Pages `_headers`: every path under the base path gets every header. */
export function netlifyHeaders(policy: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const lines = allHeaders(policy).map(([name, value]) => `  ${name}: ${value}`);
  return `# Generated by the build (src/lib/security-headers.ts); do not edit.\n${root}*\n${lines.join('\n')}\n`;
}

/** An nginx snippet: `add_header … always` for every header (include it where the site is served). */
export function nginxHeaders(policy: string): string {
  const lines = allHeaders(policy).map(([name, value]) => `add_header ${name} "${value.replace(/"/g, '\\"')}" always;`);
  return (
    '# Generated by the build (src/lib/security-headers.ts); do not edit.\n' +
    '# Include inside the server or location block that serves the site, e.g.: include /srv/mentoring/nginx-security-headers.conf;\n' +
    '# nginx drops inherited add_header lines in a block that has its own, so include it in every such block.\n' +
    `${lines.join('\n')}\n`
  );
}
