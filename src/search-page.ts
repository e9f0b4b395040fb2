/**
 * What the search page prints: the options of its filters (topics, years, months, venues), how
 * many papers there are to search, and where the search manifest is. Computed once from the
 * papers of the build, so the page's form works on its own and the layout only loops and prints.
 */
import { formatMonth, monthKey } from './dates.ts';
import { compareText } from './listings.ts';
import type { TopicSummary } from './pages.ts';
import type { SiteSettings } from './site.ts';
import { searchManifestPath } from './urls.ts';

export interface SearchOption {
  value: string;
  label: string;
}

export interface SearchPageData {
  papers: number;
  topics: SearchOption[];
  /** Newest first. */
  years: SearchOption[];
  /** Newest first, e.g. `{ value: '2025-03', label: 'March 2025' }`. */
  months: SearchOption[];
  /** A–Z. */
  venues: SearchOption[];
  /** Orders besides relevance, the default. */
  sorts: SearchOption[];
  manifest: string;
}

const newestFirst = (keys: Iterable<string>) => [...new Set(keys)].sort().reverse();

export function buildSearchPage(
  papers: { date: string; venue?: string }[],
  topics: TopicSummary[],
  settings: SiteSettings,
): SearchPageData {
  const venues = [...new Set(papers.flatMap((p) => (p.venue ? [p.venue] : [])))].sort(compareText);
  return {
    papers: papers.length,
    topics: topics.map((topic) => ({ value: topic.slug, label: topic.label })),
    years: newestFirst(papers.map((p) => p.date.slice(0, 4))).map((year) => ({ value: year, label: year })),
    months: newestFirst(papers.map((p) => monthKey(p.date))).map((month) => ({ value: month, label: formatMonth(month, settings.language) })),
    venues: venues.map((venue) => ({ value: venue, label: venue })),
    sorts: [{ value: 'date', label: 'Newest first' }, { value: 'upvotes', label: 'Most upvoted' }],
    manifest: searchManifestPath(),
  };
}
