/**
 * `astro build --root <project>` run from another folder, as `npm run bench`
 * does: nothing in the build may depend on the working folder.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContent } from '../support/build-fixture.ts';
import { projectRoot } from '../support/site.ts';

const build = buildContent(
  join(projectRoot, 'tests/fixtures/checklist-reorder/v1/content'),
  'root-option',
  {},
  {
    fromOtherFolder: true,
  },
);

// The real site: its permanent-link check reads the committed list in the project, not in the working folder.
const siteBuild = buildContent(null, 'root-option-site', {}, { fromOtherFolder: true });

afterAll(() => {
  for (const { outDir } of [build, siteBuild]) rmSync(dirname(outDir), { recursive: true, force: true });
});

describe('a build run from another folder', () => {
  it('renders guides with their checklists, headings and reading time', () => {
    expect(build.ok, build.output).toBe(true);
    const html = readFileSync(join(build.outDir, 'guides/meeting-prep/index.html'), 'utf8');
    expect(html).toContain('data-checklist="fixture-first-meeting"');
    expect(html).toContain('data-checklist="fixture-after-meeting"');
    expect(html).toMatch(/<h2 id="[a-z-]+">/);
    expect(html).toMatch(/\d+ min read/);
  });

  it("builds the real site, checking its permanent links against the project's committed list", () => {
    expect(siteBuild.ok, siteBuild.output).toBe(true);
    expect(siteBuild.output).not.toContain('is missing');
    expect(readFileSync(join(siteBuild.outDir, 'guides/first-meeting/index.html'), 'utf8')).toContain(
      'data-guide="first-meeting"',
    );
  });
});
