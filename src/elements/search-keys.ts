/** Up/Down arrows move between result links and back to the search field. */
export function handleArrowKeys(event: KeyboardEvent, input: HTMLInputElement, container: HTMLElement): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...container.querySelectorAll<HTMLAnchorElement>('a[data-search-result]')];
  if (links.length === 0) return;
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  event.preventDefault();
  if (event.key === 'ArrowDown') links[Math.min(index + 1, links.length - 1)]?.focus();
  else if (index <= 0) input.focus();
  else links[index - 1]?.focus();
}
