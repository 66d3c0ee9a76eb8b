/**
 * The one place that reads the guides collection. Pages ask here; the pure
 * queries live in src/lib/guides.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { AudienceId } from '../data/audiences.ts';
import type { TopicId } from '../data/topics.ts';
import {
  assertGuidesConsistent,
  groupByTopic,
  guidesForAudience,
  neighbours,
  publishedGuides,
  relatedGuides,
} from './guides.ts';

export type Guide = CollectionEntry<'guides'>;

let cache: Promise<Guide[]> | undefined;

/** Published guides in reading order; fails the build on inconsistent content. */
export function getGuides(): Promise<Guide[]> {
  cache ??= getCollection('guides').then((entries) => {
    assertGuidesConsistent(entries);
    return publishedGuides(entries);
  });
  return cache;
}

export async function getTopicGroups() {
  return groupByTopic(await getGuides());
}

export async function getTopicGuides(topic: TopicId) {
  return (await getGuides()).filter((guide) => guide.data.topic === topic);
}

export async function getAudienceGuides(audience: AudienceId) {
  return guidesForAudience(await getGuides(), audience);
}

export async function getGuideContext(guide: Guide) {
  const guides = await getGuides();
  return { ...neighbours(guides, guide.id), related: relatedGuides(guides, guide) };
}
