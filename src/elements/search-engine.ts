/**
 * Loads Pagefind on first use and renders its results. Imported dynamically,
 * so no search code or index is fetched until a reader opens search.
 */
import type { SearchState } from '../lib/search-state.ts';
import { toPagefindFilters } from '../lib/search-state.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string | null, options?: Record<string, unknown>) => Promise<PagefindSearch>;
  debouncedSearch: (query: string | null, options?: Record<string, unknown>, ms?: number) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<PagefindModule> | undefined;

export function loadPagefind(base: string): Promise<PagefindModule> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
    await pagefind.options({ baseUrl: base, highlightParam: 'highlight', excerptLength: 22 });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

export interface SearchOutcome {
  results: PagefindResultData[];
  total: number;
  filters: Record<string, Record<string, number>>;
}

/** Runs a search; returns null when a newer keystroke superseded it. */
export async function runSearch(base: string, state: SearchState, limit = 10): Promise<SearchOutcome | null> {
  const pagefind = await loadPagefind(base);
  const hasFilters = Object.keys(state.filters).length > 0;
  if (!state.query && !hasFilters) return { results: [], total: 0, filters: await pagefind.filters() };
  const search = await pagefind.debouncedSearch(state.query || null, { filters: toPagefindFilters(state) }, 60);
  if (!search) return null;
  const results = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
  return { results, total: search.results.length, filters: search.filters };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** Result list items: title, excerpt with the terms marked, and sub-results under their headings. */
export function renderResults(list: HTMLElement, results: PagefindResultData[]): void {
  list.replaceChildren(
    ...results.map((result) => {
      const item = element('li', 'rounded-lg border border-line p-3');
      const link = element('a', 'text-base font-semibold');
      link.href = result.url;
      link.dataset.searchResult = '';
      link.textContent = result.meta.title ?? result.url;
      const excerpt = element('p', 'mt-1 text-sm text-muted');
      // Pagefind escapes page text and adds only <mark> elements.
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      const pageUrl = result.url.split('#')[0];
      const subResults = result.sub_results.filter((sub) => sub.url.split('#')[0] === pageUrl && sub.url !== pageUrl && sub.url.includes('#')).slice(0, 3);
      if (subResults.length > 0) {
        const subList = element('ul', 'mt-2 space-y-2 border-l-2 border-line pl-3');
        for (const sub of subResults) {
          const subItem = element('li');
          const subLink = element('a', 'text-sm font-medium');
          subLink.href = sub.url;
          subLink.dataset.searchResult = '';
          subLink.textContent = sub.title;
          const subExcerpt = element('p', 'text-sm text-muted');
          subExcerpt.innerHTML = sub.excerpt;
          subItem.append(subLink, subExcerpt);
          subList.append(subItem);
        }
        item.append(subList);
      }
      return item;
    }),
  );
}

export function describeCount(total: number, query: string): string {
  if (!query) return '';
  if (total === 0) return `No guides match “${query}”. Try fewer or different words.`;
  return `${total} ${total === 1 ? 'guide matches' : 'guides match'} “${query}”.`;
}
