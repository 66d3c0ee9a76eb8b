/**
 * A reading path that names a guide that does not exist fails the build with
 * the file, the field, the slug and the guides that do exist.
 */
import { describe, expect, it } from 'vitest';
import { buildFixture } from '../support/build-fixture.ts';

describe('a reading path with a missing guide fails the build', () => {
  it('names the path file, the step field, the missing slug and the known guides', () => {
    const build = buildFixture('path-missing-guide');
    expect(build.ok).toBe(false);
    expect(build.output).toContain(
      'path-missing-guide/content/paths/broken-path.yaml: steps.1.guide: "no-such-guide" is not a published guide',
    );
    expect(build.output).toContain('Known guides: only-guide');
    // The step that is fine is not reported.
    expect(build.output).not.toMatch(/steps\.0\.guide/);
  });
});
