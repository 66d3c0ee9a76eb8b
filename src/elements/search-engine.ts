/**
 * Loads Pagefind on first use, ranks its results (src/lib/search-query.ts) and
 * renders them. Imported dynamically, so no search code or index is fetched
 * until a reader opens search.
 */
import {
  ENOUGH_FULL_MATCHES,
  MIN_PRELOAD_LENGTH,
  PAGEFIND_OPTIONS,
  PHRASE_BOOST,
  TITLE_MATCH_BOOST,
} from '../lib/search-options.ts';
import {
  applyFilters,
  boostPhrases,
  combineTermResults,
  filterCounts,
  isPhraseQuery,
  queryPhrases,
  queryTerms,
  rerankByTitle,
  type Candidate,
  type FilterIndex,
} from '../lib/search-query.ts';
import type { SearchState } from '../lib/search-state.ts';

// Re-exported so the status text loads with the rest of search, on demand.
export { describeSearchResults } from '../lib/search-state.ts';

interface PagefindWeightedLocation {
  balanced_score: number;
}

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: PagefindWeightedLocation[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

interface PagefindResult {
  id: string;
  score: number;
  /** Metadata fields the words were found in, e.g. ["title", "keywords"]. */
  matchedMetaFields?: string[];
  data: () => Promise<PagefindResultData>;
}

interface PagefindSearch {
  results: PagefindResult[];
}

interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string | null, options?: Record<string, unknown>) => Promise<PagefindSearch>;
  preload: (query: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<PagefindModule> | undefined;
let workerPreferred = false;

/**
 * Search in Pagefind's Web Worker instead of on the page's thread. The search
 * page does: it searches as it loads (from ?q=), and on the page's thread that
 * blocks the page while it is still loading (Lighthouse's total blocking time).
 * The header dialog does not: it searches only after the reader types, where
 * the worker's extra download and messaging would cost first-result time and
 * bytes (issue #6, scripts/bench/search-bench.ts). Call before the first search.
 */
export function preferWorker(): void {
  workerPreferred = true;
}

export function loadPagefind(base: string): Promise<PagefindModule> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
    await pagefind.options({ ...PAGEFIND_OPTIONS, noWorker: !workerPreferred, baseUrl: base });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    // Let a later attempt (e.g. after the connection comes back) try again.
    loading = undefined;
  });
  return loading;
}

/**
 * Starts fetching the index for the words typed so far, before the debounced
 * search runs. Words shorter than MIN_PRELOAD_LENGTH are skipped: "r" would pull
 * in every index chunk holding a word that starts with r.
 */
export function preload(base: string, query: string): void {
  const terms = queryTerms(query).filter((term) => term.length >= MIN_PRELOAD_LENGTH);
  if (terms.length === 0) return;
  void loadPagefind(base)
    .then((pagefind) => pagefind.preload(terms.join(' ')))
    .catch(() => undefined);
}

/** Pages best first, and a way to fetch each page's data with every word it matched highlighted. */
interface Ranking {
  ids: string[];
  data: (id: string) => Promise<PagefindResultData>;
}

const inTitle = (result: PagefindResult) => result.matchedMetaFields?.includes('title') ?? false;

/** A ranking that is one Pagefind search's results, with title matches lifted (unless `asIs`). */
function fromSearch(search: PagefindSearch, asIs = false): Ranking {
  const byId = new Map(search.results.map((result) => [result.id, result]));
  const entries = search.results.map((result) => ({
    id: result.id,
    score: result.score,
    titleMatches: inTitle(result) ? 1 : 0,
  }));
  const ordered = asIs ? entries : rerankByTitle(entries, 1, TITLE_MATCH_BOOST);
  return { ids: ordered.map((entry) => entry.id), data: (id) => byId.get(id)!.data() };
}

async function rank(pagefind: PagefindModule, query: string): Promise<Ranking> {
  const terms = queryTerms(query);
  if (isPhraseQuery(query)) return fromSearch(await pagefind.search(query), true);
  if (terms.length === 0) return fromSearch({ results: [] });
  if (terms.length === 1) return fromSearch(await pagefind.search(terms[0]!));

  const phrases = queryPhrases(query);
  const [all, phraseSearches] = await Promise.all([
    pagefind.search(terms.join(' ')),
    Promise.all(phrases.map((phrase) => pagefind.search(`"${phrase}"`))),
  ]);
  const phraseHits = phraseSearches.map((search) => new Set(search.results.map((result) => result.id)));
  // Plenty of guides have every word: rank them as Pagefind does (with the phrase and title
  // lifts) and skip the per-word searches, which on a large site cost the most time.
  if (all.results.length >= ENOUGH_FULL_MATCHES) {
    const entries = all.results.map((result) => ({
      id: result.id,
      score: result.score,
      titleMatches: inTitle(result) ? 1 : 0,
    }));
    const ordered = rerankByTitle(
      boostPhrases(
        entries.map((entry) => ({ ...entry, matched: [] })),
        phraseHits,
        PHRASE_BOOST,
      ),
      1,
      TITLE_MATCH_BOOST,
    );
    const byId = new Map(all.results.map((result) => [result.id, result]));
    return { ids: ordered.map((entry) => entry.id), data: (id) => byId.get(id)!.data() };
  }
  const perTerm = await Promise.all(terms.map((term) => pagefind.search(term)));
  const combined = combineTermResults(
    perTerm.map((search) =>
      search.results.map((result) => ({ id: result.id, score: result.score, inTitle: inTitle(result) })),
    ),
  );
  const found = perTerm.filter((search) => search.results.length > 0).length;
  const candidates = rerankByTitle(boostPhrases(combined, phraseHits, PHRASE_BOOST), found, TITLE_MATCH_BOOST);

  const byId = new Map<string, Candidate>(candidates.map((candidate) => [candidate.id, candidate]));
  const fullMatches = new Map(all.results.map((result) => [result.id, result]));
  const findIn = (search: PagefindSearch | undefined, id: string) => search?.results.find((result) => result.id === id);
  // Excerpts highlight the words of the search that produced them, so take each
  // page's data from a search for exactly the words it matched.
  const subsetSearches = new Map<string, Promise<PagefindSearch>>();
  const data = async (id: string): Promise<PagefindResultData> => {
    const { matched } = byId.get(id)!;
    const full = fullMatches.get(id);
    if (matched.length === found && full) return full.data();
    const single = findIn(perTerm[matched[0]!], id)!;
    if (matched.length === 1) return single.data();
    const words = matched.map((index) => terms[index]).join(' ');
    if (!subsetSearches.has(words)) subsetSearches.set(words, pagefind.search(words));
    return (findIn(await subsetSearches.get(words), id) ?? single).data();
  };
  return { ids: candidates.map((candidate) => candidate.id), data };
}

let filterIndex: Promise<FilterIndex> | undefined;

/** Page ids for every filter value, fetched once: one filter-only Pagefind search per value. */
function loadFilterIndex(pagefind: PagefindModule): Promise<FilterIndex> {
  filterIndex ??= (async () => {
    const available = await pagefind.filters();
    const entries = await Promise.all(
      Object.entries(available).map(async ([name, values]) => {
        const sets = await Promise.all(
          Object.keys(values).map(async (value) => {
            const search = await pagefind.search(null, { filters: { [name]: value } });
            return [value, new Set(search.results.map((result) => result.id))] as const;
          }),
        );
        return [name, Object.fromEntries(sets)] as const;
      }),
    );
    return Object.fromEntries(entries);
  })();
  return filterIndex;
}

/** Thrown when a newer keystroke made a search pointless, so it stops before fetching excerpts. */
export class StaleSearch extends Error {}

export interface SearchOutcome {
  /** Every result's Pagefind id, best first. */
  ids: readonly string[];
  /** Data for the first results (as many as asked for). */
  results: PagefindResultData[];
  total: number;
  /** Results per filter value (only when filters were asked for). */
  filters: Record<string, Record<string, number>>;
  /** Fetches the data for the results after those already fetched, up to `count` in all. */
  more: (count: number) => Promise<PagefindResultData[]>;
}

/**
 * Ranks the guides for a query and fetches the data (excerpts, sections) for
 * the first `limit`. With `withFilters`, applies the ticked filters and counts
 * results per filter value; with filters but no words, lists every guide that
 * passes them. `isCurrent` is asked before each costly step; when it says no,
 * StaleSearch is thrown.
 */
export async function runSearch(
  base: string,
  state: SearchState,
  limit: number,
  options: { withFilters?: boolean; isCurrent?: () => boolean } = {},
): Promise<SearchOutcome> {
  const { withFilters = false, isCurrent = () => true } = options;
  const pagefind = await loadPagefind(base);
  const hasQuery = queryTerms(state.query).length > 0;
  const none = { ids: [], results: [], total: 0, filters: {}, more: async () => [] };
  if (!hasQuery && !withFilters) return none;
  if (!isCurrent()) throw new StaleSearch();
  // Without words, the search page lists every guide (Pagefind's search(null)) under the filters.
  const ranking = hasQuery ? await rank(pagefind, state.query) : fromSearch(await pagefind.search(null), true);
  let ids = ranking.ids;
  let filters: SearchOutcome['filters'] = {};
  if (withFilters) {
    const index = await loadFilterIndex(pagefind);
    filters = filterCounts(ids, index, state.filters);
    ids = applyFilters(ids, index, state.filters);
    if (!hasQuery && Object.keys(state.filters).length === 0) ids = [];
  }
  let fetched = 0;
  const more = async (count: number) => {
    if (!isCurrent()) throw new StaleSearch();
    const next = ids.slice(fetched, count);
    fetched = Math.max(fetched, count);
    return Promise.all(next.map((id) => ranking.data(id)));
  };
  return { ids, results: await more(limit), total: ids.length, filters, more };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** The sections with the most matches, in page order. */
function bestSubResults(result: PagefindResultData, count: number): PagefindSubResult[] {
  const weight = (sub: PagefindSubResult) =>
    (sub.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);
  const sections = result.sub_results.filter((sub) => sub.url.includes('#'));
  const best = new Set([...sections].sort((a, b) => weight(b) - weight(a)).slice(0, count));
  return sections.filter((sub) => best.has(sub));
}

function resultItem(result: PagefindResultData, subResultCount: number): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-title');
  link.href = result.url;
  link.dataset.searchResult = 'page';
  link.textContent = result.meta.title ?? result.url;
  const excerpt = element('p', 'search-result-excerpt');
  // Pagefind escapes page text and adds only <mark> elements.
  excerpt.innerHTML = result.excerpt;
  item.append(link, excerpt);
  const sections = bestSubResults(result, subResultCount);
  if (sections.length > 0) {
    const subList = element('ul', 'search-subresults');
    subList.setAttribute('aria-label', `Sections of ${link.textContent}`);
    for (const sub of sections) {
      const subItem = element('li');
      const subLink = element('a', 'search-subresult-title');
      subLink.href = sub.url;
      subLink.dataset.searchResult = 'section';
      subLink.textContent = sub.title;
      const subExcerpt = element('p', 'search-result-excerpt');
      subExcerpt.innerHTML = sub.excerpt;
      subItem.append(subLink, subExcerpt);
      subList.append(subItem);
    }
    item.append(subList);
  }
  return item;
}

/** Result list items: title, excerpt with the terms marked, and sub-results linking to their headings. */
export function renderResults(list: HTMLElement, results: PagefindResultData[], subResultCount: number): void {
  list.replaceChildren(...results.map((result) => resultItem(result, subResultCount)));
}

/** Adds results below those already shown, leaving them (and any focus among them) alone. */
export function appendResults(list: HTMLElement, results: PagefindResultData[], subResultCount: number): void {
  list.append(...results.map((result) => resultItem(result, subResultCount)));
}
