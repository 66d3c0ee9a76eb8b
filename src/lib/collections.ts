/**
 * The one place that reads the guides collection. Pages ask here; the pure
 * queries live in src/lib/guides.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
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
import {
  ChecklistError,
  collectChecklists,
  groupChecklistsByTopic,
  type ChecklistInfo,
  type SiteChecklist,
} from './checklists.ts';
import { assertPathsConsistent, resolveSteps, sortPaths } from './paths.ts';
import type { GuideBody } from './guide-body.ts';
import { LOADED_GUIDE_KEY, type LoadedGuide } from '../loaders/guide-loader.ts';

export type Guide = CollectionEntry<'guides'>;

let cache: Promise<Guide[]> | undefined;
let allChecklists: SiteChecklist[] = [];

/** Published guides in reading order; fails the build on inconsistent content or a checklist problem. */
export function getGuides(): Promise<Guide[]> {
  cache ??= getCollection('guides').then((entries) => {
    assertGuidesConsistent(entries);
    allChecklists = collectChecklists(entries, loadedChecklists);
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
export async function getChecklist(id: string): Promise<SiteChecklist | undefined> {
  checklistsById ??= getChecklists().then((all) => new Map(all.map((checklist) => [checklist.id, checklist])));
  return (await checklistsById).get(id);
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

/** What src/loaders/guide-loader.ts worked out for a guide when it was loaded. */
function loaded(guide: Guide): LoadedGuide {
  const value = guide.rendered?.metadata?.[LOADED_GUIDE_KEY];
  if (!value) {
    throw new Error(
      `${guide.filePath ?? guide.id}: the guide was loaded without its parsed body. Its collection in src/content.config.ts must use guideLoader().`,
    );
  }
  return value as LoadedGuide;
}

/** A guide's body and headings, parsed when the guide was loaded. */
export function getGuideBody(guide: Guide): GuideBody {
  const headings = guide.rendered?.metadata?.headings as GuideBody['headings'] | undefined;
  return { nodes: loaded(guide).nodes, headings: headings ?? [] };
}

/** Minutes to read a guide, counted from its text when it was loaded. */
export function guideMinutes(guide: Guide): number {
  return loaded(guide).minutes;
}

/** A guide's checklists as found when it was loaded; throws the problem found then, if any. */
function loadedChecklists(guide: Guide): ChecklistInfo[] {
  const { checklists } = loaded(guide);
  if (Array.isArray(checklists)) return checklists;
  throw new ChecklistError(checklists.problem);
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
