import { describe, expect, it } from 'vitest';
import { isSearchManifest, MANIFEST_VERSION, type SearchManifest } from '../src/search-manifest.ts';

const manifest = (overrides: Partial<SearchManifest> = {}): SearchManifest => ({
  version: MANIFEST_VERSION, language: 'en', papers: 12, shardPapers: 5000,
  shards: [
    { first: '2025-03-10', last: '2025-03-12', path: '/pagefind/', papers: 7 },
    { first: '2025-02-03', last: '2025-02-28', path: '/pagefind/2025-02-03/', papers: 5 },
  ],
  ...overrides,
});

describe('isSearchManifest', () => {
  it('accepts a manifest as the indexer writes it, and one without shards', () => {
    expect(isSearchManifest(JSON.parse(JSON.stringify(manifest())))).toBe(true);
    expect(isSearchManifest(manifest({ papers: 0, shards: [] }))).toBe(true);
  });

  it('rejects what the search page could not use', () => {
    const shard = manifest().shards[0]!;
    for (const bad of [
      null, 'x', [], {}, manifest({ version: 2 as 1 }), manifest({ shardPapers: 0 }), manifest({ language: undefined as unknown as string }),
      manifest({ shards: [{ ...shard, first: '2025-13-01' }] }), manifest({ shards: [{ ...shard, first: '2025-03-13' }] }),
      manifest({ shards: [{ ...shard, path: 'javascript:alert(1)//' }] }), manifest({ shards: [{ ...shard, path: '/pagefind' }] }),
      manifest({ shards: [{ ...shard, papers: 0 }] }), manifest({ shards: [{ ...shard, papers: 1.5 }] }), manifest({ shards: [null as never] }),
    ]) {
      expect(isSearchManifest(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
