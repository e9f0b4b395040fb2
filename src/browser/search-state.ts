/**
 * The search page's state and its URL, `/search/?q=…&topic=…&year=…&month=…&venue=…&code=yes&sort=…&from=…`.
 * Reading is forgiving (unknown or malformed values are dropped, so any link opens), writing is
 * canonical (only values that differ from the defaults, in a fixed order), so the address bar can
 * follow the form and a search can be shared or bookmarked.
 */

export type SortOrder = 'relevance' | 'date' | 'upvotes';

export interface SearchState {
  q: string;
  /** Topic slug. */
  topic: string;
  /** `YYYY`. */
  year: string;
  /** `YYYY-MM`. */
  month: string;
  venue: string;
  /** Only papers that link their code. */
  code: boolean;
  sort: SortOrder;
  /** The first day of the oldest shard searched, when the reader asked for earlier papers (`YYYY-MM-DD`). */
  from: string;
}

export const emptyState: SearchState = { q: '', topic: '', year: '', month: '', venue: '', code: false, sort: 'relevance', from: '' };

const MAX_TEXT = 300;
const YEAR = /^\d{4}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function text(params: URLSearchParams, name: string): string {
  return (params.get(name) ?? '').slice(0, MAX_TEXT);
}

function matching(value: string, pattern: RegExp): string {
  return pattern.test(value) ? value : '';
}

/** Reads a state from a URL's query string (`location.search`). */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  return {
    q: text(params, 'q'),
    topic: text(params, 'topic').trim(),
    year: matching(text(params, 'year'), YEAR),
    month: matching(text(params, 'month'), MONTH),
    venue: text(params, 'venue').trim(),
    code: params.get('code') === 'yes',
    sort: sort === 'date' || sort === 'upvotes' ? sort : 'relevance',
    from: matching(text(params, 'from'), DAY),
  };
}

/** The query string for a state, `?q=…` or `''`: defaults left out, parameters in a fixed order. */
export function stateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const name of ['topic', 'year', 'month', 'venue'] as const) if (state[name]) params.set(name, state[name]);
  if (state.code) params.set('code', 'yes');
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.from) params.set('from', state.from);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when there is something to search for: words, or at least one filter. */
export function hasCriteria(state: SearchState): boolean {
  return Boolean(state.q.trim() || state.topic || state.year || state.month || state.venue || state.code);
}

/** The order results are shown in: relevance needs words, so a search by filters alone lists newest first. */
export function effectiveSort(state: SearchState): SortOrder {
  return state.sort === 'relevance' && !state.q.trim() ? 'date' : state.sort;
}
