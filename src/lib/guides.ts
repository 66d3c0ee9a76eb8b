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
  /** MDX source, used to derive reading time. */
  body?: string;
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

/** The previous and next guide within the same topic. */
export function neighbours<E extends GuideEntry>(
  guides: readonly E[],
  slug: string,
): { previous?: E | undefined; next?: E | undefined } {
  const current = guides.find((guide) => guide.id === slug);
  if (!current) return {};
  const inTopic = guides.filter((guide) => guide.data.topic === current.data.topic);
  const index = inTopic.indexOf(current);
  return { previous: inTopic[index - 1], next: inTopic[index + 1] };
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

/** Related guides in the order the author listed them. */
export function relatedGuides<E extends GuideEntry>(guides: readonly E[], guide: E): E[] {
  return guide.data.related
    .map((slug) => guides.find((candidate) => candidate.id === slug))
    .filter((candidate): candidate is E => candidate !== undefined);
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

const minutesByBody = new Map<string, number>();

/** Whole minutes to read, at 220 words a minute, at least one; derived from the body, never typed. */
export function readingMinutes(source: string): number {
  // Counted once per body, by splitting on spaces: index pages show every guide's reading
  // time, and the reading-time package's character-by-character count was a fifth of the
  // build's CPU time for 300 synthetic guides (npm run bench). Same minutes for every real guide.
  let minutes = minutesByBody.get(source);
  if (minutes === undefined) {
    minutes = Math.max(1, Math.round(wordCount(source) / 220));
    minutesByBody.set(source, minutes);
  }
  return minutes;
}

export function audienceTitle(id: AudienceId): string {
  return audiences.find((audience) => audience.id === id)?.singular ?? id;
}
