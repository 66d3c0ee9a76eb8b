import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/lib/link-check.ts';

const page = (path: string, html: string) => ({ path, html });

describe('findBrokenLinks', () => {
  const pages = [
    page('/', '<a href="/guides/a/">A</a><a href="https://example.org/">ext</a><a href="mailto:x@y.z">m</a>'),
    page(
      '/guides/a/',
      '<h2 id="start">Start</h2><a href="#start">self</a><a href="../b/#end">rel</a><a href="/favicon.svg">icon</a>',
    ),
    page(
      '/guides/b/',
      '<h2 id="end">End</h2><a href="/guides/a/#missing">bad anchor</a><a href="/guides/c/">missing page</a><a href="/guides/a">no slash</a>',
    ),
  ];

  it('accepts links to pages, anchors and files that exist, including relative ones', () => {
    const broken = findBrokenLinks(
      [...pages.slice(0, 2), page('/guides/b/', '<h2 id="end">End</h2>')],
      new Set(['/favicon.svg']),
    );
    expect(broken).toEqual([]);
  });

  it('reports a missing page, a missing anchor and a missing trailing slash', () => {
    const broken = findBrokenLinks(pages, new Set(['/favicon.svg']));
    expect(broken).toEqual([
      { from: '/guides/b/', href: '/guides/a/#missing', reason: '/guides/a/ has no element with id "missing"' },
      { from: '/guides/b/', href: '/guides/c/', reason: 'no page at /guides/c/' },
      { from: '/guides/b/', href: '/guides/a', reason: 'no page at /guides/a (did you mean /guides/a/?)' },
    ]);
  });
});
