/**
 * Queries over guides: which are published, their order, grouping, neighbours
 * and related guides. Pure functions over plain data so they can be unit-tested;
 * src/lib/collections.ts feeds them from Astro's content collection.
 */
import { audiences, type AudienceId } from '../data/audiences.ts';
import { topics, type Topic, type TopicId } from '../data/topics.ts';

export interface GuideData {
  title: string;
  description: string;
  topic: TopicId;
  order: number;
  audiences: AudienceId[];
  reviewed: Date;
  related: string[];
  keywords: string[];
  draft: boolean;
}

export interface GuideEntry<D extends GuideData = GuideData> {
  /** The slug, taken from the file name. */
  id: string;
  /** Path of the source file, for error messages. */
  filePath?: string;
  data: D;
}

/** Guides that are not drafts, in reading order: topic order, then guide order, then title. */
export function publishedGuides<E extends GuideEntry>(entries: readonly E[]): E[] {
  const topicOrder = new Map(topics.map((topic) => [topic.id as TopicId, topic.order]));
  return entries
    .filter((entry) => !entry.data.draft)
    .toSorted(
      (a, b) =>
        (topicOrder.get(a.data.topic) ?? 0) - (topicOrder.get(b.data.topic) ?? 0) ||
        a.data.order - b.data.order ||
        a.data.title.localeCompare(b.data.title),
    );
}

export interface TopicGroup<E> {
  topic: Topic;
  guides: E[];
}

/** Every topic with its guides in reading order; topics without guides are kept so hubs exist. */
export function groupByTopic<E extends GuideEntry>(guides: readonly E[]): TopicGroup<E>[] {
  return topics.map((topic) => ({
    topic,
    guides: guides.filter((guide) => guide.data.topic === topic.id),
  }));
}

/** Guides written for an audience, in reading order. */
export function guidesForAudience<E extends GuideEntry>(guides: readonly E[], audience: AudienceId): E[] {
  return guides.filter((guide) => guide.data.audiences.includes(audience));
}

/**
 * Constant-time lookups for guide pages: the guides of a topic, a guide's
 * previous and next guide in its topic, and its related guides. Every guide
 * page asks, so scanning the whole list each time would grow with the square
 * of the number of guides (about 1.6 s of a 5,000-guide build).
 */
export interface GuideIndex<E extends GuideEntry> {
  /** A topic's guides, in reading order. */
  topic(topic: TopicId): readonly E[];
  /** The previous and next guide within the same topic. */
  neighbours(slug: string): { previous?: E | undefined; next?: E | undefined };
  /** A guide's `related` guides that are published, in the order the guide lists them. */
  related(guide: E): E[];
}

export function indexGuides<E extends GuideEntry>(guides: readonly E[]): GuideIndex<E> {
  const bySlug = new Map(guides.map((guide) => [guide.id, guide]));
  const byTopic = Map.groupBy(guides, (guide) => guide.data.topic);
  const position = new Map<string, number>();
  for (const inTopic of byTopic.values()) inTopic.forEach((guide, index) => position.set(guide.id, index));
  return {
    topic: (topic) => byTopic.get(topic) ?? [],
    neighbours(slug) {
      const current = bySlug.get(slug);
      if (!current) return {};
      const inTopic = byTopic.get(current.data.topic)!;
      const index = position.get(slug)!;
      return { previous: inTopic[index - 1], next: inTopic[index + 1] };
    },
    related: (guide) =>
      guide.data.related.map((slug) => bySlug.get(slug)).filter((candidate): candidate is E => candidate !== undefined),
  };
}

/**
 * Checks that every `related` slug names a published guide and that slugs are unique.
 * Throws one error listing every problem with the file, the field and the fix.
 */
export function assertGuidesConsistent(entries: readonly GuideEntry[]): void {
  const problems: string[] = [];
  const bySlug = new Map<string, GuideEntry>();
  for (const entry of entries) {
    const earlier = bySlug.get(entry.id);
    if (earlier) {
      problems.push(
        `${entry.filePath ?? entry.id}: file name "${entry.id}" is also used by ${earlier.filePath ?? earlier.id}. ` +
          'Guide URLs come from file names, so rename one of them.',
      );
    }
    bySlug.set(entry.id, entry);
  }
  const published = new Set(entries.filter((entry) => !entry.data.draft).map((entry) => entry.id));
  for (const entry of entries) {
    if (entry.data.draft) continue;
    for (const slug of entry.data.related) {
      if (!published.has(slug)) {
        const hint = bySlug.has(slug) ? ' (that guide is a draft)' : '';
        problems.push(
          `${entry.filePath ?? entry.id}: related: "${slug}" is not a published guide${hint}. ` +
            `Use the file name of an existing guide, without .mdx. Known guides: ${[...published].sort().join(', ')}`,
        );
      }
      if (slug === entry.id) problems.push(`${entry.filePath ?? entry.id}: related: a guide cannot list itself.`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Guide content has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }
}

/** Plain prose from MDX source: drops imports, JSX tags, markup and link targets. */
export function mdxToText(source: string): string {
  return source
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words in a guide's prose. */
export function wordCount(source: string): number {
  const text = mdxToText(source);
  return text ? text.split(' ').length : 0;
}

/**
 * Whole minutes to read, at 220 words a minute, at least one; derived from the body, never typed.
 * Counted once per guide, when it is loaded (src/loaders/guide-loader.ts), by splitting on spaces: the
 * reading-time package's character-by-character count was a fifth of the build's CPU time for 300 synthetic
 * guides (npm run bench). Same minutes for every real guide.
 */
export function readingMinutes(source: string): number {
  return Math.max(1, Math.round(wordCount(source) / 220));
}

export function audienceTitle(id: AudienceId): string {
  return audiences.find((audience) => audience.id === id)?.singular ?? id;
}
