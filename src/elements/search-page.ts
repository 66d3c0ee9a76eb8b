import { parseSearchState, serializeSearchState, type SearchState } from '../lib/search-state.ts';
import { handleArrowKeys } from './search-keys.ts';

/** The search page: query and filters live in the URL so searches can be linked. */
class SearchPageElement extends HTMLElement {
  connectedCallback(): void {
    const base = this.dataset.base ?? '/';
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('input[type="search"]')!;
    const results = this.querySelector<HTMLElement>('[data-search-results]')!;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const boxes = [...this.querySelectorAll<HTMLInputElement>('[data-search-filters] input[type="checkbox"]')];
    const engine = import('./search-engine.ts');
    let latest = 0;

    const readForm = (): SearchState => {
      const filters: Record<string, string[]> = {};
      for (const box of boxes) if (box.checked) (filters[box.name] ??= []).push(box.value);
      return { query: input.value.trim(), filters };
    };
    const writeForm = (state: SearchState) => {
      input.value = state.query;
      for (const box of boxes) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
    };
    const run = async (state: SearchState) => {
      const ticket = ++latest;
      const { runSearch, renderResults, describeCount } = await engine;
      const outcome = await runSearch(base, state, 20);
      if (!outcome || ticket !== latest) return;
      renderResults(results, outcome.results);
      const filtered = Object.keys(state.filters).length > 0;
      status.textContent = state.query
        ? describeCount(outcome.total, state.query)
        : filtered
          ? `${outcome.total} ${outcome.total === 1 ? 'guide' : 'guides'} match the filters.`
          : 'Type a question or a few words.';
      for (const box of boxes) {
        const count = outcome.filters[box.name]?.[box.value] ?? 0;
        const label = box.parentElement?.querySelector('[data-filter-count]');
        if (label) label.textContent = String(count);
      }
    };
    const update = (push: boolean) => {
      const state = readForm();
      const url = `${location.pathname}${serializeSearchState(state)}`;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      void run(state);
    };

    writeForm(parseSearchState(location.search));
    void run(readForm());
    input.addEventListener('input', () => update(false));
    for (const box of boxes) box.addEventListener('change', () => update(true));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update(true);
    });
    addEventListener('popstate', () => {
      const state = parseSearchState(location.search);
      writeForm(state);
      void run(state);
    });
    this.addEventListener('keydown', (event) => handleArrowKeys(event, input, results));
  }
}

customElements.define('mfg-search-page', SearchPageElement);
