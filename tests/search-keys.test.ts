import { describe, expect, it } from 'vitest';
import { sortKeys } from '../src/search-keys.ts';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('sortKeys', () => {
  it('orders upvotes as numbers when compared as text (9 before 10 before 100)', () => {
    const keys = [100, 9, 10, 0, 1234567].map((n) => sortKeys('2025-03-11', n).upvotes).sort(byText);
    expect(keys.map((key) => Number(key.split(' ')[0]))).toEqual([0, 9, 10, 100, 1234567]);
  });

  it('orders by day, then upvotes, for the date sort; by upvotes, then day, for the upvotes sort', () => {
    const papers: [string, number][] = [['2025-03-11', 5], ['2025-03-12', 0], ['2025-03-11', 50], ['2024-12-30', 99]];
    const newest = [...papers].sort((a, b) => byText(sortKeys(...b).date, sortKeys(...a).date));
    expect(newest).toEqual([['2025-03-12', 0], ['2025-03-11', 50], ['2025-03-11', 5], ['2024-12-30', 99]]);
    const top = [...papers].sort((a, b) => byText(sortKeys(...b).upvotes, sortKeys(...a).upvotes));
    expect(top).toEqual([['2024-12-30', 99], ['2025-03-11', 50], ['2025-03-11', 5], ['2025-03-12', 0]]);
  });

  it('keeps a fixed width for out-of-range numbers', () => {
    for (const n of [-3, Number.NaN, 1e20, 2.7]) expect(sortKeys('2025-01-01', n).upvotes).toMatch(/^\d{15} 2025-01-01$/);
    expect(sortKeys('2025-01-01', 2.7).upvotes).toBe('000000000000002 2025-01-01');
  });
});
