import { describe, expect, it } from 'vitest';
import {
  resultsSettled,
  SEARCH_DEBOUNCE_MS,
  searchDelay,
  SHORT_WORD_DEBOUNCE_MS,
} from '../../src/lib/search-options.ts';
import {
  applyFilters,
  boostPhrases,
  combineTermResults,
  filterCounts,
  isPhraseQuery,
  minimumMatch,
  queryPhrases,
  queryTerms,
  rerankByTitle,
  type FilterIndex,
} from '../../src/lib/search-query.ts';

describe('query terms', () => {
  it('keeps the words that say what the reader wants', () => {
    expect(queryTerms('My mentor never replies?')).toEqual(['mentor', 'never', 'replies']);
    expect(queryTerms('am I burned out')).toEqual(['burned', 'out']);
    expect(queryTerms('do i even need a mentor')).toEqual(['need', 'mentor']);
    expect(queryTerms('how many LORs for ERAS')).toEqual(['many', 'lors', 'eras']);
  });

  it('keeps hyphens and apostrophes inside words, drops outer punctuation and repeats', () => {
    expect(queryTerms('"co-resident", dean\'s letter; letter')).toEqual(['co-resident', "dean's", 'letter']);
  });

  it('keeps stop words when there is nothing else, so a half-typed question still searches', () => {
    expect(queryTerms('what is')).toEqual(['what', 'is']);
    expect(queryTerms('   ')).toEqual([]);
  });

  it('recognises quoted phrases', () => {
    expect(isPhraseQuery('"managing up"')).toBe(true);
    expect(isPhraseQuery('managing up')).toBe(false);
  });
});

describe('query phrases', () => {
  it('joins neighbouring meaningful words with the small words between them', () => {
    expect(queryPhrases('more than one mentor')).toEqual(['more than one', 'one mentor']);
    expect(queryPhrases('do I need a mentor')).toEqual(['need a mentor']);
    expect(queryPhrases('burnout')).toEqual([]);
  });
});

describe('combining per-word results', () => {
  it('needs at least half of the words', () => {
    expect([1, 2, 3, 4, 5].map(minimumMatch)).toEqual([1, 1, 2, 2, 3]);
  });

  it('ranks a page with more of the words above one with a single strong word', () => {
    const combined = combineTermResults([
      [
        { id: 'strong-one-word', score: 6 },
        { id: 'both-words', score: 2 },
      ],
      [
        { id: 'both-words', score: 2.5 },
        { id: 'other', score: 1 },
      ],
    ]);
    expect(combined.map((candidate) => candidate.id)).toEqual(['both-words', 'strong-one-word', 'other']);
    expect(combined[0]).toEqual({ id: 'both-words', score: 4.5, matched: [0, 1], titleMatches: 0 });
    expect(combined[1]!.score).toBe(3);
  });

  it('drops pages matching fewer than half of the words, and ignores words found nowhere', () => {
    const combined = combineTermResults([
      [{ id: 'a', score: 1 }],
      [
        { id: 'a', score: 1 },
        { id: 'b', score: 5 },
      ],
      [{ id: 'c', score: 9 }],
      [],
    ]);
    // Three words were found, so two are needed: only "a" has two.
    expect(combined.map((candidate) => candidate.id)).toEqual(['a']);
    expect(combineTermResults([[], []])).toEqual([]);
  });

  it('lifts pages that contain the phrases word for word', () => {
    const candidates = [
      { id: 'scattered', score: 3, matched: [0, 1], titleMatches: 0 },
      { id: 'together', score: 2, matched: [0, 1], titleMatches: 0 },
    ];
    expect(boostPhrases(candidates, [new Set(['together'])], 1).map((candidate) => candidate.id)).toEqual([
      'together',
      'scattered',
    ]);
    expect(boostPhrases(candidates, [], 1)).toEqual(candidates);
  });
});

describe('title matches', () => {
  it('counts, per page, the words Pagefind found in its title', () => {
    const combined = combineTermResults([
      [{ id: 'a', score: 1, inTitle: true }],
      [
        { id: 'a', score: 1, inTitle: false },
        { id: 'b', score: 1, inTitle: true },
      ],
    ]);
    expect(combined.find((candidate) => candidate.id === 'a')?.titleMatches).toBe(1);
    expect(combined.find((candidate) => candidate.id === 'b')?.titleMatches).toBe(1);
  });

  it('moves a title match above a slightly better-scored passing mention, but not above a far better one', () => {
    const results = [
      { id: 'mention', score: 10, titleMatches: 1 },
      { id: 'title', score: 9, titleMatches: 3 },
      { id: 'far', score: 2, titleMatches: 3 },
    ];
    expect(rerankByTitle(results, 3, 0.3).map((result) => result.id)).toEqual(['title', 'mention', 'far']);
    expect(rerankByTitle(results, 0, 0.3)).toEqual(results);
  });
});

describe('filters', () => {
  const index: FilterIndex = {
    topic: { Research: new Set(['r1', 'r2']), Feedback: new Set(['f1']) },
    audience: { Intern: new Set(['r1', 'f1']), Mentor: new Set(['r2']) },
  };
  const ids = ['r2', 'f1', 'r1'];

  it('keeps results with any ticked value in each filter, and every filter together', () => {
    expect(applyFilters(ids, index, {})).toEqual(ids);
    expect(applyFilters(ids, index, { topic: ['Research', 'Feedback'] })).toEqual(ids);
    expect(applyFilters(ids, index, { topic: ['Research'], audience: ['Intern'] })).toEqual(['r1']);
  });

  it('counts each value against the other filters, so ticking another value shows what it adds', () => {
    expect(filterCounts(ids, index, {})).toEqual({
      topic: { Research: 2, Feedback: 1 },
      audience: { Intern: 2, Mentor: 1 },
    });
    expect(filterCounts(ids, index, { topic: ['Research'] })).toEqual({
      topic: { Research: 2, Feedback: 1 },
      audience: { Intern: 1, Mentor: 1 },
    });
    expect(filterCounts(['f1'], index, { audience: ['Mentor'] })).toEqual({
      topic: { Research: 0, Feedback: 0 },
      audience: { Intern: 1, Mentor: 0 },
    });
  });
});

describe('when to fetch excerpts while typing', () => {
  it('waits for a pause in typing while the top results still change', () => {
    expect(searchDelay('burnout')).toBe(SEARCH_DEBOUNCE_MS);
    expect(searchDelay('research pr')).toBe(SHORT_WORD_DEBOUNCE_MS);
    expect(searchDelay('PD')).toBe(SHORT_WORD_DEBOUNCE_MS);
  });

  it('fetches at once when the top results are the same as for the previous keystroke', () => {
    expect(resultsSettled(undefined, ['a', 'b'])).toBe(false);
    expect(resultsSettled(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(resultsSettled(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(resultsSettled(['a'], ['a', 'b'])).toBe(false);
  });
});
