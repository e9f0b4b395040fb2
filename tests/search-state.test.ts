import { describe, expect, it } from 'vitest';
import { effectiveSort, emptyState, hasCriteria, parseState, stateQuery } from '../src/browser/search-state.ts';

describe('parseState', () => {
  it('reads every field of a search URL', () => {
    expect(parseState('?q=weight+sharing&topic=federated-learning&year=2025&month=2025-03&venue=ICLR%202024&code=yes&sort=upvotes&from=2025-01-06')).toEqual({
      q: 'weight sharing', topic: 'federated-learning', year: '2025', month: '2025-03', venue: 'ICLR 2024', code: true, sort: 'upvotes', from: '2025-01-06',
    });
  });

  it('drops malformed values so that any link opens', () => {
    expect(parseState('?year=20x5&month=2025-13&sort=random&code=1&from=2025-02&topic=%20%20')).toEqual(emptyState);
    expect(parseState('')).toEqual(emptyState);
    expect(parseState(`?q=${'a'.repeat(5000)}`).q).toHaveLength(300);
  });

  it('keeps the words as typed, markup included (they are only ever shown as text)', () => {
    expect(parseState('?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20').q).toBe('<script>alert(1)</script> ');
  });
});

describe('stateQuery', () => {
  it('writes only what differs from the defaults, in a fixed order', () => {
    expect(stateQuery(emptyState)).toBe('');
    expect(stateQuery({ ...emptyState, sort: 'date', q: 'LoRA', code: true })).toBe('?q=LoRA&code=yes&sort=date');
  });

  it('round-trips through parseState', () => {
    const state = { q: 'SE(3) & $\\mathbb{R}^3$', topic: '機械学習', year: '2025', month: '2025-03', venue: 'A+B', code: true, sort: 'date' as const, from: '2025-03-01' };
    expect(parseState(stateQuery(state))).toEqual(state);
  });

  it('leaves out words that are only spaces', () => {
    expect(stateQuery({ ...emptyState, q: '   ' })).toBe('');
  });
});

describe('hasCriteria and effectiveSort', () => {
  it('needs words or a filter to search', () => {
    expect(hasCriteria(emptyState)).toBe(false);
    expect(hasCriteria({ ...emptyState, sort: 'upvotes' })).toBe(false);
    expect(hasCriteria({ ...emptyState, q: ' x ' })).toBe(true);
    expect(hasCriteria({ ...emptyState, code: true })).toBe(true);
  });

  it('lists newest first when there are no words to rank by', () => {
    expect(effectiveSort({ ...emptyState, topic: 'nlp' })).toBe('date');
    expect(effectiveSort({ ...emptyState, q: 'x' })).toBe('relevance');
    expect(effectiveSort({ ...emptyState, sort: 'upvotes' })).toBe('upvotes');
  });
});
