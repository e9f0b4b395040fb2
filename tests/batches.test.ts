import { describe, expect, it } from 'vitest';
import { planBatches } from '../src/batches.ts';
import type { ListingPage } from '../src/pages.ts';
import type { PaperView } from '../src/views.ts';

const papers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }) as PaperView);
const listing = (cards: number, key: string) => ({ key, papers: papers(cards) }) as unknown as ListingPage;

describe('planBatches', () => {
  it('keeps a small site in one batch', () => {
    const batches = planBatches(papers(9), [listing(9, 'day')], 1000);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.papers).toHaveLength(9);
  });

  it('splits paper pages into runs of the batch size, every page in exactly one batch', () => {
    const all = papers(25);
    const batches = planBatches(all, [], 10);
    expect(batches.map((b) => b.papers.length)).toEqual([10, 10, 5]);
    expect(batches.flatMap((b) => b.papers)).toEqual(all);
  });

  it('splits listing pages by their cards, about ten cards for one paper page, never splitting a page', () => {
    const listings = ['a', 'b', 'c', 'd', 'e'].map((key) => listing(40, key));
    const batches = planBatches(papers(3), listings, 10);
    expect(batches.map((b) => b.listings.map((l) => l.key).join(''))).toEqual(['ab', 'cd', 'e']);
    expect(batches.map((b) => b.papers.length)).toEqual([3, 0, 0]);
  });

  it('gives a listing bigger than a batch a batch of its own', () => {
    const batches = planBatches([], [listing(500, 'big'), listing(1, 'small')], 10);
    expect(batches.map((b) => b.listings.map((l) => l.key))).toEqual([['big'], ['small']]);
  });

  it('has one (empty) batch for an empty site', () => {
    expect(planBatches([], [], 10)).toEqual([{ papers: [], listings: [] }]);
  });
});
