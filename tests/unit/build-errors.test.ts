/**
 * Bad input fails the build with a message that names the file, the field and
 * what is allowed. Each case builds a small fixture site from tests/fixtures.
 */
import { describe, expect, it } from 'vitest';
import { buildFixture } from '../support/build-fixture.ts';

const file = 'content/guides/meetings/broken-guide.mdx';

describe('a guide with bad frontmatter or links fails the build', () => {
  it('missing title: names the file and the field', () => {
    const build = buildFixture('missing-title');
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`missing-title/${file}`);
    expect(build.output).toMatch(/title: is required/);
  });

  it('unknown topic: lists the allowed topics', () => {
    const build = buildFixture('unknown-topic');
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`unknown-topic/${file}`);
    expect(build.output).toMatch(/topic: must be one of "finding-a-mentor", .*"becoming-a-mentor"/);
  });

  it('unknown audience: names the list position and the allowed audiences', () => {
    const build = buildFixture('unknown-audience');
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`unknown-audience/${file}`);
    expect(build.output).toMatch(/audiences\.1: must be one of "student", .*"program-director"/);
  });

  it('malformed date: says how to write it', () => {
    const build = buildFixture('malformed-date');
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`malformed-date/${file}`);
    expect(build.output).toMatch(/reviewed: must be a date written as YYYY-MM-DD/);
  });

  it('related slug that does not exist: names the slug and the known guides', () => {
    const build = buildFixture('missing-related');
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`missing-related/${file}`);
    expect(build.output).toMatch(/related: "no-such-guide" is not a published guide/);
    expect(build.output).toMatch(/Known guides: broken-guide/);
  });

  it('unknown component in the body: names the file, the line and the components guides can use', () => {
    const build = buildFixture('unknown-component');
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`unknown-component/${file}: line 13: <Calout> is not a guide component`);
    expect(build.output).toMatch(/Use one of <Callout>, <Checklist>, <Item>, <Diagram>, <Term>, <HelpNow>/);
  });

  it('broken internal link or anchor: names the source file and the target', () => {
    const build = buildFixture('broken-link');
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`broken-link/${file}`);
    expect(build.output).toMatch(/links to \/guides\/not-written-yet\/: no page at \/guides\/not-written-yet\//);
    expect(build.output).toMatch(
      /links to \/guides\/broken-guide\/#no-such-heading: .*no element with id "no-such-heading"/,
    );
  });
});
