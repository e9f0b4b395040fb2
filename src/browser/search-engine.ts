/**
 * The search page's connection to Pagefind: loads Pagefind's runtime from the build (never a CDN),
 * merges the shards (Pagefind indexes) a search needs, each tagged with a `shard` filter naming its
 * first day, and runs a search as one ordered stream of results — by relevance as Pagefind ranks
 * them across shards, or newest or most upvoted first by merging each shard's sorted results.
 *
 * Pagefind ignores a query word that no page of an index contains. With one index that drops a
 * word unknown to the whole site; with shards, each would drop different words and answer a
 * different question. So words are checked shard by shard first: a shard takes part only if it
 * knows every word, and a word is dropped only when no shard of the site knows it.
 */
import type { SearchManifest, SearchShard } from '../search-manifest.ts';
import { HAS_CODE, SHARD_FILTER, sortKeys } from '../search-keys.ts';
import type { PagefindApi, PagefindFilters, PagefindResult, PagefindResultData } from './pagefind-api.ts';
import { listStream, mergedStream, type ResultStream } from './search-merge.ts';
import type { SearchScope } from './search-scope.ts';
import { effectiveSort, type SearchState } from './search-state.ts';
import { resultDay } from './search-view.ts';

/** A result's snippet: words around the best match, with an ellipsis where the text was cut. */
const EXCERPT = { excerptLength: 36, excerptEllipsis: '…' };

export class SearchEngine {
  /** Shards merged or being merged, by first day: a search started while another merges waits for it. */
  private readonly merged = new Map<string, Promise<void>>();

  private constructor(private readonly api: PagefindApi, newest: SearchShard) {
    this.merged.set(newest.first, Promise.resolve());
  }

  /** Loads Pagefind with the newest shard's index (the runtime lives with it). */
  static async load(manifest: SearchManifest): Promise<SearchEngine> {
    const newest = manifest.shards[0];
    if (!newest) throw new Error('the site has no search index');
    const api = (await import(`${newest.path}pagefind.js`)) as PagefindApi;
    await api.options({ ...EXCERPT, mergeFilter: { [SHARD_FILTER]: newest.first } });
    return new SearchEngine(api, newest);
  }

  /** Merges the shards in scope that are not merged yet, each once. */
  private async merge(shards: SearchShard[]): Promise<void> {
    for (const shard of shards) {
      let merging = this.merged.get(shard.first);
      if (!merging) {
        merging = this.api.mergeIndex(shard.path, { ...EXCERPT, mergeFilter: { [SHARD_FILTER]: shard.first } });
        merging.catch(() => this.merged.delete(shard.first));
        this.merged.set(shard.first, merging);
      }
      await merging;
    }
  }

  /**
   * The shards that know every word of `query`, and the words to search for. A word no shard in
   * scope knows means "look in earlier shards" while there are any; after that it is dropped.
   */
  private async knownWords(query: string, shards: SearchShard[], final: boolean): Promise<{ term: string; shards: SearchShard[] }> {
    const words = query.split(/\s+/);
    if (words.length < 2 || /^".+"$/.test(query)) return { term: query, shards };
    const known = await Promise.all(
      shards.map((shard) => Promise.all(words.map(async (word) => (await this.api.search(word, { filters: { [SHARD_FILTER]: shard.first } })).results.length > 0))),
    );
    const anywhere = words.map((_, w) => known.some((row) => row[w]));
    if (!final && anywhere.includes(false)) return { term: query, shards: [] };
    const kept = words.flatMap((word, w) => (anywhere[w] ? [w] : []));
    return { term: kept.map((w) => words[w]).join(' '), shards: shards.filter((_, s) => kept.every((w) => known[s]?.[w])) };
  }

  /** Runs a search over the shards in scope. */
  async search(state: SearchState, scope: SearchScope): Promise<ResultStream<PagefindResultData>> {
    const load = (result: PagefindResult) => result.data();
    if (scope.searched.length === 0) return listStream([], load);
    await this.merge(scope.searched);
    const query = state.q.trim();
    const { term, shards } = query ? await this.knownWords(query, scope.searched, scope.next.length === 0) : { term: '', shards: scope.searched };
    if (shards.length === 0) return listStream([], load);
    const filters = searchFilters(state);
    const sort = effectiveSort(state);
    if (sort === 'relevance') {
      const { results } = await this.api.search(term || null, { filters: { ...filters, [SHARD_FILTER]: { any: shards.map((shard) => shard.first) } } });
      return listStream(results, load);
    }
    const lists = await Promise.all(
      shards.map((shard) => this.api.search(term || null, { filters: { ...filters, [SHARD_FILTER]: shard.first }, sort: { [sort]: 'desc' } })),
    );
    const key = (data: PagefindResultData) => {
      const { date, upvotes } = resultDay(data);
      return sortKeys(date, upvotes)[sort];
    };
    return mergedStream(lists.map((response) => response.results), load, key);
  }
}

/** Pagefind filters for the state; year and month also choose the shards, and trim shards that span other days. */
export function searchFilters(state: SearchState): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const name of ['topic', 'year', 'month'] as const) if (state[name]) filters[name] = state[name];
  if (state.venue) filters.venue = state.venue;
  if (state.code) filters.code = HAS_CODE;
  return filters;
}
