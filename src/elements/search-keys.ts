import { nextResultIndex } from '../lib/search-state.ts';

/**
 * Arrow keys move focus through the result links (pages and their sections)
 * and back up to the search field; Enter then opens the focused link, as links do.
 */
export function handleResultKeys(event: KeyboardEvent, input: HTMLInputElement, container: HTMLElement): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const links = [...container.querySelectorAll<HTMLAnchorElement>('a[data-search-result]')];
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  // Home and End belong to the text field while typing.
  if (current === -1 && (event.key === 'Home' || event.key === 'End')) return;
  const next = nextResultIndex(current, links.length, event.key);
  if (next === undefined) return;
  event.preventDefault();
  if (next === -1) input.focus();
  else links[next]?.focus();
}
