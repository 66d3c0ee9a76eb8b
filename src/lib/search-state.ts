/**
 * Search state as it lives in the URL (?q=...&topic=...&audience=...), so a
 * search can be linked, bookmarked and undone with the back button.
 */
export interface SearchState {
  query: string;
  /** Filter name (e.g. "topic") to the values ticked for it. */
  filters: Record<string, string[]>;
}

export const FILTER_NAMES = ['topic', 'audience'] as const;

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const name of FILTER_NAMES) {
    const values = [...new Set(params.getAll(name).map((value) => value.trim()).filter(Boolean))];
    if (values.length > 0) filters[name] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const name of FILTER_NAMES) {
    for (const value of state.filters[name] ?? []) params.append(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's filter argument: any of the ticked values within a filter, all filters together. */
export function toPagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(state.filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

/** Whether a keyboard event should open search: "/" outside text fields, or Ctrl/Cmd+K anywhere. */
export function isSearchShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  targetIsEditable: boolean,
): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !targetIsEditable;
}
