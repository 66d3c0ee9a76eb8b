import {
  DIALOG_FIRST_RESULTS,
  DIALOG_RESULT_LIMIT,
  DIALOG_SUB_RESULTS,
  SEARCH_IDLE_MS,
  SEARCH_SETTLE_MS,
  resultsSettled,
  searchDelay,
} from '../lib/search-options.ts';
import { serializeSearchState } from '../lib/search-state.ts';
import { handleResultKeys } from './search-keys.ts';

type Engine = typeof import('./search-engine.ts');

let enginePromise: Promise<Engine> | undefined;

function loadEngine(base: string): Promise<Engine> {
  enginePromise ??= import('./search-engine.ts');
  void enginePromise.then((loaded) => loaded.loadPagefind(base)).catch(() => undefined);
  return enginePromise;
}

const wired = new WeakSet<HTMLDialogElement>();

/**
 * Adds search to the header dialog that search-trigger.ts built and opened.
 * Whatever the reader typed while this module loaded is searched at once. The
 * search engine and Pagefind load now, on first use, never with the page.
 */
export function wireSearchDialog(host: HTMLElement, dialog: HTMLDialogElement): void {
  const base = host.dataset.base ?? '/';
  void loadEngine(base);
  if (wired.has(dialog)) return;
  wired.add(dialog);

  const form = dialog.querySelector<HTMLFormElement>('form')!;
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const results = dialog.querySelector<HTMLElement>('[data-search-results]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const more = dialog.querySelector<HTMLAnchorElement>('[data-search-more]')!;
  const searchPage = host.dataset.searchPage ?? `${base}search/`;

  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let previousTop: string[] | undefined;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  const search = async (query: string, ticket: number, typedAt: number) => {
    const engine = await loadEngine(base);
    const isCurrent = () => ticket === latest;
    try {
      // Rank first (index only); fetch excerpts once the top results have settled or typing pauses.
      const outcome = await engine.runSearch(base, { query, filters: {} }, 0, { isCurrent });
      const top = outcome.ids.slice(0, DIALOG_FIRST_RESULTS);
      const settled = resultsSettled(previousTop, top);
      previousTop = top;
      if (!settled) await wait(SEARCH_SETTLE_MS - (performance.now() - typedAt));
      const first = await outcome.more(DIALOG_FIRST_RESULTS);
      if (!isCurrent()) return;
      engine.renderResults(results, first, DIALOG_SUB_RESULTS);
      results.dataset.renderedQuery = query;
      delete results.dataset.complete;
      status.textContent = engine.describeSearchResults({ query, filters: {} }, outcome.total);
      // The rest once typing has paused; appended, so focus on a result stays put.
      if (outcome.total > first.length) await wait(SEARCH_IDLE_MS);
      const rest = await outcome.more(DIALOG_RESULT_LIMIT);
      if (!isCurrent()) return;
      engine.appendResults(results, rest, DIALOG_SUB_RESULTS);
      results.dataset.complete = '';
    } catch (error) {
      if (!isCurrent() || error instanceof engine.StaleSearch) return;
      results.replaceChildren();
      status.textContent = 'Search could not load. Check your connection, or browse all guides.';
    }
  };
  input.addEventListener('input', () => {
    const query = input.value.trim();
    const ticket = ++latest;
    const typedAt = performance.now();
    more.href = `${searchPage}${serializeSearchState({ query, filters: {} })}`;
    clearTimeout(timer);
    if (!query) {
      results.replaceChildren();
      delete results.dataset.renderedQuery;
      status.textContent = '';
      previousTop = undefined;
      return;
    }
    // Fetch the index for these words now; search once typing pauses.
    void loadEngine(base).then((engine) => engine.preload(base, query));
    timer = setTimeout(() => void search(query, ticket, typedAt), searchDelay(query));
  });
  dialog.addEventListener('keydown', (event) => handleResultKeys(event, input, results));
  // Enter in the field opens the first result. With no results yet, the form
  // goes to the search page with the query, which works the same.
  form.addEventListener('submit', (event) => {
    const first = results.querySelector<HTMLAnchorElement>('a[data-search-result]');
    if (first && results.dataset.renderedQuery === input.value.trim()) {
      event.preventDefault();
      first.click();
    }
  });
  // Typed while this module was loading.
  if (input.value.trim()) input.dispatchEvent(new Event('input'));
}
