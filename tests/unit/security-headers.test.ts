import { describe, expect, it } from 'vitest';
import {
  cspHash,
  inlineCode,
  metaPolicy,
  narrowPagePolicy,
  netlifyHeaders,
  nginxHeaders,
  parsePolicy,
  sitePolicy,
} from '../../src/lib/security-headers.ts';
import { navWindow } from '../../src/lib/nav-window.ts';
import { socialImageSvg, wrapText } from '../../src/lib/social-image.ts';

const page = (policy: string | null, body = '') =>
  `<html><head>${policy === null ? '' : `<meta http-equiv="content-security-policy" content="${policy.replace(/'/g, '&#39;')}">`}</head><body>${body}</body></html>`;

describe('security headers', () => {
  it('reads the meta policy Astro writes', () => {
    expect(metaPolicy(page("script-src 'self' 'sha256-a'; style-src 'self'"))).toBe(
      "script-src 'self' 'sha256-a'; style-src 'self'",
    );
    expect(metaPolicy(page(null))).toBeUndefined();
  });

  it('hashes inline scripts and styles, not external scripts or JSON data', () => {
    const html =
      '<script>a()</script><script src="/x.js"></script><script type="application/ld+json">{}</script><script type="module">b()</script><style>p{}</style>';
    expect(inlineCode(html)).toEqual({ scripts: ['a()', 'b()'], styles: ['p{}'] });
    // The CSP hash of "alert(1)", as browsers compute it.
    expect(cspHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it("narrows a page's meta policy to the hashes of its own inline code, adding none", () => {
    const own = cspHash('a()');
    const style = cspHash('p{}');
    const html = page(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${own} 'sha256-other='; style-src 'self' ${style} 'sha256-gone='`,
      '<script>a()</script><script>not-hashed-by-astro()</script><style>p{}</style><script src="/x.js"></script>',
    );
    const narrowed = narrowPagePolicy(html);
    const directives = parsePolicy(metaPolicy(narrowed)!);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", own]);
    expect(directives.get('style-src')).toEqual(["'self'", style]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    // Only the policy changed.
    expect(narrowed.replace(/<meta[^>]*>/, '')).toBe(html.replace(/<meta[^>]*>/, ''));
    expect(narrowPagePolicy(page(null, '<script>a()</script>'))).toBe(page(null, '<script>a()</script>'));
  });

  it("merges the pages' policies into one for the headers, with every inline script of every page allowed", () => {
    const policy = sitePolicy([
      page("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a'; style-src 'self' 'sha256-s'"),
      page("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-b'; style-src 'self'"),
      // A redirect page without a meta policy, with its own inline script.
      page(null, '<script>location.replace("/x/")</script>'),
    ]);
    const directives = parsePolicy(policy);
    expect(directives.get('script-src')).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      "'sha256-a'",
      "'sha256-b'",
      cspHash('location.replace("/x/")'),
    ]);
    expect(directives.get('style-src')).toEqual(["'self'", "'sha256-s'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('writes _headers for every path under the base, and an nginx snippet', () => {
    const headers = netlifyHeaders("default-src 'self'", '/mentoring/');
    expect(headers).toContain("/mentoring/*\n  Content-Security-Policy: default-src 'self'\n");
    expect(headers).toContain('  X-Content-Type-Options: nosniff\n');
    expect(headers).toMatch(/ {2}Referrer-Policy: \S+/);
    expect(headers).toMatch(/ {2}Permissions-Policy: camera=\(\), microphone=\(\), geolocation=\(\)/);
    const nginx = nginxHeaders("default-src 'self'");
    expect(nginx).toContain(`add_header Content-Security-Policy "default-src 'self'" always;`);
    expect(nginx).toContain('add_header X-Content-Type-Options "nosniff" always;');
  });
});

describe('topic navigation window', () => {
  const items = Array.from({ length: 100 }, (_, index) => index);

  it('shows everything when the list is short', () => {
    expect(navWindow([1, 2, 3], 1, 15)).toEqual({ items: [1, 2, 3], hiddenBefore: 0, hiddenAfter: 0 });
  });

  it('keeps the current item with its neighbours, and the same size anywhere in a long list', () => {
    expect(navWindow(items, 50, 5)).toEqual({ items: [48, 49, 50, 51, 52], hiddenBefore: 48, hiddenAfter: 47 });
    expect(navWindow(items, 0, 5)).toEqual({ items: [0, 1, 2, 3, 4], hiddenBefore: 0, hiddenAfter: 95 });
    expect(navWindow(items, 99, 5)).toEqual({ items: [95, 96, 97, 98, 99], hiddenBefore: 95, hiddenAfter: 0 });
  });

  it('rejects a limit that is not a positive whole number', () => {
    expect(() => navWindow(items, 0, 0)).toThrow(/limit must be a positive whole number/);
  });
});

describe('social image', () => {
  it('wraps text into lines and shortens what does not fit', () => {
    expect(wrapText('Find mentors, run meetings that help', 20, 3)).toEqual([
      'Find mentors, run',
      'meetings that help',
    ]);
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
  });

  it('draws the name and tagline, escaped, in the accent colour', () => {
    const svg = socialImageSvg({
      name: 'Mentors & <Friends>',
      tagline: 'A tagline long enough to show.',
      accentColor: '#123456',
    });
    expect(svg).toContain('Mentors &amp; &lt;Friends&gt;');
    expect(svg).toContain('fill="#123456"');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
  });
});
