/**
 * What the search page says and shows, as text: a result's fields (title, day, short authors,
 * upvotes, the snippet split into plain and highlighted parts), the status line announced to screen
 * readers, and which months were searched. Pure functions; the page turns them into DOM nodes with
 * `textContent`, never `innerHTML`, so nothing from the index can become markup.
 */
import { DAY_FILTER, UPVOTES_FILTER } from '../search-keys.ts';
import type { SearchShard } from '../search-manifest.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import type { SearchScope } from './search-scope.ts';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface ResultView {
  url: string;
  title: string;
  /** `YYYY-MM-DD`, for `<time datetime>`. */
  date: string;
  dateLabel: string;
  authors: string;
  upvotes: string;
  excerpt: ExcerptPart[];
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Splits Pagefind's excerpt (text with `<` and `>` escaped, matches in `<mark>`) into parts. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const [i, piece] of excerpt.split(/<\/?mark>/).entries()) {
    if (piece) parts.push({ text: unescape(piece), mark: i % 2 === 1 });
  }
  return parts;
}

/** `1 result`, `1,024 results`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function utcDay(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

const dayFormat = (language: string) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });

/** `March 11, 2025` in the page's language; the text as given when it is not a day. */
export function formatDay(day: string, language: string): string {
  return DAY.test(day) ? dayFormat(language).format(utcDay(day)) : day;
}

/** A site path, or `#` for anything else (an index never holds other URLs, but never link elsewhere). */
function sitePath(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : '#';
}

/** A result's listing day and upvotes (filter values, see search-keys.ts). */
export function resultDay(data: PagefindResultData): { date: string; upvotes: number } {
  const upvotes = Number(data.filters[UPVOTES_FILTER]?.[0] ?? 0);
  return { date: data.filters[DAY_FILTER]?.[0] ?? '', upvotes: Number.isFinite(upvotes) ? upvotes : 0 };
}

export function toResultView(data: PagefindResultData, language: string): ResultView {
  const { date, upvotes } = resultDay(data);
  return {
    url: sitePath(data.url),
    title: data.meta.title ?? data.url,
    date,
    dateLabel: formatDay(date, language),
    authors: data.meta.authors ?? '',
    upvotes: countOf(upvotes, 'upvote'),
    excerpt: excerptParts(data.excerpt),
  };
}

/** The status line: how many results, for what. */
export function resultsStatus(total: number, query: string): string {
  const words = query.trim();
  if (total === 0) return words ? `No papers match “${words}”.` : 'No papers match these filters.';
  return words ? `${countOf(total, 'result')} for “${words}”.` : `${countOf(total, 'paper')} match these filters.`;
}

/** `June 2 – 30, 2025`, or `on March 11, 2025`: the days of the shards searched (newest first). */
export function dayRange(shards: SearchShard[], language: string): string {
  const newest = shards[0];
  const oldest = shards.at(-1);
  if (!newest || !oldest || !DAY.test(oldest.first) || !DAY.test(newest.last)) return '';
  if (oldest.first === newest.last) return `on ${formatDay(oldest.first, language)}`;
  return dayFormat(language).formatRange(utcDay(oldest.first), utcDay(newest.last));
}

/** Which papers were searched, and how many earlier ones were not. */
export function scopeText(scope: SearchScope, language: string): string {
  const papers = scope.searched.reduce((sum, shard) => sum + shard.papers, 0);
  const searched = `Searched ${countOf(papers, 'paper')} listed ${dayRange(scope.searched, language)}.`;
  if (scope.remaining === 0) return searched;
  return `${searched} ${countOf(scope.remaining, 'earlier paper')} not searched yet.`;
}
