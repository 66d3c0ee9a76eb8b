/**
 * Curated reading paths (content/paths/<slug>.yaml): their URLs, order,
 * validation against the published guides, and the guides and checklists each
 * step brings. Pure: src/lib/collections.ts feeds it from the collections.
 */
import { joinBase } from './routes.ts';

export interface PathStep {
  /** Slug of a guide. */
  guide: string;
  /** One line on why the guide matters at this point. */
  why: string;
}

export interface PathEntry {
  /** The slug, taken from the file name. */
  id: string;
  /** Path of the source file, for error messages. */
  filePath?: string | undefined;
  data: { title: string; order: number; steps: PathStep[] };
}

/** The list of all paths. */
export function pathsIndexUrl(base: string): string {
  return joinBase(base, 'paths/');
}

/** A path's page: a permanent URL program directors hand out, so never change its format. */
export function pathUrl(base: string, slug: string): string {
  return joinBase(base, `paths/${slug}/`);
}

/** A path's printable one-page handout. */
export function handoutUrl(base: string, slug: string): string {
  return joinBase(base, `paths/${slug}/handout/`);
}

/** The page for program directors. */
export function programDirectorsUrl(base: string): string {
  return joinBase(base, 'program-directors/');
}

/** A site path made absolute against the deployment's origin (site.config.ts `site`), for links people copy or scan. */
export function absoluteUrl(site: string | URL, path: string): string {
  return new URL(path, site).href;
}

/** Thrown for authoring mistakes in paths; the message names the file, the field and the fix. */
export class PathError extends Error {
  override name = 'PathError';
}

/**
 * Checks that every step names a published guide and that no path lists a
 * guide twice. Throws one PathError listing every problem with the file, the
 * field (e.g. steps.2.guide), the slug and the known guides.
 */
export function assertPathsConsistent(
  paths: readonly PathEntry[],
  guideSlugs: readonly string[],
  draftSlugs: readonly string[] = [],
): void {
  const published = new Set(guideSlugs);
  const drafts = new Set(draftSlugs);
  const problems: string[] = [];
  for (const path of paths) {
    const file = path.filePath ?? `content/paths/${path.id}.yaml`;
    const seen = new Map<string, number>();
    path.data.steps.forEach((step, index) => {
      if (!published.has(step.guide)) {
        const hint = drafts.has(step.guide) ? ' (that guide is a draft)' : '';
        problems.push(
          `${file}: steps.${index}.guide: "${step.guide}" is not a published guide${hint}. ` +
            `Use the file name of an existing guide, without .mdx. Known guides: ${[...published].sort().join(', ')}`,
        );
      }
      const earlier = seen.get(step.guide);
      if (earlier !== undefined) {
        problems.push(
          `${file}: steps.${index}.guide: "${step.guide}" is already step ${earlier}. List each guide once per path.`,
        );
      }
      seen.set(step.guide, index);
    });
  }
  if (problems.length > 0) {
    throw new PathError(`Reading paths have ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }
}

/** Paths in the order readers see them: `order`, then title. */
export function sortPaths<P extends PathEntry>(paths: readonly P[]): P[] {
  return paths.toSorted((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

export interface ChecklistRef {
  id: string;
  items: readonly { id: string }[];
  guide: { slug: string };
  /** Prompts to reflect on, not tasks: they count as checklists but not toward a path's progress. */
  reflective?: boolean;
}

export interface ResolvedStep<G, C> {
  /** 1-based position in the path. */
  number: number;
  why: string;
  guide: G;
  /** The guide's checklists, in the order they appear in it. */
  checklists: C[];
}

/** Each step with its guide and that guide's checklists; assumes assertPathsConsistent passed. */
export function resolveSteps<G extends { id: string }, C extends ChecklistRef>(
  path: PathEntry,
  guides: readonly G[],
  checklists: readonly C[],
): ResolvedStep<G, C>[] {
  const bySlug = new Map(guides.map((guide) => [guide.id, guide]));
  return path.data.steps.map((step, index) => {
    const guide = bySlug.get(step.guide);
    if (!guide)
      throw new PathError(
        `${path.filePath ?? path.id}: steps.${index}.guide: "${step.guide}" is not a published guide.`,
      );
    return {
      number: index + 1,
      why: step.why,
      guide,
      checklists: checklists.filter((checklist) => checklist.guide.slug === step.guide),
    };
  });
}

/**
 * Number of checklists across a path's steps, and the checklists and items that count toward the reader's
 * progress on the path (`tasks`: every checklist but the reflective ones).
 */
export function pathChecklistTotals(steps: readonly { checklists: readonly ChecklistRef[] }[]): {
  checklists: number;
  tasks: { checklists: number; items: number };
} {
  const all = steps.flatMap((step) => step.checklists);
  const tasks = all.filter((checklist) => !checklist.reflective);
  return {
    checklists: all.length,
    tasks: { checklists: tasks.length, items: tasks.reduce((sum, checklist) => sum + checklist.items.length, 0) },
  };
}

export interface ProgressCount {
  done: number;
  total: number;
}

/** Sums per-checklist counts into one "done of total" for a step or a whole path. */
export function sumProgress(counts: readonly ProgressCount[]): ProgressCount & { complete: number } {
  let done = 0;
  let total = 0;
  let complete = 0;
  for (const count of counts) {
    done += count.done;
    total += count.total;
    if (count.total > 0 && count.done === count.total) complete += 1;
  }
  return { done, total, complete };
}

/**
 * One checklist's progress, as its row on "My progress" (`long`) or on a path (`short`) says it. A
 * reflective checklist's ticks are not a score, so it says only whether it has been started.
 */
export function describeChecklistProgress(
  { done, total }: ProgressCount,
  reflective: boolean,
  style: 'long' | 'short' = 'long',
): string {
  if (reflective) return done === 0 ? 'Not started' : 'Started';
  if (done === 0 && style === 'long') return `Not started (${total} items)`;
  return `${done} of ${total} done`;
}

/** Words for a path's progress, e.g. "7 of 23 items done · 1 of 5 checklists complete". */
export function describePathProgress(progress: ProgressCount & { complete: number }, checklistCount: number): string {
  if (progress.total === 0) return 'No checklists in this path.';
  if (progress.done === 0)
    return `Not started: ${progress.total} items in ${checklistCount} ${checklistCount === 1 ? 'checklist' : 'checklists'}.`;
  if (progress.done === progress.total)
    return `All done: ${progress.total} of ${progress.total} items in ${checklistCount} ${checklistCount === 1 ? 'checklist' : 'checklists'}.`;
  return `${progress.done} of ${progress.total} items done · ${progress.complete} of ${checklistCount} ${checklistCount === 1 ? 'checklist' : 'checklists'} complete.`;
}
