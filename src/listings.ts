/**
 * Grouping, once: papers by listing day, ISO week, month and topic, each group in its order
 * (trending within a period, newest first within a topic), with previous/next groups that skip
 * empty periods and pagination into pages of a set size. Templates only loop over the result.
 */
import { monthKey, weekKey } from './dates.ts';
import { slugifyTopic } from './topics.ts';

export interface Rankable {
  id: string;
  title: string;
  date: string;
  upvotes: number;
  topics: string[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Text order for people (case- and accent-insensitive, numbers by value), code points breaking ties. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || byCodePoint(a, b);
}

/** Trending order: upvotes descending, then title, then id. */
export function compareTrending(a: Rankable, b: Rankable): number {
  return b.upvotes - a.upvotes || compareText(a.title, b.title) || byCodePoint(a.id, b.id);
}

/** Newest first: listing day descending, then trending order. */
export function compareNewest(a: Rankable, b: Rankable): number {
  return byCodePoint(b.date, a.date) || compareTrending(a, b);
}

export type Period = 'day' | 'week' | 'month';

export const periodKey: Record<Period, (day: string) => string> = {
  day: (day) => day,
  week: weekKey,
  month: monthKey,
};

/** Groups items by key; keys ascending, each group sorted by `order`. */
export function groupBy<T>(items: T[], key: (item: T) => string[], order: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const k of key(item)) {
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
  }
  const sorted = [...groups.keys()].sort(byCodePoint);
  return new Map(sorted.map((k) => [k, (groups.get(k) as T[]).sort(order)]));
}

/** Papers by day, week or month, in trending order. */
export function groupByPeriod<T extends Rankable>(papers: T[], period: Period): Map<string, T[]> {
  const key = periodKey[period];
  return groupBy(papers, (paper) => [key(paper.date)], compareTrending);
}

/** Papers by topic slug, newest first; a paper counts once per topic however it spells it. */
export function groupByTopic<T extends Rankable>(papers: T[]): Map<string, T[]> {
  return groupBy(papers, (paper) => [...new Set(paper.topics.map(slugifyTopic))], compareNewest);
}

export interface Neighbours<K> {
  prev?: K;
  next?: K;
}

/** The keys before and after `index` in a list of non-empty groups' keys. */
export function neighbours<K>(keys: K[], index: number): Neighbours<K> {
  const result: Neighbours<K> = {};
  if (index > 0) result.prev = keys[index - 1] as K;
  if (index < keys.length - 1) result.next = keys[index + 1] as K;
  return result;
}

/** Splits a list into pages of `size` (at least one page, even when empty). */
export function paginate<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}
