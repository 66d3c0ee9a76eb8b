/**
 * The confirmation asked before a reset (a checklist on a guide, or a row or
 * everything on "My progress"). Loaded when a reader presses such a button, not
 * with the page: most visits never reset anything.
 */
export interface Confirmation {
  /** The question, e.g. "Reset “Before your first meeting”?". */
  title: string;
  /** What confirming does. */
  text: string;
  /** The confirm button's label. */
  confirmLabel: string;
}

let confirmations = 0;

/**
 * Asks in a modal <dialog>, built only when needed (not written into every page
 * that has a checklist), with Cancel focused; resolves true if confirmed, then
 * removes the dialog and puts focus back on the button that asked.
 */
export function confirmWith(opener: HTMLElement, { title, text, confirmLabel }: Confirmation): Promise<boolean> {
  const id = `confirm-${++confirmations}`;
  const dialog = document.createElement('dialog');
  dialog.className = 'max-w-md rounded-lg border border-line bg-paper p-5 text-ink backdrop:bg-black/50';
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-text`);
  const form = document.createElement('form');
  form.method = 'dialog';
  const paragraph = (textContent: string, className: string, suffix: string) =>
    Object.assign(document.createElement('p'), { textContent, className, id: `${id}-${suffix}` });
  const button = (textContent: string, className: string, value: string) =>
    Object.assign(document.createElement('button'), { type: 'submit', textContent, className, value });
  const cancel = button('Cancel', 'button', 'cancel');
  cancel.autofocus = true;
  const buttons = document.createElement('div');
  buttons.className = 'mt-4 flex flex-wrap justify-end gap-2';
  buttons.append(cancel, button(confirmLabel, 'button button-primary', 'confirm'));
  form.append(paragraph(title, 'text-lg font-semibold', 'title'), paragraph(text, 'mt-2', 'text'), buttons);
  dialog.append(form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        dialog.remove();
        opener.focus();
        resolve(dialog.returnValue === 'confirm');
      },
      { once: true },
    );
    dialog.showModal();
  });
}
