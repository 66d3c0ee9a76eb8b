/**
 * The build fails when a published URL disappears without a redirect, and when
 * a redirect cannot work. The fixture (tests/fixtures/permalink-renamed-guide)
 * renamed the guide "old-name" to "new-name" and changed a checklist id in
 * "stays"; its published-urls.json still lists the old URLs. The passing case,
 * with redirects, is proven in Chromium in tests/e2e/permalinks.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from '../support/build-fixture.ts';
import { projectRoot } from '../support/site.ts';

const fixture = join(projectRoot, 'tests/fixtures/permalink-renamed-guide');
const publishedUrls = join(fixture, 'published-urls.json');

describe('permanent links at build time', () => {
  it('a renamed guide and checklist without redirects fail the build, listing every lost URL and the fix', () => {
    const build = buildFixture('permalink-renamed-guide', { MFG_PUBLISHED_URLS: publishedUrls });
    expect(build.ok).toBe(false);
    expect(build.output).toContain('3 published URL(s) no longer exist and have no redirect');
    expect(build.output).toContain(
      '  - /guides/old-name/\n  - /guides/old-name/#checklist-prep\n  - /guides/stays/#checklist-old-id\n',
    );
    expect(build.output).toContain('either restore it');
    expect(build.output).toContain('add a redirect to src/data/redirects.ts');
  });

  it('a redirect to a page that does not exist fails the build, naming the entry', () => {
    const redirects = join(mkdtempSync(join(tmpdir(), 'mfg-redirects-')), 'redirects.json');
    writeFileSync(
      redirects,
      JSON.stringify([
        { from: '/guides/old-name/', to: '/guides/new-nam/', reason: 'guide renamed (typo in the target)' },
        {
          from: '/guides/stays/#checklist-old-id',
          to: '/guides/stays/#checklist-new-id',
          reason: 'checklist id changed',
        },
      ]),
    );
    const build = buildFixture('permalink-renamed-guide', {
      MFG_PUBLISHED_URLS: publishedUrls,
      MFG_REDIRECTS: redirects,
    });
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`1 redirect(s) in ${redirects} cannot work`);
    expect(build.output).toContain(
      'redirects[0] (from "/guides/old-name/"): to: there is no page at "/guides/new-nam/"',
    );
  });
});
