/**
 * The one place that reads the guides collection. Pages ask here; the pure
 * queries live in src/lib/guides.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import type { AudienceId } from '../data/audiences.ts';
import { topics, type TopicId } from '../data/topics.ts';
import {
  assertGuidesConsistent,
  groupByTopic,
  guidesForAudience,
  indexGuides,
  publishedGuides,
  type GuideIndex,
} from './guides.ts';
import { collectChecklists, groupChecklistsByTopic, type SiteChecklist } from './checklists.ts';
import { assertPathsConsistent, resolveSteps, sortPaths } from './paths.ts';
import type { GuideBody } from './guide-body.ts';
import { GUIDE_BODY_KEY, MINUTES_KEY } from '../loaders/guide-loader.ts';

export type Guide = CollectionEntry<'guides'>;

let cache: Promise<Guide[]> | undefined;
let allChecklists: SiteChecklist[] = [];

/** Published guides in reading order; fails the build on inconsistent content or a checklist problem. */
export function getGuides(): Promise<Guide[]> {
  cache ??= getCollection('guides').then((entries) => {
    assertGuidesConsistent(entries);
    allChecklists = collectChecklists(entries, (path) => readFileSync(path, 'utf8'));
    return publishedGuides(entries);
  });
  return cache;
}

let checklistsCache: Promise<SiteChecklist[]> | undefined;

/** Every checklist in published guides, in reading order, with its guide. */
export function getChecklists(): Promise<SiteChecklist[]> {
  // Worked out once: every <Checklist> on every page asks, so 5,000 guides would otherwise cost 5,000³ steps.
  checklistsCache ??= getGuides().then((guides) => {
    const byGuide = Map.groupBy(allChecklists, (checklist) => checklist.guide.slug);
    return guides.flatMap((guide) => byGuide.get(guide.id) ?? []);
  });
  return checklistsCache;
}

/** Checklists grouped by topic, for "My progress", the program directors' page and their pages per topic. */
export async function getChecklistGroups() {
  return groupChecklistsByTopic(await getChecklists(), topics);
}

/** One page per topic that has checklists, at /progress/<topic>/ and /program-directors/checklists/<topic>/. */
export async function checklistTopicPaths() {
  return (await getChecklistGroups()).map((group) => ({ params: { topic: group.topic.id }, props: { group } }));
}

let checklistsById: Promise<Map<string, SiteChecklist>> | undefined;

/** One checklist by id; each <Checklist> on every page asks, so this is a lookup, not a search of the list. */
export function getChecklist(id: string): Promise<SiteChecklist | undefined> {
  checklistsById ??= getChecklists().then((all) => new Map(all.map((checklist) => [checklist.id, checklist])));
  return checklistsById.then((byId) => byId.get(id));
}

export async function getTopicGroups() {
  return groupByTopic(await getGuides());
}

let guideIndex: Promise<GuideIndex<Guide>> | undefined;

/** Built once: each guide page asks for its topic, neighbours and related guides. */
function getGuideIndex(): Promise<GuideIndex<Guide>> {
  guideIndex ??= getGuides().then(indexGuides);
  return guideIndex;
}

export async function getTopicGuides(topic: TopicId): Promise<readonly Guide[]> {
  return (await getGuideIndex()).topic(topic);
}

export async function getAudienceGuides(audience: AudienceId) {
  return guidesForAudience(await getGuides(), audience);
}

/** A guide's body and headings, parsed when the guide was loaded (src/loaders/guide-loader.ts). */
export function getGuideBody(guide: Guide): GuideBody {
  const metadata = guide.rendered?.metadata;
  const nodes = metadata?.[GUIDE_BODY_KEY];
  if (!Array.isArray(nodes)) {
    throw new Error(
      `${guide.filePath ?? guide.id}: the guide was loaded without its body. Its collection in src/content.config.ts must use guideLoader().`,
    );
  }
  return { nodes, headings: (metadata?.headings as GuideBody['headings'] | undefined) ?? [] };
}

/** Minutes to read a guide, counted from its text when it was loaded. */
export function guideMinutes(guide: Guide): number {
  const minutes = guide.rendered?.metadata?.[MINUTES_KEY];
  if (typeof minutes !== 'number') {
    throw new Error(
      `${guide.filePath ?? guide.id}: the guide was loaded without its reading time. Its collection in src/content.config.ts must use guideLoader().`,
    );
  }
  return minutes;
}

export async function getGuideContext(guide: Guide) {
  const index = await getGuideIndex();
  return { ...index.neighbours(guide.id), related: index.related(guide) };
}

export type ReadingPath = CollectionEntry<'paths'>;

let pathsCache: Promise<ReadingPath[]> | undefined;

/** Reading paths in order; fails the build when a step names a guide that is not published. */
export function getPaths(): Promise<ReadingPath[]> {
  pathsCache ??= (async () => {
    const [paths, all, published] = await Promise.all([getCollection('paths'), getCollection('guides'), getGuides()]);
    const publishedSlugs = published.map((guide) => guide.id);
    const drafts = all.filter((guide) => guide.data.draft).map((guide) => guide.id);
    assertPathsConsistent(paths, publishedSlugs, drafts);
    return sortPaths(paths);
  })();
  return pathsCache;
}

/** One page per reading path, at /paths/<slug>/ and at /paths/<slug>/handout/. */
export async function readingPathPaths() {
  return (await getPaths()).map((path) => ({ params: { slug: path.id }, props: { path } }));
}

/** A path's steps with their guides and each guide's checklists. */
export async function getPathSteps(path: ReadingPath) {
  return resolveSteps(path, await getGuides(), await getChecklists());
}
