/**
 * The page's one checklist progress store over localStorage, shared by every
 * <mfg-checklist> and <mfg-progress> on the page, kept in step with other tabs.
 */
import { createProgressStore, PROGRESS_KEY, type StorageLike } from '../lib/checklist-store.ts';

function browserStorage(): StorageLike | null {
  try {
    // Merely reading window.localStorage throws when the browser blocks storage.
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

export const progressStore = createProgressStore(browserStorage());

// Another tab ticked something (key null: that tab cleared all storage).
addEventListener('storage', (event) => {
  if (event.key === PROGRESS_KEY || event.key === null) progressStore.refresh();
});
// Back/forward cache: the page may have missed changes while it was frozen.
addEventListener('pageshow', (event) => {
  if (event.persisted) progressStore.refresh();
});

/** What to tell the reader when ticks are not being saved. */
export function unsavedMessage(): string {
  return progressStore.unsavedReason === 'failed'
    ? "Progress can't be saved right now: this browser's storage is full or blocked, so new ticks last only until you leave this page."
    : "Progress won't be saved: this browser isn't letting the site store anything, so your ticks last only until you leave this page. Print the checklist to keep a copy.";
}
