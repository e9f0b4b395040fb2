import { describe, expect, it } from 'vitest';
import { searchFilters } from '../src/browser/search-engine.ts';
import { emptyState } from '../src/browser/search-state.ts';

describe('searchFilters', () => {
  it('passes topic, year, month, venue and "has code" to Pagefind as the indexer named them', () => {
    expect(searchFilters({ ...emptyState, q: 'x', topic: 'nlp', year: '2025', month: '2025-03', venue: 'ICLR 2024', code: true, sort: 'date', from: '2025-01-06' })).toEqual({
      topic: 'nlp', year: '2025', month: '2025-03', venue: 'ICLR 2024', code: 'yes',
    });
  });

  it('filters nothing for a search by words alone', () => {
    expect(searchFilters({ ...emptyState, q: 'lora' })).toEqual({});
  });
});
