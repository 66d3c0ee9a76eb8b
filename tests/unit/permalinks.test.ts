/**
 * Permanent links: which published URLs count as gone, which redirects cannot
 * work, how old anchors keep working, and the host config written for hosts
 * that read it. The build-level proof is in permalink-build.test.ts and
 * tests/e2e/permalinks.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PermalinkError,
  astroRedirects,
  checkPermalinks,
  checklistAnchors,
  describeBuiltSite,
  injectAnchorForwarding,
  injectMovedNotices,
  missingUrlsMessage,
  netlifyRedirects,
  nextPublishedUrls,
  nginxRedirects,
  stripBase,
  validatePublishedUrls,
  validateRedirects,
  type Redirect,
} from '../../src/lib/permalinks.ts';
import { redirects as siteRedirects } from '../../src/data/redirects.ts';
import { projectRoot } from '../support/site.ts';

const checklist = (id: string) =>
  `<section class="checklist" id="checklist-${id}" data-checklist="${id}"><h3 id="checklist-${id}-title">T</h3></section>`;
const page = (path: string, body = '') => ({
  path,
  html: `<html><body><main><article><h1>Title of ${path}</h1>${body}</article></main></body></html>`,
});
const redirectPage = (path: string, to: string) => ({
  path,
  html: `<!doctype html><title>Redirecting to: ${to}</title><meta http-equiv="refresh" content="0;url=${to}"><body><a href="${to}">Redirecting</a></body>`,
});

const site = describeBuiltSite([
  page('/'),
  page('/guides/new-name/', checklist('prep')),
  page('/guides/stays/', checklist('new-id')),
  redirectPage('/guides/old-name/', '/guides/new-name/'),
  { path: '/404.html', html: '<main>Not found</main>' },
]);

describe('reading the built site', () => {
  it('finds pages, checklist anchors and redirect pages; ignores 404.html and ids that are not checklist anchors', () => {
    expect([...site.pages.keys()].sort()).toEqual(['/', '/guides/new-name/', '/guides/stays/']);
    expect([...site.anchors].sort()).toEqual(['/guides/new-name/#checklist-prep', '/guides/stays/#checklist-new-id']);
    expect([...site.redirectPages]).toEqual(['/guides/old-name/']);
    expect(checklistAnchors('<li id="progress-x" data-checklist="x"></li><h3 id="checklist-x-title"></h3>')).toEqual(
      [],
    );
  });

  it('strips the base path', () => {
    expect(stripBase('/mentoring/guides/x/', '/mentoring/')).toBe('/guides/x/');
    expect(stripBase('/guides/x/', '/')).toBe('/guides/x/');
    expect(stripBase('/other/x/', '/mentoring/')).toBeNull();
  });
});

describe('checkPermalinks', () => {
  const published = [
    '/',
    '/guides/new-name/#checklist-prep',
    '/guides/old-name/',
    '/guides/old-name/#checklist-prep',
    '/guides/stays/#checklist-old-id',
  ];

  it('lists every published URL that is gone without a redirect', () => {
    const report = checkPermalinks(published, site, []);
    expect(report.missing).toEqual([
      '/guides/old-name/',
      '/guides/old-name/#checklist-prep',
      '/guides/stays/#checklist-old-id',
    ]);
  });

  it('accepts a page redirect, and carries anchors along when the new page has the same anchor', () => {
    const redirects: Redirect[] = [{ from: '/guides/old-name/', to: '/guides/new-name/', reason: 'renamed' }];
    const report = checkPermalinks(published, site, redirects);
    expect(report.missing).toEqual(['/guides/stays/#checklist-old-id']);
    expect(report.problems).toEqual([]);
  });

  it('an anchor redirect on a page that still exists becomes a "moved" notice', () => {
    const redirects: Redirect[] = [
      { from: '/guides/old-name/', to: '/guides/new-name/', reason: 'renamed' },
      { from: '/guides/stays/#checklist-old-id', to: '/guides/stays/#checklist-new-id', reason: 'id changed' },
    ];
    const report = checkPermalinks(published, site, redirects);
    expect(report.missing).toEqual([]);
    expect(report.movedAnchors).toEqual([
      { page: '/guides/stays/', anchor: 'checklist-old-id', to: '/guides/stays/#checklist-new-id' },
    ]);
  });

  it('an anchor redirect on a redirected page is forwarded by that redirect page', () => {
    const redirects: Redirect[] = [
      { from: '/guides/old-name/', to: '/guides/new-name/', reason: 'renamed' },
      { from: '/guides/old-name/#checklist-gone', to: '/guides/stays/#checklist-new-id', reason: 'checklist moved' },
    ];
    const report = checkPermalinks(['/guides/old-name/#checklist-gone'], site, redirects);
    expect(report.missing).toEqual([]);
    expect(report.redirectPageAnchors.get('/guides/old-name/')).toEqual({
      '#checklist-gone': '/guides/stays/#checklist-new-id',
    });
  });

  it('an anchor on a retired page whose new page lacks that anchor is still missing', () => {
    const redirects: Redirect[] = [{ from: '/guides/old-name/', to: '/guides/new-name/', reason: 'renamed' }];
    expect(checkPermalinks(['/guides/old-name/#checklist-other'], site, redirects).missing).toEqual([
      '/guides/old-name/#checklist-other',
    ]);
  });

  it('rejects redirects that cannot work, saying how to fix each', () => {
    const redirects: Redirect[] = [
      { from: '/guides/a/', to: '/guides/nowhere/', reason: 'x' },
      { from: '/guides/b/', to: '/guides/stays/#checklist-nope', reason: 'x' },
      { from: '/guides/stays/', to: '/guides/new-name/', reason: 'x' },
      { from: '/guides/c/', to: '/guides/old-name/', reason: 'x' },
      { from: '/guides/d/#checklist-x', to: '/guides/stays/', reason: 'x' },
      { from: '/guides/new-name/#checklist-prep', to: '/guides/stays/', reason: 'x' },
    ];
    const { problems } = checkPermalinks([], site, redirects);
    expect(problems).toEqual([
      'redirects[0] (from "/guides/a/"): to: there is no page at "/guides/nowhere/". Point it at a page that exists.',
      'redirects[1] (from "/guides/b/"): to: "/guides/stays/" has no element with id "checklist-nope". Use a checklist anchor that exists on that page.',
      'redirects[2] (from "/guides/stays/"): a page still exists at "/guides/stays/". Remove this redirect, or remove the page it would hide.',
      'redirects[3] (from "/guides/c/"): to: there is no page at "/guides/old-name/" (that page is itself redirected: point at its final address). Point it at a page that exists.',
      'redirects[4] (from "/guides/d/#checklist-x"): the page "/guides/d/" no longer exists and has no redirect of its own, so this anchor redirect cannot be served. Add a redirect for "/guides/d/" too.',
      'redirects[5] (from "/guides/new-name/#checklist-prep"): "/guides/new-name/" still has the anchor "#checklist-prep". Remove this redirect, or the anchor.',
    ]);
  });

  it('reports URLs the build publishes that are not in the list yet', () => {
    expect(checkPermalinks(['/'], site, []).unlisted).toEqual([
      '/guides/new-name/',
      '/guides/new-name/#checklist-prep',
      '/guides/stays/',
      '/guides/stays/#checklist-new-id',
    ]);
  });

  it('tells the author both ways to fix a missing URL', () => {
    const message = missingUrlsMessage(['/guides/old-name/'], 'src/data/published-urls.json', 'src/data/redirects.ts');
    expect(message).toContain('1 published URL(s) no longer exist and have no redirect');
    expect(message).toContain('  - /guides/old-name/');
    expect(message).toContain('either restore it');
    expect(message).toContain("add a redirect to src/data/redirects.ts:\n  { from: '/guides/old-name/'");
  });
});

describe('the list to commit', () => {
  it('adds new URLs and every redirected URL, and reports what a build dropped', () => {
    const redirects: Redirect[] = [{ from: '/guides/old-name/', to: '/guides/new-name/', reason: 'renamed' }];
    const next = nextPublishedUrls(['/', '/guides/old-name/', '/guides/removed/'], site, redirects);
    expect(next.urls).toEqual([
      '/',
      '/guides/new-name/',
      '/guides/new-name/#checklist-prep',
      '/guides/old-name/',
      '/guides/stays/',
      '/guides/stays/#checklist-new-id',
    ]);
    expect(next.dropped).toEqual(['/guides/removed/']);
    expect(next.added).toContain('/guides/stays/#checklist-new-id');
  });
});

describe('validating the lists', () => {
  it('names the entry, the field and the form for bad redirects', () => {
    expect(() =>
      validateRedirects(
        [
          { from: 'guides/x', to: '/guides/y/', reason: 'renamed' },
          { from: '/guides/y/', to: '/guides/y/', reason: '' },
          { from: '/guides/z/', to: '/guides/y/', reason: 'renamed' },
          { from: '/guides/z/', to: '/guides/w/', reason: 'renamed' },
        ],
        'src/data/redirects.ts',
      ),
    ).toThrow(
      /src\/data\/redirects\.ts: redirects\[0\]\.from: "guides\/x" must be a site path without the base path, starting and ending with "\/".*\n.*redirects\[1\]\.reason: say in a few words why.*\n.*redirects\[1\]: from and to are the same URL.*\n.*redirects\[3\]\.from: "\/guides\/z\/" is already redirected by redirects\[2\]/,
    );
  });

  it('rejects a published list that is not a list of site paths', () => {
    expect(() => validatePublishedUrls(['/ok/', 'https://elsewhere.org/'], 'list.json')).toThrow(PermalinkError);
    expect(() => validatePublishedUrls({}, 'list.json')).toThrow(/npm run permalinks:update/);
  });

  it('the committed redirects are valid and the committed list is sorted, unique site paths', () => {
    expect(() => validateRedirects(siteRedirects, 'src/data/redirects.ts')).not.toThrow();
    const urls = validatePublishedUrls(
      JSON.parse(readFileSync(join(projectRoot, 'src/data/published-urls.json'), 'utf8')),
      'published-urls.json',
    );
    expect(urls).toEqual([...new Set(urls)].sort());
  });
});

describe('serving retired URLs', () => {
  const redirects: Redirect[] = [
    { from: '/guides/old-name/', to: '/guides/new-name/', reason: 'renamed' },
    { from: '/guides/stays/#checklist-old-id', to: '/guides/stays/#checklist-new-id', reason: 'id changed' },
  ];

  it('gives Astro the page redirects with the base path on the target', () => {
    expect(astroRedirects(redirects, '/mentoring/')).toEqual({ '/guides/old-name': '/mentoring/guides/new-name/' });
    expect(astroRedirects(redirects, '/')).toEqual({ '/guides/old-name': '/guides/new-name/' });
  });

  it('writes forced 301s for Netlify and exact-match 301s for nginx, under the base path', () => {
    expect(netlifyRedirects(redirects, '/mentoring/')).toContain(
      '/mentoring/guides/old-name/  /mentoring/guides/new-name/  301!\n',
    );
    const nginx = nginxRedirects(redirects, '/mentoring/');
    expect(nginx).toContain('location = /mentoring/guides/old-name/ { return 301 /mentoring/guides/new-name/; }');
    expect(nginx).toContain('location = /mentoring/guides/old-name { return 301 /mentoring/guides/new-name/; }');
    expect(nginx).not.toContain('checklist-old-id');
  });

  it('adds the old id as a "moved" notice at the end of the article', () => {
    const html = injectMovedNotices(page('/guides/stays/').html, [
      { anchor: 'checklist-old-id', href: '/guides/stays/#checklist-new-id', targetTitle: 'Asking for <feedback>' },
    ]);
    expect(html).toContain(
      '<p id="checklist-old-id" data-moved-anchor class="scroll-mt-20">This checklist has moved: <a href="/guides/stays/#checklist-new-id">go to it in “Asking for &lt;feedback&gt;”</a>.</p></div></article>',
    );
    expect(
      describeBuiltSite([{ path: '/x/', html }])
        .pages.get('/x/')
        ?.has('checklist-old-id'),
    ).toBe(true);
  });

  it('makes a redirect page forward anchors before its meta refresh', () => {
    const html = injectAnchorForwarding(
      redirectPage('/guides/old-name/', '/m/guides/new-name/').html,
      { '#checklist-gone': '/m/guides/stays/#c' },
      '/m/guides/new-name/',
    );
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('http-equiv="refresh"'));
    // Run the script with a fake location to see where each anchor goes.
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const go = (hash: string) => {
      let target: string | null = null;
      new Function('location', script)({ hash, replace: (url: string) => (target = url) });
      return target;
    };
    expect(go('#checklist-gone')).toBe('/m/guides/stays/#c');
    expect(go('#checklist-prep')).toBe('/m/guides/new-name/#checklist-prep');
    expect(go('')).toBeNull();
  });
});
