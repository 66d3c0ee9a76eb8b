/**
 * Checklist authoring mistakes fail the build with a message naming the file
 * and the id. Each case builds a small fixture site from tests/fixtures.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture as buildFixtureSite, type FixtureBuild } from '../support/build-fixture.ts';

const made: string[] = [];

function buildFixture(name: string): FixtureBuild {
  const result = buildFixtureSite(name);
  made.push(dirname(result.outDir));
  return result;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('a checklist with a missing or repeated id fails the build', () => {
  it('an item id used twice in a checklist: names the file, the checklist, the item id and the fix', () => {
    const build = buildFixture('checklist-duplicate-item');
    expect(build.ok).toBe(false);
    expect(build.output).toContain('checklist-duplicate-item/content/guides/meetings/duplicate-item.mdx');
    expect(build.output).toContain(
      'line 15: item id "goals" ("Write down three questions.") is used twice in checklist "dup-item-list" (also on line 13)',
    );
    expect(build.output).toContain('Give each <Item> its own id');
  });

  it('an item without an id: names the file, the checklist and the line', () => {
    const build = buildFixture('checklist-missing-item-id');
    expect(build.ok).toBe(false);
    expect(build.output).toContain('checklist-missing-item-id/content/guides/meetings/missing-item-id.mdx');
    expect(build.output).toContain(
      'line 14: the <Item> ("Send an agenda.") in checklist "missing-item-list" has no id',
    );
  });

  it('a checklist id used in two guides: names both files and the id', () => {
    const build = buildFixture('checklist-duplicate-id');
    expect(build.ok).toBe(false);
    expect(build.output).toMatch(
      /checklist-duplicate-id\/content\/guides\/\w+\/guide-(one|two)\.mdx: checklist id "shared-list" is also used in \S*checklist-duplicate-id\/content\/guides\/\w+\/guide-(one|two)\.mdx/,
    );
  });
});
