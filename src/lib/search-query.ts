/**
 * Turning what a reader types into ranked guides, on top of Pagefind.
 *
 * Pagefind keeps only the pages that contain every word of a query. Readers
 * type questions ("my mentor never replies"), and one incidental word missing
 * from the right guide would hide it. So the engine searches each meaningful
 * word on its own and combines the scores (a ranked OR, as classic search
 * engines do), keeping guides that match at least half of the words, and then
 * gives a small lift to results whose title carries the words.
 *
 * Pure functions: the browser code in src/elements/search-engine.ts feeds them
 * Pagefind's per-word results.
 */

/**
 * English function words, and the fillers people add to questions ("do I even",
 * "what actually"), which say nothing about which guide is wanted. Domain words,
 * negations ("not", "never") and numbers stay.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about actually am an and are as at be been being but by can could did do does doing even ever for from get got had has have ' +
    'just really still ' +
    "how i im i'm if in into is it its it's me my myself of on or our ours should so some than that the their them " +
    "then there these they this those to too was we were what whats what's when where which who whom why will with " +
    'would you your yours'
  ).split(' '),
);

/** At most this many words are searched separately; longer queries keep their first words. */
export const MAX_TERMS = 8;

/** True when the reader asked for an exact phrase with quotes; Pagefind handles those itself. */
export function isPhraseQuery(query: string): boolean {
  return /"[^"]+"/.test(query);
}

/**
 * The words to search for: lower case, outer punctuation removed, duplicates
 * and stop words dropped. A query made only of stop words keeps them, so
 * "what is" still finds something while it is being typed.
 */
export function queryTerms(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const unique = [...new Set(words)];
  const content = unique.filter((word) => !STOP_WORDS.has(word));
  return (content.length > 0 ? content : unique).slice(0, MAX_TERMS);
}

/**
 * The stretches of the query between neighbouring meaningful words, with the
 * small words in between: "more than one mentor" gives "more than one" and
 * "one mentor". A guide that has a stretch word for word (in its text, a
 * heading or its keywords) is closer to what was asked than one with the
 * words scattered.
 */
export function queryPhrases(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const content = words.flatMap((word, index) => (STOP_WORDS.has(word) ? [] : [index]));
  const phrases = content.slice(1).map((end, index) => words.slice(content[index], end + 1).join(' '));
  return [...new Set(phrases)].slice(0, MAX_TERMS - 1);
}

/**
 * Lifts candidates that contain the query's phrases: each phrase found adds
 * `boost` times the score, shared out over the phrases.
 */
export function boostPhrases(
  candidates: readonly Candidate[],
  phraseHits: readonly ReadonlySet<string>[],
  boost: number,
): Candidate[] {
  if (phraseHits.length === 0) return [...candidates];
  return candidates
    .map((candidate, order) => {
      const found = phraseHits.filter((hits) => hits.has(candidate.id)).length;
      return { candidate: { ...candidate, score: candidate.score * (1 + (boost * found) / phraseHits.length) }, order };
    })
    .sort((a, b) => b.candidate.score - a.candidate.score || a.order - b.order)
    .map(({ candidate }) => candidate);
}

/** How many of `termCount` words a guide must match to be listed: at least half. */
export function minimumMatch(termCount: number): number {
  return Math.max(1, Math.ceil(termCount / 2));
}

/** One page in one word's Pagefind results. */
export interface TermHit {
  id: string;
  score: number;
  /** Whether Pagefind found the word in the page's title (its `matchedMetaFields`). */
  inTitle?: boolean;
}

/** A page with its combined score, the indexes of the words it matched, and how many of those are in its title. */
export interface Candidate {
  id: string;
  score: number;
  matched: number[];
  titleMatches: number;
}

/**
 * Combines per-word results: a page's score is the sum of its per-word scores
 * (each already weighted by how rare the word is), scaled by the share of
 * words it matched, so a page with all the words beats one with a lucky
 * repetition of one. Words no page contains are left out of the count, as
 * Pagefind does. Sorted best first; ties keep Pagefind's order.
 */
export function combineTermResults(perTerm: readonly (readonly TermHit[])[]): Candidate[] {
  const found = perTerm.filter((hits) => hits.length > 0).length;
  if (found === 0) return [];
  const required = minimumMatch(found);
  const byId = new Map<string, Candidate & { order: number }>();
  perTerm.forEach((hits, termIndex) => {
    for (const hit of hits) {
      const entry = byId.get(hit.id) ?? { id: hit.id, score: 0, matched: [], titleMatches: 0, order: byId.size };
      entry.score += hit.score;
      entry.matched.push(termIndex);
      if (hit.inTitle) entry.titleMatches += 1;
      byId.set(hit.id, entry);
    }
  });
  return [...byId.values()]
    .filter((entry) => entry.matched.length >= required)
    .map((entry) => ({ ...entry, score: entry.score * (entry.matched.length / found) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ id, score, matched, titleMatches }) => ({ id, score, matched, titleMatches }));
}

/**
 * Lifts guides whose title carries the reader's words above guides that only
 * mention them. Pagefind already boosts title matches, but weighs them by how
 * rare the word is; a title that says "What helps with burnout" should still
 * win "actually helps burnout", though nearly every guide says "help". Each
 * result's score is normalised to the best one, and `boost` (0 to 1) is what
 * a title with every word adds. Pagefind reports title matches with each
 * result, so this needs no excerpt downloads and can reorder the whole list.
 */
export function rerankByTitle<T extends { score: number; titleMatches: number }>(
  results: readonly T[],
  termCount: number,
  boost: number,
): T[] {
  if (termCount === 0) return [...results];
  const best = Math.max(...results.map((result) => result.score), Number.MIN_VALUE);
  return results
    .map((result, index) => ({ result, index, value: result.score / best + (boost * result.titleMatches) / termCount }))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map(({ result }) => result);
}

/** Page ids for each value of each filter, e.g. { topic: { Research: Set(...) } }. */
export type FilterIndex = Readonly<Record<string, Readonly<Record<string, ReadonlySet<string>>>>>;

/** Ticked values per filter, as in SearchState.filters. */
export type FilterSelection = Readonly<Record<string, readonly string[]>>;

/** Whether a page passes every ticked filter except `skip`: any ticked value within a filter, all filters together. */
function passes(id: string, index: FilterIndex, selection: FilterSelection, skip?: string): boolean {
  return Object.entries(selection).every(
    ([name, values]) =>
      name === skip || values.length === 0 || values.some((value) => index[name]?.[value]?.has(id) ?? false),
  );
}

/** The ids that pass the ticked filters, in their original order. */
export function applyFilters(ids: readonly string[], index: FilterIndex, selection: FilterSelection): string[] {
  return ids.filter((id) => passes(id, index, selection));
}

/**
 * How many results each filter value would give: the results of the query
 * under the other filters' ticks, with that value. Ticking a second value in
 * the same filter widens the results, so its count is what it would add to.
 */
export function filterCounts(
  ids: readonly string[],
  index: FilterIndex,
  selection: FilterSelection,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.entries(index).map(([name, values]) => {
      const pool = ids.filter((id) => passes(id, index, selection, name));
      return [
        name,
        Object.fromEntries(
          Object.entries(values).map(([value, members]) => [value, pool.filter((id) => members.has(id)).length]),
        ),
      ];
    }),
  );
}
