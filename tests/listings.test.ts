import { describe, expect, it } from 'vitest';
import { compareNewest, compareTrending, groupByPeriod, groupByTopic, neighbours, paginate, type Rankable } from '../src/listings.ts';

let n = 0;
const paper = (overrides: Partial<Rankable> = {}): Rankable => ({ id: `p${++n}`, title: `Paper ${n}`, date: '2025-03-11', upvotes: 0, topics: [], ...overrides });

describe('trending and newest orders', () => {
  it('sorts by upvotes, then title ignoring case and accents, then id', () => {
    const papers = [
      paper({ id: 'a', title: 'beta', upvotes: 1 }),
      paper({ id: 'b', title: 'Alpha', upvotes: 1 }),
      paper({ id: 'c', title: 'zeta', upvotes: 5 }),
      paper({ id: 'd', title: 'Élan', upvotes: 1 }),
      paper({ id: 'e', title: 'alpha', upvotes: 1 }),
    ];
    expect([...papers].sort(compareTrending).map((p) => p.id)).toEqual(['c', 'b', 'e', 'a', 'd']);
  });

  it('sorts numbers in titles by value', () => {
    const papers = [paper({ id: 'x', title: 'GPT-10' }), paper({ id: 'y', title: 'GPT-9' })];
    expect([...papers].sort(compareTrending).map((p) => p.id)).toEqual(['y', 'x']);
  });

  it('puts newer days first, trending within a day', () => {
    const papers = [paper({ id: 'old', date: '2025-01-01', upvotes: 99 }), paper({ id: 'new-low', date: '2025-02-01' }), paper({ id: 'new-high', date: '2025-02-01', upvotes: 3 })];
    expect([...papers].sort(compareNewest).map((p) => p.id)).toEqual(['new-high', 'new-low', 'old']);
  });
});

describe('grouping', () => {
  it('groups by day, ISO week and month with keys in order', () => {
    const papers = [paper({ date: '2025-01-05' }), paper({ date: '2024-12-30' }), paper({ date: '2025-02-01' })];
    expect([...groupByPeriod(papers, 'day').keys()]).toEqual(['2024-12-30', '2025-01-05', '2025-02-01']);
    expect([...groupByPeriod(papers, 'week').keys()]).toEqual(['2025-W01', '2025-W05']);
    expect([...groupByPeriod(papers, 'month').keys()]).toEqual(['2024-12', '2025-01', '2025-02']);
  });

  it('groups by topic slug, counting a paper once however it spells a topic', () => {
    const p = paper({ topics: ['NLP', 'nlp', 'Vision'] });
    const groups = groupByTopic([p, paper({ topics: ['nlp'] })]);
    expect(groups.get('nlp')).toHaveLength(2);
    expect(groups.get('vision')).toEqual([p]);
  });

  it('finds neighbours at the edges', () => {
    expect(neighbours(['a', 'b', 'c'], 0)).toEqual({ next: 'b' });
    expect(neighbours(['a', 'b', 'c'], 1)).toEqual({ prev: 'a', next: 'c' });
    expect(neighbours(['a'], 0)).toEqual({});
  });

  it('paginates, keeping one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([[]]);
  });
});
