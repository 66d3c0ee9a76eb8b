/**
 * <mfg-path-progress> on a reading path's page: fills in the reader's progress
 * on every checklist in the path's guides, per checklist, per step and for the
 * whole path, from the ticks saved in this browser (src/lib/checklist-store.ts,
 * through the page's shared store), and keeps it current when another tab ticks.
 */
import { describeChecklistProgress, describePathProgress, sumProgress, type ProgressCount } from '../lib/paths.ts';
import { progressStore, unsavedMessage } from './progress-store.ts';

function itemIds(element: HTMLElement): string[] {
  return (element.dataset.items ?? '').split(' ').filter(Boolean);
}

class PathProgressElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    if (this.#unsubscribe) return;
    const steps = [...this.querySelectorAll<HTMLElement>('[data-step]')];
    const summary = this.querySelector<HTMLElement>('[data-path-summary]');
    const bar = this.querySelector<HTMLProgressElement>('progress[data-path-bar]');
    const notice = this.querySelector<HTMLElement>('[data-unsaved]');

    const render = () => {
      const all: ProgressCount[] = [];
      for (const step of steps) {
        const counts: ProgressCount[] = [];
        for (const row of step.querySelectorAll<HTMLElement>('[data-checklist]')) {
          const count = progressStore.count(row.dataset.checklist ?? '', itemIds(row));
          // Reflective prompts are not tasks: they neither count toward the path nor show a count.
          const reflective = 'reflective' in row.dataset;
          if (!reflective) counts.push(count);
          const text = describeChecklistProgress(count, reflective, 'short');
          const output = row.querySelector('[data-count]');
          if (output && output.textContent !== text) output.textContent = text;
        }
        all.push(...counts);
        const stepTotal = sumProgress(counts);
        step.toggleAttribute('data-complete', stepTotal.total > 0 && stepTotal.done === stepTotal.total);
        const stepStatus = step.querySelector('[data-step-status]');
        if (stepStatus)
          stepStatus.textContent =
            stepTotal.total > 0 && stepTotal.done === stepTotal.total ? ' · Checklists done' : '';
      }
      const total = sumProgress(all);
      const text = describePathProgress(total, all.length);
      // Only real changes reach the live region, so screen readers hear each change once.
      if (summary && summary.textContent !== text) summary.textContent = text;
      if (bar) {
        bar.max = Math.max(total.total, 1);
        bar.value = total.done;
        bar.hidden = total.total === 0;
      }
      if (notice) {
        notice.hidden = progressStore.persistent;
        if (!progressStore.persistent) notice.textContent = unsavedMessage();
      }
    };

    render();
    this.#unsubscribe = progressStore.subscribe(render);
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

customElements.define('mfg-path-progress', PathProgressElement);
