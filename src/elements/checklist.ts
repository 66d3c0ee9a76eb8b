/**
 * <mfg-checklist>: upgrades a server-rendered checklist (Checklist.astro) to
 * native checkboxes with labels, a live "3 of 7 done" count, reset with
 * confirmation and printing with ticks. Ticks are saved by checklist id and
 * item id in src/lib/checklist-store.ts, via the page's shared store.
 */
import { progressStore, unsavedMessage } from './progress-store.ts';

class ChecklistElement extends HTMLElement {
  #render: (() => void) | undefined;
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    // Moved in the page: already upgraded, so only listen again.
    if (this.#render) {
      this.#render();
      this.#unsubscribe ??= progressStore.subscribe(this.#render);
      return;
    }
    const checklistId = this.dataset.checklistId;
    const section = this.closest<HTMLElement>('section');
    if (!checklistId || !section) return;
    const inputs = [...this.querySelectorAll<HTMLLIElement>('li[data-item]')].map((item) =>
      this.#upgradeItem(item, checklistId, section.id),
    );
    const itemIds = inputs.map((input) => input.value);
    const count = this.querySelector<HTMLElement>('[data-count]');
    const notice = this.querySelector<HTMLElement>('[data-unsaved]');
    const actions = this.querySelector<HTMLElement>('[data-actions]');
    // The heading's only text is the title: its "#" link is drawn by CSS.
    const title = section.querySelector('h3')?.textContent?.trim() ?? '';

    const render = () => {
      for (const input of inputs) {
        input.checked = progressStore.isDone(checklistId, input.value);
        input.closest('li')?.toggleAttribute('data-done', input.checked);
      }
      const { done, total } = progressStore.count(checklistId, itemIds);
      const text = `${done} of ${total} done`;
      // Only real changes reach the live region, so screen readers hear each change once.
      if (count && count.textContent !== text) count.textContent = text;
      if (notice) {
        notice.hidden = progressStore.persistent;
        if (!progressStore.persistent && notice.textContent !== unsavedMessage()) notice.textContent = unsavedMessage();
      }
    };

    this.addEventListener('change', (event) => {
      const input = event.target;
      if (input instanceof HTMLInputElement && inputs.includes(input))
        progressStore.setDone(checklistId, input.value, input.checked);
    });

    this.querySelector<HTMLButtonElement>('[data-reset]')?.addEventListener('click', async (event) => {
      const opener = event.currentTarget as HTMLButtonElement;
      const { confirmWith } = await import('./confirm-dialog.ts');
      const confirmed = await confirmWith(opener, {
        title: `Reset “${title}”?`,
        text: "This unticks every item in this checklist on this device. It can't be undone.",
        confirmLabel: 'Reset checklist',
      });
      if (confirmed) progressStore.reset(checklistId);
    });

    this.querySelector('[data-print]')?.addEventListener('click', () => printOnly(section));

    this.#render = render;
    render();
    this.#unsubscribe = progressStore.subscribe(render);
    if (count) count.hidden = false;
    if (actions) actions.hidden = false;
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Replaces the printable empty box with a native checkbox labelled by the item's text. */
  #upgradeItem(item: HTMLLIElement, checklistId: string, anchor: string): HTMLInputElement {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.className = 'checklist-checkbox';
    input.value = item.dataset.item ?? '';
    input.id = `${anchor}--${input.value}`;
    input.name = `checklist-${checklistId}`;
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.className = 'checklist-text';
    // The item's text (and any markup in it) is in the span after the printable box.
    label.append(...(item.lastElementChild?.childNodes ?? []));
    item.replaceChildren(input, label);
    return input;
  }
}

let printing: HTMLElement | undefined;

/** Prints one checklist with its ticks; the print stylesheet hides everything else while the attribute is set. */
function printOnly(section: HTMLElement): void {
  printing = section;
  document.documentElement.setAttribute('data-print-checklist', '');
  section.setAttribute('data-printing', '');
  window.print();
}

function endPrint(): void {
  document.documentElement.removeAttribute('data-print-checklist');
  printing?.removeAttribute('data-printing');
  printing = undefined;
}

addEventListener('afterprint', endPrint);
// Printing from the browser menu prints the whole guide, even if an earlier print never reported its end.
addEventListener('beforeprint', () => {
  if (!printing) endPrint();
});

customElements.define('mfg-checklist', ChecklistElement);
