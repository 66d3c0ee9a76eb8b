import {
  DIALOG_FIRST_RESULTS,
  PAGE_RESULT_LIMIT,
  PAGE_SUB_RESULTS,
  SEARCH_SETTLE_MS,
  resultsSettled,
  searchDelay,
} from '../lib/search-options.ts';
import { parseSearchState, serializeSearchState, type SearchState } from '../lib/search-state.ts';
import { handleResultKeys } from './search-keys.ts';

/**
 * The search page: words plus topic and audience filters, with a count per
 * filter value. The query and filters live in the URL, so a search can be
 * linked, and Back undoes a filter or a query.
 */
class SearchPageElement extends HTMLElement {
  connectedCallback(): void {
    const base = this.dataset.base ?? '/';
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('input[type="search"]')!;
    const results = this.querySelector<HTMLElement>('[data-search-results]')!;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const moreButton = this.querySelector<HTMLButtonElement>('[data-search-more-results]')!;
    const boxes = [...this.querySelectorAll<HTMLInputElement>('[data-search-filters] input[type="checkbox"]')];
    const chosen = this.querySelector<HTMLElement>('[data-search-filters-chosen]')!;
    const engine = import('./search-engine.ts').then((module) => {
      module.preferWorker();
      return module;
    });
    let latest = 0;
    let limit = PAGE_RESULT_LIMIT;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The first keystroke of a new query adds a history entry; the rest update it.
    let typingEntry = false;

    const readForm = (): SearchState => {
      const filters: Record<string, string[]> = {};
      for (const box of boxes) if (box.checked) (filters[box.name] ??= []).push(box.value);
      return { query: input.value.trim(), filters };
    };
    /** On a phone the filters are folded away: their box says how many are ticked. */
    const showChosen = () => {
      const ticked = boxes.filter((box) => box.checked).length;
      chosen.textContent = ticked > 0 ? ` (${ticked} chosen)` : '';
    };
    const writeForm = (state: SearchState) => {
      input.value = state.query;
      for (const box of boxes) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
      showChosen();
    };
    let previousTop: string[] | undefined;
    /** Searches and shows the results; `typedAt` (a keystroke's time) holds back excerpts while words are half-typed. */
    const run = async (state: SearchState, typedAt?: number) => {
      const ticket = ++latest;
      const module = await engine;
      try {
        const { runSearch, renderResults, describeSearchResults } = module;
        const isCurrent = () => ticket === latest;
        const outcome = await runSearch(base, state, 0, { withFilters: true, isCurrent });
        const top = outcome.ids.slice(0, DIALOG_FIRST_RESULTS);
        const settled = resultsSettled(previousTop, top);
        previousTop = top;
        if (typedAt !== undefined && !settled) {
          await new Promise((resolve) =>
            setTimeout(resolve, Math.max(0, SEARCH_SETTLE_MS - (performance.now() - typedAt))),
          );
        }
        const shown = await outcome.more(limit);
        if (!isCurrent()) return;
        renderResults(results, shown, PAGE_SUB_RESULTS);
        results.dataset.renderedQuery = serializeSearchState(state);
        status.textContent =
          describeSearchResults(state, outcome.total) ||
          'Type a question or a few words, or choose a topic or audience.';
        moreButton.hidden = outcome.total <= shown.length;
        for (const box of boxes) {
          const count = box.parentElement?.querySelector('[data-filter-count]');
          if (count) count.textContent = String(outcome.filters[box.name]?.[box.value] ?? 0);
        }
      } catch (error) {
        if (ticket !== latest || error instanceof module.StaleSearch) return;
        status.textContent = 'Search could not load. Check your connection, or browse all guides.';
      }
    };
    const update = (mode: 'push' | 'replace', typedAt?: number) => {
      const state = readForm();
      const url = `${location.pathname}${serializeSearchState(state)}`;
      if (url !== `${location.pathname}${location.search}`) {
        if (mode === 'push') history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }
      limit = PAGE_RESULT_LIMIT;
      void run(state, typedAt);
    };

    writeForm(parseSearchState(location.search));
    void run(readForm());
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const typedAt = performance.now();
      void engine.then((module) => module.preload(base, input.value));
      timer = setTimeout(() => {
        update(typingEntry ? 'replace' : 'push', typedAt);
        typingEntry = true;
      }, searchDelay(input.value));
    });
    for (const box of boxes) {
      box.addEventListener('change', () => {
        showChosen();
        typingEntry = false;
        update('push');
      });
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      typingEntry = false;
      // Enter keeps the reader here with the results (unlike the header search, which
      // opens the best one): this page is for comparing results and filtering.
      update('push');
    });
    moreButton.addEventListener('click', () => {
      const firstNew = results.children.length;
      limit += PAGE_RESULT_LIMIT;
      void run(readForm()).then(() => results.children[firstNew]?.querySelector<HTMLAnchorElement>('a')?.focus());
    });
    addEventListener('popstate', () => {
      clearTimeout(timer);
      typingEntry = false;
      limit = PAGE_RESULT_LIMIT;
      const state = parseSearchState(location.search);
      writeForm(state);
      void run(state);
    });
    this.addEventListener('keydown', (event) => {
      if (event.target === input || results.contains(event.target as Node)) handleResultKeys(event, input, results);
    });
  }
}

customElements.define('mfg-search-page', SearchPageElement);
