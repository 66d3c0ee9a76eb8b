/**
 * How the site searches, in one place: Pagefind's browser options and the
 * numbers the search UI works with. The header dialog and the search page read
 * them through src/elements/search-engine.ts; the relevance suite and the
 * benchmark drive those same pages, so tuning here is what they measure.
 */

/**
 * Word positions per Pagefind index file (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, set by the
 * build in src/integrations/post-build.ts). A query fetches the files holding its words.
 */
export const SEARCH_INDEX_CHUNK_SIZE = 5000;

/** Query parameter Pagefind appends to result URLs; the guide page highlights its values. */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Options for `pagefind.options()`.
 * - excerptLength: about two lines on a phone; shorter excerpts also keep result cards compact.
 * - ranking.metaWeights: guides carry their frontmatter keywords (what readers call the topic,
 *   e.g. "PD", "LOR", "burned out") as the `keywords` metadata field, which Pagefind searches
 *   but never shows in excerpts. A keyword match lifts a guide as much as a title match
 *   (Pagefind's default title weight is 5), because keywords are the writers' own list of
 *   what the guide is about. The relevance suite scored 4 to 10 the same; 5 keeps parity.
 * - Other ranking parameters stay at Pagefind's defaults: guides are of similar length, so
 *   pageLength and termFrequency have nothing to correct, and the suite found no gain in moving them.
 * - noWorker: the header dialog searches on the page's own thread instead of loading
 *   pagefind-worker.js (12 KB gzip more) and copying every result across to the page. A search
 *   takes milliseconds here and tens of milliseconds at 1,000 guides; on the benchmark the
 *   worker's messaging made the first results slower, not faster. The search page, which
 *   searches while it loads, uses the worker instead (preferWorker in src/elements/search-engine.ts):
 *   on the page's thread, Lighthouse measured 1.4 to 2.4 s of blocking time there.
 */
export const PAGEFIND_OPTIONS = {
  excerptLength: 20,
  highlightParam: HIGHLIGHT_PARAM,
  noWorker: true,
  ranking: {
    metaWeights: { title: 5, keywords: 5 },
  },
} as const;

/**
 * Wait this long after a keystroke before searching. Pagefind starts fetching
 * the index for the typed words at once, so the wait costs little; it saves
 * loading excerpts for every half-typed word.
 */
export const SEARCH_DEBOUNCE_MS = 40;

/**
 * Wait this long instead while the last word has fewer than three letters
 * ("r", "research pr"): such a prefix matches a large part of the index, so
 * searching it would fetch index chunks and excerpts that the next letter makes
 * useless. Two-letter queries such as "PD" still run once typing pauses.
 */
export const SHORT_WORD_DEBOUNCE_MS = 250;

/** Shortest word worth fetching index chunks for while it is being typed. */
export const MIN_PRELOAD_LENGTH = 3;

/** How long to wait after a keystroke before searching for `query`. */
export function searchDelay(query: string): number {
  const last = query.trim().split(/\s+/).at(-1) ?? '';
  return last.length < MIN_PRELOAD_LENGTH ? SHORT_WORD_DEBOUNCE_MS : SEARCH_DEBOUNCE_MS;
}

/**
 * Results the header dialog shows at once, and in all once typing has paused
 * for SEARCH_IDLE_MS (about a phone screen; "All results" leads to the search
 * page). Each result costs an excerpt file of 3 to 7 KB gzip, so half-typed
 * words fetch only the first few, and the dialog stops at four: with five,
 * two of the benchmark's five queries fetched just over issue #6's 150 KB on
 * 1,000 guides (scripts/bench/search-bench.ts).
 */
export const DIALOG_FIRST_RESULTS = 3;
export const DIALOG_RESULT_LIMIT = 4;
export const SEARCH_IDLE_MS = 200;

/**
 * While the reader types, the best results change with almost every letter
 * ("bur", "burn", "burno"), and their excerpts would be fetched only to be
 * replaced. So excerpts are fetched at once only when the first results are the
 * same as for the previous keystroke (the word has settled); otherwise the
 * search waits until this long after the keystroke, a pause in typing. Short
 * enough that results still show within about 120 ms of the last keystroke.
 */
export const SEARCH_SETTLE_MS = 60;

/** Whether the top results match those of the previous search, so fetching their excerpts will not be wasted. */
export function resultsSettled(previous: readonly string[] | undefined, current: readonly string[]): boolean {
  return (
    previous !== undefined && previous.length === current.length && previous.every((id, index) => id === current[index])
  );
}

/** Results the search page shows at first, and adds with each "Show more". */
export const PAGE_RESULT_LIMIT = 20;

/** Sub-results (matching sections) shown under each result. */
export const DIALOG_SUB_RESULTS = 2;
export const PAGE_SUB_RESULTS = 3;

/** How much a full title match adds to a result's normalised score (0 to 1). */
export const TITLE_MATCH_BOOST = 0.3;

/**
 * When at least this many guides contain every word of the query, they are
 * ranked by Pagefind's own scoring (plus the phrase and title lifts) and the
 * per-word searches that let a guide miss a word are skipped: there are enough
 * good answers, and on a large site those searches cost the most time.
 */
export const ENOUGH_FULL_MATCHES = 10;

/** How much finding every phrase of the query word for word multiplies a result's score (see boostPhrases). */
export const PHRASE_BOOST = 1;
