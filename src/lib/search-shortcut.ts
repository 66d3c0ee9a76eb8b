/**
 * The keyboard shortcuts that open search. On its own so the small script every
 * page loads (src/elements/search-trigger.ts) does not pull in the rest of the
 * search code.
 */

/** Whether a keyboard event should open search: "/" outside text fields, or Ctrl/Cmd+K anywhere. */
export function isSearchShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  targetIsEditable: boolean,
): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !targetIsEditable;
}
