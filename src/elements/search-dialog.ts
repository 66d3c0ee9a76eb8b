import { isSearchShortcut, serializeSearchState } from '../lib/search-state.ts';
import { handleArrowKeys } from './search-keys.ts';

type Engine = typeof import('./search-engine.ts');

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** The header search: a link without JavaScript, a dialog with it. */
class SearchDialogElement extends HTMLElement {
  #engine?: Promise<Engine>;

  connectedCallback(): void {
    const dialog = this.querySelector('dialog')!;
    const input = this.querySelector<HTMLInputElement>('input[type="search"]')!;
    const results = this.querySelector<HTMLElement>('[data-search-results]')!;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const more = this.querySelector<HTMLAnchorElement>('[data-search-more]')!;
    const base = this.dataset.base ?? '/';
    const searchPage = this.dataset.searchPage ?? `${base}search/`;

    const open = () => {
      if (dialog.open) return input.focus();
      dialog.showModal();
      input.focus();
      input.select();
      this.#engine ??= import('./search-engine.ts');
      void this.#engine.then((engine) => engine.loadPagefind(base));
    };

    this.querySelector('[data-search-open]')!.addEventListener('click', (event) => {
      event.preventDefault();
      open();
    });
    this.querySelector('[data-search-close]')!.addEventListener('click', () => dialog.close());
    // A click on the backdrop closes the dialog.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    document.addEventListener('keydown', (event) => {
      if (isSearchShortcut(event, isEditable(event.target))) {
        event.preventDefault();
        open();
      }
    });

    let latest = 0;
    input.addEventListener('input', async () => {
      const query = input.value.trim();
      const ticket = ++latest;
      more.href = `${searchPage}${serializeSearchState({ query, filters: {} })}`;
      const engine = await (this.#engine ??= import('./search-engine.ts'));
      const outcome = await engine.runSearch(base, { query, filters: {} }, 8);
      if (!outcome || ticket !== latest) return;
      engine.renderResults(results, outcome.results);
      status.textContent = engine.describeCount(outcome.total, query);
    });
    dialog.addEventListener('keydown', (event) => handleArrowKeys(event, input, results));
    // Enter in the field opens the first result rather than submitting the form.
    input.form?.addEventListener('submit', (event) => {
      const first = results.querySelector<HTMLAnchorElement>('a[data-search-result]');
      if (first) {
        event.preventDefault();
        first.click();
      }
    });
  }
}

customElements.define('mfg-search', SearchDialogElement);
