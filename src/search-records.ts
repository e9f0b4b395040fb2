/**
 * What the search index holds for a paper: one Pagefind custom record made from data, not parsed
 * from the built page. Searchable text is the abstract's plain text with TeX as written (never
 * KaTeX's glyph spans), then the authors, topics, venue, arXiv category and id; the title is
 * metadata, which Pagefind also searches and ranks above body text. A result shows the title and
 * short authors (metadata) and the listing day and upvotes (carried as filters, see search-keys.ts);
 * readers filter by topic, year, month, venue and "has code", and sort by date and upvotes. Papers are grouped into runs of whole listing days of a
 * bounded size, one Pagefind index each, grouped from the oldest day so that new papers only change
 * the newest index.
 */
import type { MarkdownIt } from 'markdown-it';
import type { Paper } from './content.ts';
import { monthKey } from './dates.ts';
import { abstractText, createMarkdown } from './markdown.ts';
import { DAY_FILTER, HAS_CODE, sortKeys, UPVOTES_FILTER } from './search-keys.ts';
import type { SiteSettings } from './site.ts';
import { slugifyTopic, uniqueLabels } from './topics.ts';
import { href, paperPath } from './urls.ts';
import { shortAuthors } from './views.ts';

/** The shape of Pagefind's `addCustomRecord` argument. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** A paper's fields that its search record shows or filters by. */
export type SearchFields = Pick<Paper, 'id' | 'title' | 'authors' | 'topics' | 'venue' | 'category' | 'arxiv' | 'date' | 'upvotes' | 'code'>;

/** A paper as its search record is made from, with its abstract as plain text. */
export type SearchablePaper = SearchFields & { text: string };

/**
 * What the indexer gets for a paper: its fields and its abstract as plain text when that is known
 * (rendered papers, or the render cache), else as Markdown, parsed into text where the record is made.
 * The build hands these to the indexing process as soon as the papers are read, so that indexing,
 * the longest part of a cold build, does not wait for every abstract's HTML and math.
 */
export type SearchSource = SearchFields & ({ text: string } | { abstract: string });

/** The settings a search record depends on. */
export type SearchSettings = Pick<SiteSettings, 'language' | 'cardAuthors'>;

/** A search source with only what its record needs (the plain text when known, else the Markdown), to hand over to another process. */
export function searchSource(paper: SearchSource): SearchSource {
  const { id, title, authors, topics, venue, category, arxiv, date, upvotes, code } = paper;
  const fields: SearchFields = { id, title, authors, topics, date, upvotes };
  if (venue !== undefined) fields.venue = venue;
  if (category !== undefined) fields.category = category;
  if (arxiv !== undefined) fields.arxiv = arxiv;
  if (code !== undefined) fields.code = code;
  return 'text' in paper ? { ...fields, text: paper.text } : { ...fields, abstract: paper.abstract };
}

/** Filter names, as the search page's form fields and URL parameters use them. */
export const SEARCH_FILTERS = ['topic', 'year', 'month', 'venue', 'code'] as const;

/** Pagefind's language for a BCP 47 tag: its primary subtag, `en-GB` → `en`. */
export function searchLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/** The searchable text: abstract (TeX as written), then authors, topics, venue, category, arXiv id. */
export function searchContent(paper: SearchablePaper): string {
  const tail = [paper.authors.join(', '), uniqueLabels(paper.topics).join(', '), paper.venue, paper.category, paper.arxiv];
  return [paper.text, ...tail].filter((part) => part).join('\n\n');
}

export function searchFilters(paper: SearchablePaper): Record<string, string[]> {
  const filters: Record<string, string[]> = {
    topic: uniqueLabels(paper.topics).map(slugifyTopic),
    year: [paper.date.slice(0, 4)],
    month: [monthKey(paper.date)],
    [DAY_FILTER]: [paper.date],
    [UPVOTES_FILTER]: [String(paper.upvotes)],
  };
  if (paper.venue) filters.venue = [paper.venue];
  if (paper.code) filters.code = [HAS_CODE];
  return filters;
}

export function toSearchRecord(paper: SearchablePaper, settings: SearchSettings): SearchRecord {
  const meta: Record<string, string> = { title: paper.title };
  if (paper.authors.length > 0) meta.authors = shortAuthors(paper.authors, settings.cardAuthors);
  return {
    url: href(paperPath(paper.id)),
    content: searchContent(paper),
    language: searchLanguage(settings.language),
    meta,
    filters: searchFilters(paper),
    sort: sortKeys(paper.date, paper.upvotes),
  };
}

/** The search records of `sources`, in order; a source's Markdown is parsed here when its text is not known. */
export function toSearchRecords(sources: SearchSource[], settings: SearchSettings): SearchRecord[] {
  let md: MarkdownIt | undefined;
  const searchable = (source: SearchSource): SearchablePaper => ('text' in source ? source : { ...source, text: abstractText((md ??= createMarkdown('html')), source.abstract) });
  return sources.map((source) => toSearchRecord(searchable(source), settings));
}

export interface ShardGroup<T> {
  /** First and last listing day. */
  first: string;
  last: string;
  papers: T[];
}

/**
 * Groups papers into runs of whole listing days holding at most `target` papers (a day with more
 * is a run of its own), from the oldest day on, so that adding papers to the newest day changes
 * only the newest run. Returned newest first; papers keep their order within a run.
 */
export function groupIntoShards<T extends { date: string }>(papers: T[], target: number): ShardGroup<T>[] {
  const days = new Map<string, T[]>();
  for (const paper of papers) {
    const group = days.get(paper.date);
    if (group) group.push(paper);
    else days.set(paper.date, [paper]);
  }
  const shards: ShardGroup<T>[] = [];
  let current: ShardGroup<T> | undefined;
  for (const day of [...days.keys()].sort()) {
    const group = days.get(day) as T[];
    if (current && current.papers.length + group.length > target) current = undefined;
    if (!current) shards.push((current = { first: day, last: day, papers: [] }));
    current.last = day;
    for (const paper of group) current.papers.push(paper);
  }
  return shards.reverse();
}
