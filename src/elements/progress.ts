/**
 * <mfg-progress> on the "My progress" page: fills in each checklist's progress
 * from the saved ticks, and offers reset, clear all, export and import.
 */
import { describeChecklistProgress } from '../lib/paths.ts';
import { MAX_IMPORT_CHARS, exportProgress, importProgress } from '../lib/progress-file.ts';
import { progressStore, unsavedMessage } from './progress-store.ts';

class ProgressElement extends HTMLElement {
  connectedCallback(): void {
    const rows = [...this.querySelectorAll<HTMLElement>('li[data-checklist]')];
    const notice = this.querySelector<HTMLElement>('[data-unsaved]');
    const message = this.querySelector<HTMLElement>('[data-message]');
    const tools = this.querySelector<HTMLElement>('[data-tools]');

    const render = () => {
      for (const row of rows) {
        const { done, total } = progressStore.count(row.dataset.checklist ?? '', (row.dataset.items ?? '').split(' '));
        const count = row.querySelector('[data-count]');
        if (count) count.textContent = describeChecklistProgress({ done, total }, 'reflective' in row.dataset);
        // Nothing to reset on an untouched checklist: no button, and one tab stop fewer per row.
        const reset = row.querySelector<HTMLButtonElement>('[data-reset]');
        if (reset) reset.hidden = done === 0;
      }
      if (notice) {
        notice.hidden = progressStore.persistent;
        if (!progressStore.persistent) notice.textContent = unsavedMessage();
      }
    };

    const ask = async (opener: HTMLElement, title: string, text: string, confirmLabel: string) => {
      const { confirmWith } = await import('./confirm-dialog.ts');
      return confirmWith(opener, { title, text, confirmLabel });
    };

    const say = (text: string, isError = false) => {
      if (!message) return;
      message.textContent = text;
      message.classList.toggle('text-warn', isError);
    };

    for (const row of rows) {
      const button = row.querySelector<HTMLButtonElement>('[data-reset]');
      if (!button) continue;
      button.addEventListener('click', async () => {
        const title = row.querySelector('a')?.textContent?.trim() ?? 'this checklist';
        if (
          await ask(
            button,
            `Reset “${title}”?`,
            "This unticks every item in this checklist on this device. It can't be undone.",
            'Reset checklist',
          )
        ) {
          progressStore.reset(row.dataset.checklist ?? '');
          // The button is gone now (nothing left to reset): keep focus in the row.
          row.querySelector('a')?.focus();
          say(`“${title}” was reset.`);
        }
      });
    }

    this.querySelector<HTMLButtonElement>('[data-clear]')?.addEventListener('click', async (event) => {
      const opener = event.currentTarget as HTMLButtonElement;
      const text =
        "This unticks every checklist on this device. It can't be undone, so export your progress first if you might want it back.";
      if (await ask(opener, 'Clear all progress?', text, 'Clear all progress')) {
        progressStore.clearAll();
        say('All progress was cleared.');
      }
    });

    this.querySelector('[data-export]')?.addEventListener('click', () => {
      const url = URL.createObjectURL(
        new Blob([exportProgress(progressStore.snapshot(), new Date())], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `mentor-field-guide-progress-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      say('Your progress was exported. Keep the file to import it later or on another device.');
    });

    const input = this.querySelector<HTMLInputElement>('[data-import]');
    input?.addEventListener('change', async () => {
      const file = input.files?.[0];
      input.value = ''; // so choosing the same file again still imports
      if (!file) return;
      if (file.size > MAX_IMPORT_CHARS) {
        say("This file can't be imported: it is too large to be a progress file. Nothing was changed.", true);
        return;
      }
      const result = importProgress(progressStore, await file.text());
      if (!result.ok) {
        say(result.message, true);
        return;
      }
      const what = `${result.ticks} tick${result.ticks === 1 ? '' : 's'} from ${result.checklists} checklist${result.checklists === 1 ? '' : 's'}`;
      say(
        `Imported ${what}; they were added to your progress.${result.saved ? '' : " They can't be saved in this browser, so they last only for this visit."}`,
      );
    });

    render();
    progressStore.subscribe(render);
    if (tools) tools.hidden = false;
  }
}

customElements.define('mfg-progress', ProgressElement);
