import { describe, expect, it } from 'vitest';
import { chooseScope, filterPeriod, matchingShards, takeBatch } from '../src/browser/search-scope.ts';
import { MANIFEST_VERSION, type SearchManifest, type SearchShard } from '../src/search-manifest.ts';

const shard = (first: string, last: string, papers: number): SearchShard => ({ first, last, papers, path: `/pagefind/${first}/` });
/** Newest first, as the indexer writes them. */
const shards = () => [
  shard('2025-06-20', '2025-06-30', 1000),
  shard('2025-05-26', '2025-06-19', 5000),
  shard('2025-04-28', '2025-05-23', 4800),
  shard('2025-01-06', '2025-04-25', 4900),
  shard('2024-11-04', '2024-12-31', 3000),
];
const manifest = (list = shards()): SearchManifest => ({
  version: MANIFEST_VERSION, language: 'en', papers: list.reduce((s, x) => s + x.papers, 0), shardPapers: 5000, shards: list,
});
const firsts = (list: SearchShard[]) => list.map((s) => s.first);
const none = { year: '', month: '', from: '' };

describe('takeBatch', () => {
  it('takes the newest shard, and the next while they hold less than half a shard', () => {
    expect(firsts(takeBatch(shards(), 5000))).toEqual(['2025-06-20', '2025-05-26']);
    expect(firsts(takeBatch(shards().slice(1), 5000))).toEqual(['2025-05-26']);
    expect(firsts(takeBatch([shard('2025-01-01', '2025-01-01', 9000)], 5000))).toEqual(['2025-01-01']);
    expect(takeBatch([], 5000)).toEqual([]);
  });
});

describe('matchingShards', () => {
  it('keeps the shards with days in the year or month filtered', () => {
    expect(firsts(matchingShards(shards(), { year: '2024', month: '' }))).toEqual(['2024-11-04']);
    expect(firsts(matchingShards(shards(), { year: '', month: '2025-06' }))).toEqual(['2025-06-20', '2025-05-26']);
    expect(firsts(matchingShards(shards(), { year: '2025', month: '2025-02' }))).toEqual(['2025-01-06']);
    expect(matchingShards(shards(), { year: '2024', month: '2025-02' })).toEqual([]);
    expect(matchingShards(shards(), { year: '2023', month: '' })).toEqual([]);
  });

  it('allows every day without filters', () => {
    expect(filterPeriod({ year: '', month: '' })).toEqual(['0000-01-01', '9999-12-31']);
    expect(matchingShards(shards(), { year: '', month: '' })).toHaveLength(5);
  });
});

describe('chooseScope', () => {
  it('searches the newest batch first and offers the next one', () => {
    const scope = chooseScope(manifest(), none);
    expect(firsts(scope.searched)).toEqual(['2025-06-20', '2025-05-26']);
    expect(firsts(scope.next)).toEqual(['2025-04-28']);
    expect(scope.remaining).toBe(12700);
  });

  it('searches every matching shard since `from`, as a shared link asks', () => {
    const scope = chooseScope(manifest(), { ...none, from: '2025-04-28' });
    expect(firsts(scope.searched)).toEqual(['2025-06-20', '2025-05-26', '2025-04-28']);
    expect(firsts(scope.next)).toEqual(['2025-01-06']);
    expect(chooseScope(manifest(), { ...none, from: '2000-01-01' }).remaining).toBe(0);
  });

  it('starts from the newest matching shard when filtered by year', () => {
    const scope = chooseScope(manifest(), { ...none, year: '2024' });
    expect(firsts(scope.searched)).toEqual(['2024-11-04']);
    expect(scope.next).toEqual([]);
  });

  it('falls back to the first batch when `from` is newer than every matching shard', () => {
    expect(firsts(chooseScope(manifest(), { ...none, year: '2024', from: '2025-06-20' }).searched)).toEqual(['2024-11-04']);
  });

  it('searches nothing on a site without shards', () => {
    expect(chooseScope(manifest([]), none)).toEqual({ searched: [], next: [], remaining: 0 });
  });
});
