/**
 * <mfg-search> in the header: a link to the all-guides index without
 * JavaScript; with it, the search button and the "/" and Ctrl/Cmd+K shortcuts.
 * The dialog itself (search-dialog.ts) loads on first use, and starts loading
 * as soon as the pointer or focus reaches the button, so pages stay light.
 */
import { isSearchShortcut } from '../lib/search-shortcut.ts';

type DialogModule = typeof import('./search-dialog.ts');

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

class SearchElement extends HTMLElement {
  #module?: Promise<DialogModule>;

  #load(): Promise<DialogModule> {
    this.#module ??= import('./search-dialog.ts');
    return this.#module;
  }

  connectedCallback(): void {
    const trigger = this.querySelector<HTMLAnchorElement>('[data-search-open]');
    if (!trigger) return;
    const open = () => {
      void this.#load().then((module) => module.openSearchDialog(this, trigger));
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
