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
    const values = [
      ...new Set(
        params
          .getAll(name)
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ];
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

/**
 * The line above the results (read out by screen readers as it changes). It says
 * when filters, not the words, leave nothing to show, so the fix is not "other
 * words". Empty when there is nothing to search for yet.
 */
export function describeSearchResults(state: SearchState, total: number): string {
  const filtered = Object.values(state.filters).some((values) => values.length > 0);
  const guides = (count: number) => `${count} ${count === 1 ? 'guide matches' : 'guides match'}`;
  if (!state.query) {
    if (!filtered) return '';
    return total === 0 ? 'No guides match the filters.' : `${guides(total)} the filters.`;
  }
  const words = `“${state.query}”`;
  if (total > 0) return `${guides(total)} ${words}${filtered ? ' with these filters' : ''}.`;
  return filtered
    ? `No guides match ${words} with these filters. Untick a filter, or try other words.`
    : `No guides match ${words}. Try fewer or different words.`;
}

/**
 * Where focus goes in a result list on a key press: an index into the result
 * links, -1 for the search field, or undefined when the key is not for the list.
 * `current` is -1 while the search field has focus.
 */
export function nextResultIndex(current: number, count: number, key: string): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return current <= 0 ? -1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
