/**
 * Names and keys the indexer and the search page must agree on: the sort keys (Pagefind gets one
 * per sort; the page merges the sorted results of several monthly indexes by the same keys), the
 * value of the "has code" filter and the name of the filter that tells the months apart. Pagefind
 * sorts text keys as text, so upvotes are written as fixed-width digits. Imports nothing, so the
 * browser bundle can use it.
 */

/** The `code` filter's value for papers that link their code. */
export const HAS_CODE = 'yes';
/** The filter the search page gives each shard (Pagefind's `mergeFilter`): its first day. */
export const SHARD_FILTER = 'shard';
/**
 * A result's listing day and upvotes travel as filters, not metadata: Pagefind searches every
 * metadata field, and a date or count there would make "ICLR 2024" match every paper of 2024.
 * A filter's values reach the result's data but are never searched, nor loaded unless filtered on.
 */
export const DAY_FILTER = 'day';
export const UPVOTES_FILTER = 'upvotes';

/** Sort names; both sort descending (newest first, most upvoted first). */
export const SEARCH_SORTS = ['date', 'upvotes'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

const UPVOTE_DIGITS = 15;

function paddedUpvotes(upvotes: number): string {
  const whole = Number.isFinite(upvotes) ? Math.max(0, Math.min(Math.trunc(upvotes), 10 ** UPVOTE_DIGITS - 1)) : 0;
  return String(whole).padStart(UPVOTE_DIGITS, '0');
}

/**
 * `date`: the listing day, then upvotes, so that newest first lists each day in trending order;
 * `upvotes`: upvotes, then the day.
 */
export function sortKeys(date: string, upvotes: number): Record<SearchSort, string> {
  const votes = paddedUpvotes(upvotes);
  return { date: `${date} ${votes}`, upvotes: `${votes} ${date}` };
}
