import { describe, expect, it } from 'vitest';
import { isSearchShortcut, parseSearchState, serializeSearchState, toPagefindFilters } from '../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  it('round-trips a query and filters', () => {
    const state = { query: 'my mentor never replies', filters: { topic: ['The mentoring relationship'], audience: ['Intern', 'Resident'] } };
    const text = serializeSearchState(state);
    expect(text).toBe('?q=my+mentor+never+replies&topic=The+mentoring+relationship&audience=Intern&audience=Resident');
    expect(parseSearchState(text)).toEqual(state);
  });

  it('ignores unknown parameters, blanks and duplicates', () => {
    expect(parseSearchState('?q=%20+&utm=x&topic=A&topic=A&topic=')).toEqual({ query: '', filters: { topic: ['A'] } });
    expect(serializeSearchState({ query: ' ', filters: {} })).toBe('');
  });

  it('builds Pagefind filters: any value within a filter', () => {
    expect(toPagefindFilters({ query: '', filters: { audience: ['Intern', 'Resident'], topic: [] } })).toEqual({
      audience: { any: ['Intern', 'Resident'] },
    });
  });
});

describe('search shortcuts', () => {
  const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...extra });

  it('opens on "/" outside text fields only', () => {
    expect(isSearchShortcut(key('/'), false)).toBe(true);
    expect(isSearchShortcut(key('/'), true)).toBe(false);
  });

  it('opens on Ctrl+K and Cmd+K anywhere', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }), true)).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('k'), false)).toBe(false);
  });
});
