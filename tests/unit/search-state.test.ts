import { describe, expect, it } from 'vitest';
import { isSearchShortcut } from '../../src/lib/search-shortcut.ts';
import {
  describeSearchResults,
  nextResultIndex,
  parseSearchState,
  serializeSearchState,
} from '../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  it('round-trips a query and filters', () => {
    const state = {
      query: 'my mentor never replies',
      filters: { topic: ['The mentoring relationship'], audience: ['Intern', 'Resident'] },
    };
    const text = serializeSearchState(state);
    expect(text).toBe('?q=my+mentor+never+replies&topic=The+mentoring+relationship&audience=Intern&audience=Resident');
    expect(parseSearchState(text)).toEqual(state);
  });

  it('ignores unknown parameters, blanks and duplicates', () => {
    expect(parseSearchState('?q=%20+&utm=x&topic=A&topic=A&topic=')).toEqual({ query: '', filters: { topic: ['A'] } });
    expect(serializeSearchState({ query: ' ', filters: {} })).toBe('');
  });
});

describe('the line above the results', () => {
  const words = (query: string) => ({ query, filters: {} });
  const filtered = (query: string) => ({ query, filters: { topic: ['Research'] } });

  it('counts the guides that match the words', () => {
    expect(describeSearchResults(words('burnout'), 13)).toBe('13 guides match “burnout”.');
    expect(describeSearchResults(words('burnout'), 1)).toBe('1 guide matches “burnout”.');
    expect(describeSearchResults(filtered('burnout'), 2)).toBe('2 guides match “burnout” with these filters.');
  });

  it('blames the filters, not the words, when the filters leave nothing', () => {
    expect(describeSearchResults(words('burnout'), 0)).toBe('No guides match “burnout”. Try fewer or different words.');
    expect(describeSearchResults(filtered('burnout'), 0)).toBe(
      'No guides match “burnout” with these filters. Untick a filter, or try other words.',
    );
  });

  it('counts guides by filter alone, and says nothing before there is anything to search for', () => {
    expect(describeSearchResults(filtered(''), 4)).toBe('4 guides match the filters.');
    expect(describeSearchResults(filtered(''), 0)).toBe('No guides match the filters.');
    expect(describeSearchResults(words(''), 0)).toBe('');
    expect(describeSearchResults({ query: '', filters: { topic: [] } }, 0)).toBe('');
  });
});

describe('search shortcuts', () => {
  const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...extra,
  });

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

describe('moving through results with the keyboard', () => {
  it('goes down from the field into the list and stops at the end', () => {
    expect(nextResultIndex(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextResultIndex(1, 3, 'ArrowDown')).toBe(2);
    expect(nextResultIndex(2, 3, 'ArrowDown')).toBe(2);
  });

  it('goes up to the previous result, and from the first back to the field', () => {
    expect(nextResultIndex(2, 3, 'ArrowUp')).toBe(1);
    expect(nextResultIndex(0, 3, 'ArrowUp')).toBe(-1);
  });

  it('jumps with Home and End, and ignores other keys and empty lists', () => {
    expect(nextResultIndex(1, 3, 'Home')).toBe(0);
    expect(nextResultIndex(0, 3, 'End')).toBe(2);
    expect(nextResultIndex(0, 3, 'Enter')).toBeUndefined();
    expect(nextResultIndex(-1, 0, 'ArrowDown')).toBeUndefined();
  });
});
