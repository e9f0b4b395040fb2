import { describe, expect, it } from 'vitest';
import { planBatches } from '../src/batches.ts';
import type { ListingPage } from '../src/pages.ts';
import type { PaperView } from '../src/views.ts';

const papers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }) as PaperView);
const listing = (cards: number, key: string) => ({ key, papers: papers(cards) }) as unknown as ListingPage;
const keys = (batches: ReturnType<typeof planBatches>) => batches.map((b) => b.listings.map((l) => l.key).join(''));

describe('planBatches', () => {
  it('keeps a small site in one batch', () => {
    expect(keys(planBatches([listing(9, 'a'), listing(9, 'b')], 1000))).toEqual(['ab']);
  });

  it('splits listing pages by their cards, never splitting a page, every page in exactly one batch, in order', () => {
    const listings = ['a', 'b', 'c', 'd', 'e'].map((key) => listing(40, key));
    const batches = planBatches(listings, 100);
    expect(keys(batches)).toEqual(['ab', 'cd', 'e']);
    expect(batches.flatMap((b) => b.listings)).toEqual(listings);
  });

  it('fills a batch up to exactly its size', () => {
    expect(keys(planBatches(['a', 'b', 'c'].map((key) => listing(50, key)), 100))).toEqual(['ab', 'c']);
  });

  it('gives a listing bigger than a batch a batch of its own', () => {
    expect(keys(planBatches([listing(500, 'big'), listing(1, 'small')], 10))).toEqual(['big', 'small']);
    expect(keys(planBatches([listing(1, 'small'), listing(500, 'big')], 10))).toEqual(['small', 'big']);
  });

  it('has one (empty) batch for an empty site', () => {
    expect(planBatches([], 10)).toEqual([{ listings: [] }]);
  });
});
