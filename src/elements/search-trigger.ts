/**
 * <mfg-search> in the header: a link to the all-guides index without
 * JavaScript; with it, the search button and the "/" and Ctrl/Cmd+K shortcuts
 * open a search dialog. The dialog is built and focused at once, so nothing
 * the reader types is lost; what makes it search (search-dialog.ts, then the
 * engine and Pagefind) loads on first use, starting as soon as the pointer or
 * focus reaches the button, so pages stay light.
 */
import { isSearchShortcut } from '../lib/search-shortcut.ts';

type DialogModule = typeof import('./search-dialog.ts');

/** The dialog, built on first use so its markup is not in every page's HTML (unindented: the bytes ship). */
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
<ol id="search-dialog-results" data-search-results class="stack-3" aria-label="Results"></ol>
<p class="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
<a data-search-more>All results, by topic and audience</a>
<span class="hidden text-muted md:inline"><kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close</span>
</p>
</div>
</div>`;

const DIALOG_CLASSES =
  'm-0 h-full max-h-none w-full max-w-none bg-paper p-0 text-ink backdrop:bg-black/50 sm:mx-auto sm:mt-[8vh] ' +
  'sm:h-auto sm:max-h-[80vh] sm:max-w-2xl sm:rounded-xl sm:border sm:border-line';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

class SearchElement extends HTMLElement {
  #module?: Promise<DialogModule>;
  #dialog?: HTMLDialogElement;

  #load(): Promise<DialogModule> {
    this.#module ??= import('./search-dialog.ts');
    return this.#module;
  }

  #createDialog(trigger: HTMLElement): HTMLDialogElement {
    const dialog = document.createElement('dialog');
    dialog.setAttribute('aria-labelledby', 'search-dialog-title');
    dialog.className = DIALOG_CLASSES;
    dialog.innerHTML = DIALOG_HTML;
    const searchPage = this.dataset.searchPage ?? `${this.dataset.base ?? '/'}search/`;
    // Until search has loaded, Enter goes to the search page with the query, which works the same.
    dialog.querySelector('form')!.action = searchPage;
    dialog.querySelector<HTMLAnchorElement>('[data-search-more]')!.href = searchPage;
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
    this.append(dialog);
    return dialog;
  }

  connectedCallback(): void {
    const trigger = this.querySelector<HTMLAnchorElement>('[data-search-open]');
    if (!trigger) return;
    const open = () => {
      const dialog = (this.#dialog ??= this.#createDialog(trigger));
      if (!dialog.open) dialog.showModal();
      const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.focus();
      input.select();
      void this.#load().then((module) => module.wireSearchDialog(this, dialog));
    };
    for (const intent of ['pointerenter', 'focus', 'touchstart'] as const) {
      trigger.addEventListener(intent, () => void this.#load(), { once: true, passive: true });
    }
    trigger.addEventListener('click', (event) => {
      event.preventDefault();
      open();
    });
    document.addEventListener('keydown', (event) => {
      if (isSearchShortcut(event, isEditable(event.target))) {
        event.preventDefault();
        open();
      }
    });
  }
}

customElements.define('mfg-search', SearchElement);
