import {
  DIALOG_FIRST_RESULTS,
  DIALOG_RESULT_LIMIT,
  DIALOG_SUB_RESULTS,
  SEARCH_IDLE_MS,
  SEARCH_SETTLE_MS,
  resultsSettled,
  searchDelay,
} from '../lib/search-options.ts';
import { isSearchShortcut, serializeSearchState } from '../lib/search-state.ts';
import { handleResultKeys } from './search-keys.ts';

type Engine = typeof import('./search-engine.ts');

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * The header search: a link to the all-guides index without JavaScript, a
 * dialog with it. The search engine and Pagefind load when the dialog first
 * opens, never with the page.
 */
class SearchDialogElement extends HTMLElement {
  #engine?: Promise<Engine>;

  #loadEngine(base: string): Promise<Engine> {
    this.#engine ??= import('./search-engine.ts');
    void this.#engine.then((engine) => engine.loadPagefind(base)).catch(() => undefined);
    return this.#engine;
  }

  connectedCallback(): void {
    const dialog = this.querySelector('dialog')!;
    const trigger = this.querySelector<HTMLAnchorElement>('[data-search-open]')!;
    const input = this.querySelector<HTMLInputElement>('input[type="search"]')!;
    const results = this.querySelector<HTMLElement>('[data-search-results]')!;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const more = this.querySelector<HTMLAnchorElement>('[data-search-more]')!;
    const base = this.dataset.base ?? '/';
    const searchPage = this.dataset.searchPage ?? `${base}search/`;

    const open = () => {
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
      void this.#loadEngine(base);
    };

    trigger.addEventListener('click', (event) => {
      event.preventDefault();
      open();
    });
    this.querySelector('[data-search-close]')!.addEventListener('click', () => dialog.close());
    // A click on the backdrop closes the dialog.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    // The browser returns focus to where it was before opening; when that was
    // nowhere (opened with "/" from the page body), give it to the search button.
    dialog.addEventListener('close', () => {
      const focused = document.activeElement;
      if (focused === null || focused === document.body || dialog.contains(focused)) trigger.focus();
    });
    document.addEventListener('keydown', (event) => {
      if (isSearchShortcut(event, isEditable(event.target))) {
        event.preventDefault();
        open();
      }
    });

    let latest = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let previousTop: string[] | undefined;
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
    const search = async (query: string, ticket: number, typedAt: number) => {
      const engine = await this.#loadEngine(base);
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
        status.textContent = engine.describeCount(outcome.total, query);
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
      void this.#loadEngine(base).then((engine) => engine.preload(base, query));
      timer = setTimeout(() => void search(query, ticket, typedAt), searchDelay(query));
    });
    dialog.addEventListener('keydown', (event) => handleResultKeys(event, input, results));
    // Enter in the field opens the first result. With no results yet, the form
    // goes to the search page with the query, which works the same.
    input.form?.addEventListener('submit', (event) => {
      const first = results.querySelector<HTMLAnchorElement>('a[data-search-result]');
      if (first && results.dataset.renderedQuery === input.value.trim()) {
        event.preventDefault();
        first.click();
      }
    });
  }
}

customElements.define('mfg-search', SearchDialogElement);
