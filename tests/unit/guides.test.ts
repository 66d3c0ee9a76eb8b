import { describe, expect, it } from 'vitest';
import {
  assertGuidesConsistent,
  groupByTopic,
  guidesForAudience,
  indexGuides,
  mdxToText,
  publishedGuides,
  readingMinutes,
  wordCount,
  type GuideEntry,
} from '../../src/lib/guides.ts';

function guide(id: string, overrides: Partial<GuideEntry['data']> = {}): GuideEntry {
  return {
    id,
    filePath: `content/guides/x/${id}.mdx`,
    data: {
      title: id,
      description: 'd',
      topic: 'meetings',
      order: 100,
      audiences: ['student'],
      reviewed: new Date('2026-01-01'),
      related: [],
      keywords: [],
      draft: false,
      ...overrides,
    },
  };
}

describe('publishedGuides', () => {
  it('drops drafts and orders by topic order, then guide order, then title', () => {
    const entries = [
      guide('burnout', { topic: 'burnout-and-wellbeing', order: 1 }),
      guide('b-meeting', { order: 2 }),
      guide('a-meeting', { order: 2 }),
      guide('first', { order: 1 }),
      guide('draft', { draft: true }),
      guide('finding', { topic: 'finding-a-mentor', order: 9 }),
    ];
    expect(publishedGuides(entries).map((entry) => entry.id)).toEqual([
      'finding',
      'first',
      'a-meeting',
      'b-meeting',
      'burnout',
    ]);
  });
});

describe('grouping and neighbours', () => {
  const guides = publishedGuides([
    guide('one', { order: 1 }),
    guide('two', { order: 2, audiences: ['intern'] }),
    guide('three', { order: 3 }),
    guide('other', { topic: 'research' }),
  ]);

  it('groups every topic, keeping empty ones so hubs exist', () => {
    const groups = groupByTopic(guides);
    expect(groups).toHaveLength(8);
    expect(groups.find((group) => group.topic.id === 'meetings')?.guides.map((entry) => entry.id)).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(groups.find((group) => group.topic.id === 'feedback')?.guides).toEqual([]);
  });

  it('finds previous and next within the same topic only', () => {
    expect(indexGuides(guides).neighbours('one')).toEqual({ previous: undefined, next: guides[0 + 1] });
    const { previous, next } = indexGuides(guides).neighbours('three');
    expect(previous?.id).toBe('two');
    expect(next).toBeUndefined();
  });

  it('filters by audience', () => {
    expect(guidesForAudience(guides, 'intern').map((entry) => entry.id)).toEqual(['two']);
  });

  it('answers each guide page from one index: its topic in reading order, its neighbours, its published related guides', () => {
    const all = publishedGuides([
      ...guides,
      guide('four', { order: 4, related: ['other', 'unpublished', 'one'] }),
      guide('second-other', { topic: 'research', order: 100 }),
    ]);
    const index = indexGuides(all);
    expect(index.topic('meetings').map((entry) => entry.id)).toEqual(['one', 'two', 'three', 'four']);
    expect(index.topic('research').map((entry) => entry.id)).toEqual(['other', 'second-other']);
    expect(index.topic('feedback')).toEqual([]);
    expect(index.neighbours('four').previous?.id).toBe('three');
    expect(index.neighbours('other')).toEqual({
      previous: undefined,
      next: all.find((entry) => entry.id === 'second-other'),
    });
    expect(index.neighbours('missing')).toEqual({});
    expect(index.related(all.find((entry) => entry.id === 'four')!).map((entry) => entry.id)).toEqual(['other', 'one']);
  });
});

describe('assertGuidesConsistent', () => {
  it('accepts related slugs that exist', () => {
    expect(() => assertGuidesConsistent([guide('a', { related: ['b'] }), guide('b')])).not.toThrow();
  });

  it('names the file, the field and the known guides for a missing slug', () => {
    expect(() => assertGuidesConsistent([guide('a', { related: ['nope'] }), guide('b')])).toThrow(
      /content\/guides\/x\/a\.mdx: related: "nope" is not a published guide.*Known guides: a, b/,
    );
  });

  it('rejects a related draft and two files with the same name', () => {
    expect(() => assertGuidesConsistent([guide('a', { related: ['b'] }), guide('b', { draft: true })])).toThrow(
      /that guide is a draft/,
    );
    expect(() => assertGuidesConsistent([guide('a'), { ...guide('a'), filePath: 'content/guides/y/a.mdx' }])).toThrow(
      /file name "a" is also used by content\/guides\/x\/a\.mdx/,
    );
  });

  it('keeps related guides in the order the author listed them', () => {
    const all = [guide('a', { related: ['c', 'b'] }), guide('b'), guide('c')];
    expect(
      indexGuides(all)
        .related(all[0]!)
        .map((entry) => entry.id),
    ).toEqual(['c', 'b']);
  });
});

describe('reading time and words', () => {
  it('counts prose, not markup, imports or link targets', () => {
    const source =
      'import X from \'./x\';\n\n## A heading\n\nSee [the guide](/guides/a-very-long-slug-here/) <Term id="x">now</Term>.';
    expect(mdxToText(source)).toBe('A heading See the guide now .');
    expect(wordCount(source)).toBe(7);
  });

  it('derives whole minutes, at least one', () => {
    expect(readingMinutes('word')).toBe(1);
    expect(readingMinutes('word '.repeat(1100))).toBe(5);
  });
});
