/**
 * The search manifest, `/pagefind/shards.json`: which Pagefind indexes the site has (each holds a
 * run of whole listing days; newest first), where each one lives and how many papers it holds.
 * The indexer writes it; the search page reads it to choose which indexes a search covers. It is
 * shared by the build (Node) and the browser bundle, so it imports nothing.
 */

export const MANIFEST_VERSION = 1;

export interface SearchShard {
  /** Its first and last listing day, `YYYY-MM-DD`; the first day also names it. */
  first: string;
  last: string;
  /** Where its Pagefind index lives: `/pagefind/` for the newest, else e.g. `/pagefind/2025-05-07/`. */
  path: string;
  papers: number;
}

export interface SearchManifest {
  version: typeof MANIFEST_VERSION;
  /** The Pagefind language of every index (ISO 639-1). */
  language: string;
  /** Papers over all shards. */
  papers: number;
  /** The site setting `searchShardPapers`: papers per index, at most (one day may hold more). */
  shardPapers: number;
  /** Newest first. */
  shards: SearchShard[];
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isShard(value: unknown): value is SearchShard {
  const shard = value as Partial<SearchShard> | null;
  return (
    typeof shard === 'object' && shard !== null &&
    typeof shard.first === 'string' && DAY.test(shard.first) &&
    typeof shard.last === 'string' && DAY.test(shard.last) && shard.first <= shard.last &&
    typeof shard.path === 'string' && shard.path.startsWith('/') && shard.path.endsWith('/') &&
    Number.isInteger(shard.papers) && (shard.papers as number) > 0
  );
}

/** True when `value` is a manifest this code understands (the browser checks what it fetched). */
export function isSearchManifest(value: unknown): value is SearchManifest {
  const manifest = value as Partial<SearchManifest> | null;
  return (
    typeof manifest === 'object' && manifest !== null &&
    manifest.version === MANIFEST_VERSION &&
    typeof manifest.language === 'string' &&
    Number.isInteger(manifest.papers) &&
    Number.isInteger(manifest.shardPapers) && (manifest.shardPapers as number) > 0 &&
    Array.isArray(manifest.shards) && manifest.shards.every(isShard)
  );
}
