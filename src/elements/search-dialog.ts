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

/** The dialog, built on first use so its markup is not in every page. */
const DIALOG_HTML = `
<div class="flex h-full flex-col sm:max-h-[80vh]">
  <form role="search" class="flex items-center gap-2 border-b border-line p-3" data-search-form>
    <h2 id="search-dialog-title" class="sr-only">Search the guides</h2>
    <label for="search-dialog-input" class="sr-only">Search the guides</label>
    <input id="search-dialog-input" name="q" type="search" autocomplete="off" spellcheck="false"
      placeholder="Search guides, e.g. first meeting"
      class="min-h-11 w-full rounded-md border border-line bg-panel px-3 text-base text-ink"
      aria-controls="search-dialog-results">
    <button type="button" data-search-close class="button">Close</button>
  </form>
  <div class="flex-1 overflow-y-auto p-3">
    <p data-search-status role="status" aria-live="polite" class="mb-2 text-sm text-muted"></p>
    <ol id="search-dialog-results" data-search-results class="space-y-3" aria-label="Results"></ol>
    <p class="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      <a data-search-more>All results, by topic and audience</a>
      <span class="hidden text-muted md:inline"><kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close</span>
    </p>
  </div>
</div>`;

const DIALOG_CLASSES =
  'm-0 h-full max-h-none w-full max-w-none bg-paper p-0 text-ink backdrop:bg-black/50 sm:mx-auto sm:mt-[8vh] ' +
  'sm:h-auto sm:max-h-[80vh] sm:max-w-2xl sm:rounded-xl sm:border sm:border-line';

const dialogs = new WeakMap<HTMLElement, HTMLDialogElement>();

/**
 * Opens the header search for <mfg-search> `host` (search-trigger.ts), creating
 * the dialog the first time. The search engine and Pagefind load when it first
 * opens, never with the page.
 */
export function openSearchDialog(host: HTMLElement, trigger: HTMLElement): void {
  let dialog = dialogs.get(host);
  if (!dialog) {
    dialog = createDialog(host, trigger);
    dialogs.set(host, dialog);
  }
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.focus();
  input.select();
  void loadEngine(host.dataset.base ?? '/');
}

let enginePromise: Promise<Engine> | undefined;

function loadEngine(base: string): Promise<Engine> {
  enginePromise ??= import('./search-engine.ts');
  void enginePromise.then((loaded) => loaded.loadPagefind(base)).catch(() => undefined);
  return enginePromise;
}

function createDialog(host: HTMLElement, trigger: HTMLElement): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-labelledby', 'search-dialog-title');
  dialog.className = DIALOG_CLASSES;
  dialog.innerHTML = DIALOG_HTML;
  host.append(dialog);

  const form = dialog.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const results = dialog.querySelector<HTMLElement>('[data-search-results]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const more = dialog.querySelector<HTMLAnchorElement>('[data-search-more]')!;
  const base = host.dataset.base ?? '/';
  const searchPage = host.dataset.searchPage ?? `${base}search/`;
  form.action = searchPage;
  more.href = searchPage;

  dialog.querySelector('[data-search-close]')!.addEventListener('click', () => dialog.close());
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
  return dialog;
}
