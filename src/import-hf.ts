/**
 * Reads a Hugging Face `/api/daily_papers` response into import records. The API's shape changed
 * over time, so this accepts every form seen: a JSON array of entries, an array wrapped as
 * `{ "data": [...] }`, a single entry, JSON Lines (one entry per line, as crawls store them), entries
 * with or without the `paper` wrapper, and fields that come and go (`submittedBy` /
 * `submittedOnDailyBy`, `summary` on the entry or the paper, `mediaUrl(s)`, which are ignored).
 */
import {
  dayOfInstant,
  present,
  SourceError,
  unwrapAbstract,
  type EntryProblem,
  type ImportRecord,
  type SourceEntries,
} from './import-record.ts';
import { foldWhitespace } from './text.ts';

export interface HfOptions {
  /** The listing day for every entry (`--date`); otherwise each entry's own day is used. */
  date?: string;
}

type Json = Record<string, unknown>;
interface Positioned {
  value: unknown;
  position: string;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses a response body (JSON or JSON Lines) into records; entries that cannot be read become problems. */
export function parseHfResponse(text: string, options: HfOptions = {}): SourceEntries {
  const { entries, problems } = readEntries(text.replace(/^\uFEFF/, ''));
  const results = entries.map((entry) => toRecord(entry, options));
  const records = results.filter((r): r is ImportRecord => !('message' in r));
  const invalid = results.filter((r): r is EntryProblem => 'message' in r);
  return { records, problems: [...problems, ...invalid], notes: guessedDayNotes(entries, records, options) };
}

/**
 * Entries without `submittedOnDailyAt` (before mid-March 2025) only say when they were submitted,
 * often the evening before the listing day: when that splits a response over days, say so.
 */
function guessedDayNotes(entries: Positioned[], records: ImportRecord[], options: HfOptions): string[] {
  if (options.date) return [];
  const guessed = entries.filter(({ value }) => isObject(value) && !dayOfInstant(value._listing_date) && !(isObject(value.paper) && dayOfInstant(value.paper.submittedOnDailyAt)));
  const days = new Set(records.map((r) => r.fields.date));
  if (guessed.length === 0 || days.size < 2) return [];
  return [`${guessed.length} of ${entries.length} entries give no listing day, only when they were submitted (publishedAt), which is often the day before: for one day's response pass --date YYYY-MM-DD`];
}

function readEntries(text: string): { entries: Positioned[]; problems: EntryProblem[] } {
  if (text.trim() === '') throw new SourceError('the response is empty: expected a JSON array of daily papers');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (text.trim().includes('\n')) return readJsonLines(text);
    throw new SourceError(`the response is not JSON (${(error as Error).message}): expected a JSON array of daily papers`);
  }
  if (Array.isArray(data)) return { entries: data.map((value, i) => ({ value, position: `entry ${i + 1}` })), problems: [] };
  if (isObject(data) && Array.isArray(data.data)) {
    return { entries: data.data.map((value, i) => ({ value, position: `entry ${i + 1}` })), problems: [] };
  }
  if (isObject(data) && (isObject(data.paper) || typeof data.id === 'string')) return { entries: [{ value: data, position: 'entry 1' }], problems: [] };
  if (isObject(data) && typeof data.error === 'string') throw new SourceError(`the API answered with an error: ${data.error}`);
  throw new SourceError('the response is not a list of daily papers: expected a JSON array, { "data": [...] } or JSON Lines');
}

/** JSON Lines: one entry per non-empty line; a line that is not JSON is an invalid entry, not a failed source. */
function readJsonLines(text: string): { entries: Positioned[]; problems: EntryProblem[] } {
  const entries: Positioned[] = [];
  const problems: EntryProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const position = `line ${i + 1}`;
    try {
      entries.push({ value: JSON.parse(line), position });
    } catch (error) {
      problems.push({ position, message: `is not JSON: ${(error as Error).message}` });
    }
  });
  if (entries.length === 0) throw new SourceError('the response is neither JSON nor JSON Lines');
  return { entries, problems };
}

function toRecord({ value, position }: Positioned, options: HfOptions): ImportRecord | EntryProblem {
  if (!isObject(value)) return { position, message: 'is not a daily-papers entry (expected an object with a "paper")' };
  const paper = isObject(value.paper) ? value.paper : value;
  const label = typeof paper.id === 'string' ? paper.id : undefined;
  const fields: ImportRecord['fields'] = {
    title: folded(value.title) ?? folded(paper.title),
    date: listingDay(value, paper, options),
    arxiv: present(paper.id),
    authors: authorsOf(paper.authors),
    upvotes: present(paper.upvotes) ?? present(value.upvotes),
    published: dayOfInstant(paper.publishedAt) ?? present(paper.publishedAt),
    code: present(paper.githubRepo) ?? present(value.githubRepo),
    project: present(paper.projectPage) ?? present(value.projectPage),
    submitter: submitterOf(value, paper),
  };
  const summary = present(paper.summary) ?? present(value.summary);
  const abstract = typeof summary === 'string' ? unwrapAbstract(summary) : '';
  if (fields.date === undefined) {
    return { position, ...(label ? { label } : {}), field: 'date', message: 'the entry has no listing day (no submittedOnDailyAt or publishedAt): pass --date YYYY-MM-DD' };
  }
  return { position, ...(label ? { label } : {}), fields, abstract };
}

/** Text with its line wraps folded (the paper title is hard-wrapped like the abstract); other values as they are. */
function folded(value: unknown): unknown {
  return present(typeof value === 'string' ? foldWhitespace(value) : value);
}

/** `--date`, else the crawl's `_listing_date`, else the day it was submitted to the daily list, else its `publishedAt`. */
function listingDay(entry: Json, paper: Json, options: HfOptions): string | undefined {
  return options.date ?? dayOfInstant(entry._listing_date) ?? dayOfInstant(paper.submittedOnDailyAt) ?? dayOfInstant(entry.publishedAt);
}

/** Names of the authors not marked hidden, in order; nameless authors are left out. */
function authorsOf(authors: unknown): unknown {
  if (!Array.isArray(authors)) return present(authors);
  return authors.flatMap((author) => {
    if (typeof author === 'string') return author.trim() ? [author] : [];
    if (!isObject(author) || author.hidden === true) return [];
    const name = present(author.name);
    return name === undefined ? [] : [name];
  });
}

/** The user name of whoever put the paper on the daily list. */
function submitterOf(entry: Json, paper: Json): unknown {
  if (isObject(entry.submittedBy)) return present(entry.submittedBy.name) ?? present(entry.submittedBy.fullname);
  if (isObject(paper.submittedOnDailyBy)) return present(paper.submittedOnDailyBy.user) ?? present(paper.submittedOnDailyBy.fullname);
  return present(entry.submittedBy);
}
