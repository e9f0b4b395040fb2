/**
 * Which shards a search covers. The index is split into shards, runs of listing days of a bounded
 * number of papers; a search starts with the newest shard that matches the year and month filters
 * (and the one before it while the newest holds fewer than half a shard's worth of papers), and
 * each "Search earlier papers" adds the next batch. However large the site, a first search
 * downloads the index of a bounded number of papers, and recent papers come first.
 */
import type { SearchManifest, SearchShard } from '../search-manifest.ts';
import type { SearchState } from './search-state.ts';

export interface SearchScope {
  /** Shards searched now, newest first. */
  searched: SearchShard[];
  /** The batch "Search earlier papers" would add. */
  next: SearchShard[];
  /** Papers in matching shards not searched yet. */
  remaining: number;
}

/** The days a year and month filter allow, as `[first, last]`; undefined when they contradict. */
export function filterPeriod(filters: Pick<SearchState, 'year' | 'month'>): [string, string] | undefined {
  if (filters.month && filters.year && !filters.month.startsWith(`${filters.year}-`)) return undefined;
  if (filters.month) return [`${filters.month}-01`, `${filters.month}-31`];
  if (filters.year) return [`${filters.year}-01-01`, `${filters.year}-12-31`];
  return ['0000-01-01', '9999-12-31'];
}

/** The shards holding days the year and month filters allow, newest first. */
export function matchingShards(shards: SearchShard[], filters: Pick<SearchState, 'year' | 'month'>): SearchShard[] {
  const period = filterPeriod(filters);
  if (!period) return [];
  return shards.filter((shard) => shard.first <= period[1] && shard.last >= period[0]);
}

/** The newest shards, at least one, until they hold half a shard's worth of papers. */
export function takeBatch(shards: SearchShard[], shardPapers: number): SearchShard[] {
  const batch: SearchShard[] = [];
  let papers = 0;
  for (const shard of shards) {
    if (batch.length > 0 && papers >= shardPapers / 2) break;
    batch.push(shard);
    papers += shard.papers;
  }
  return batch;
}

/** The scope of a search: a first batch, or every matching shard since `from` when the reader asked. */
export function chooseScope(manifest: SearchManifest, state: Pick<SearchState, 'year' | 'month' | 'from'>): SearchScope {
  const matching = matchingShards(manifest.shards, state);
  const sinceFrom = state.from ? matching.filter((shard) => shard.first >= state.from) : [];
  const searched = sinceFrom.length > 0 ? sinceFrom : takeBatch(matching, manifest.shardPapers);
  const rest = matching.slice(searched.length);
  return {
    searched,
    next: takeBatch(rest, manifest.shardPapers),
    remaining: rest.reduce((sum, shard) => sum + shard.papers, 0),
  };
}
