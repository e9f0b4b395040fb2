/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, version 1.6) that the search page
 * uses, as types: Pagefind ships its runtime with the index, not as an npm module for browsers.
 * https://pagefind.app/docs/api/
 */

/** A filter value, or `{ any: [...] }` for "one of these". */
export type PagefindFilters = Record<string, string | { any: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindResultData {
  url: string;
  /** Text around the best match, as HTML: the content with `<` and `>` escaped, matches in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The page's filter values, by filter. */
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export interface PagefindOptions {
  excerptLength?: number;
  /** Added where an excerpt was cut. */
  excerptEllipsis?: string;
  /** A filter every result of this index carries: the search page names each index's month with it. */
  mergeFilter?: Record<string, string>;
}

export interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  mergeIndex(path: string, options?: PagefindOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
}
