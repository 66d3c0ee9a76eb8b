/**
 * `astro build --root <project>` run from another folder, as `npm run bench`
 * does: nothing in a guide page may depend on the working folder.
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

afterAll(() => rmSync(dirname(build.outDir), { recursive: true, force: true }));

describe('a build run from another folder', () => {
  it('renders guides with their checklists, headings and reading time', () => {
    expect(build.ok, build.output).toBe(true);
    const html = readFileSync(join(build.outDir, 'guides/meeting-prep/index.html'), 'utf8');
    expect(html).toContain('data-checklist="fixture-first-meeting"');
    expect(html).toContain('data-checklist="fixture-after-meeting"');
    expect(html).toMatch(/<h2 id="[a-z-]+">/);
    expect(html).toMatch(/\d+ min read/);
  });
});
