/**
 * The benchmark corpus, as pure functions: paper `i` of a corpus is made from a real arXiv record
 * (the records in a seeded order, reused with variations once they run out), listed on weekday
 * `floor(i / perDay)` after the start day, with a synthetic arXiv id of that month, 1–3 topics
 * from its categories (readable labels, primary first), long-tailed upvotes and the record's TeX.
 * A paper depends only on the records, the seed and its index, so a corpus of N papers is the
 * first N papers of any larger one and "the next day" is simply the next indexes.
 */
import { categoryLabel } from './arxiv-categories.ts';
import type { ArxivRecord } from './bench-records.ts';
import { createRandom, drawUpvotes, mixSeed, shuffled, type Random } from './bench-random.ts';
import { varyAbstract, varyAuthors, varyTitle } from './bench-vary.ts';
import { paperFileName } from './paper-files.ts';

export interface CorpusOptions {
  size: number;
  seed: number;
  /** Papers per listing day (weekdays only). */
  perDay: number;
  /** The first listing day (`YYYY-MM-DD`); a weekend day moves to the Monday after. */
  start: string;
}

export const DEFAULT_CORPUS = { seed: 2025, perDay: 250, start: '2023-01-02' } as const;

export interface BenchPaper {
  id: string;
  date: string;
  /** Relative to the papers folder: `YYYY/MM/<id>.md`. */
  file: string;
  text: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utcMs = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
/** Monday 0 … Sunday 6. */
const weekday = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7;

/** The `k`-th weekday (0-based) on or after `start`. */
export function listingDay(start: string, k: number): string {
  let first = utcMs(start);
  while (weekday(first) > 4) first += DAY_MS;
  const monday = first - weekday(first) * DAY_MS;
  const total = weekday(first) + k;
  return isoDay(monday + (Math.floor(total / 5) * 7 + (total % 5)) * DAY_MS);
}

/** Weekdays from the first of `day`'s month up to, not including, `day`. */
function weekdaysBefore(day: string): number {
  let count = 0;
  for (let ms = utcMs(`${day.slice(0, 8)}01`); ms < utcMs(day); ms += DAY_MS) if (weekday(ms) < 5) count++;
  return count;
}

/** A new-style arXiv id in the listing day's month, unique across the corpus: `2301.00251`. */
export function syntheticArxivId(day: string, positionInDay: number, perDay: number): string {
  const number = weekdaysBefore(day) * perDay + positionInDay + 1;
  return `${day.slice(2, 4)}${day.slice(5, 7)}.${String(number).padStart(5, '0')}`;
}

/** 1–3 readable topics from a record's categories, primary first, no two alike. */
export function chooseTopics(record: ArxivRecord, random: Random): string[] {
  const labels = [...new Set([record.primary, ...record.categories].map(categoryLabel).filter((l): l is string => l !== undefined))];
  const archive = categoryLabel(record.primary.split('.')[0] ?? '');
  if (labels.length === 0) return [archive ?? 'Other'];
  const [first, ...rest] = labels as [string, ...string[]];
  return [first, ...shuffled(rest, random).slice(0, random.int(3))];
}

/** YAML 1.2 is a superset of JSON: a JSON string is a valid double-quoted scalar, and fast to write. */
const quote = (text: string) => JSON.stringify(text);
const list = (items: string[]) => items.map((item) => `\n  - ${quote(item)}`).join('');

export interface BenchFields {
  title: string;
  date: string;
  arxiv: string;
  category: string;
  authors: string[];
  topics: string[];
  upvotes: number;
  published: string;
}

/** A paper file in the content contract's field order. */
export function paperText(fields: BenchFields, abstract: string): string {
  const authors = fields.authors.length > 0 ? `authors:${list(fields.authors)}\n` : '';
  return `---\ntitle: ${quote(fields.title)}\ndate: ${fields.date}\narxiv: ${quote(fields.arxiv)}\ncategory: ${fields.category}\n${authors}topics:${list(fields.topics)}\nupvotes: ${fields.upvotes}\npublished: ${fields.published}\n---\n\n${abstract.trim()}\n`;
}

/** The records in the corpus's order (one seeded shuffle), so each day mixes subjects. */
export function orderRecords(records: readonly ArxivRecord[], seed: number): ArxivRecord[] {
  return shuffled(records, createRandom(mixSeed(seed, 0x5eed)));
}

/** Paper `index` of a corpus (any index, also past `size`: that is how the next day is made). */
export function corpusPaper(ordered: readonly ArxivRecord[], options: Omit<CorpusOptions, 'size'>, index: number): BenchPaper {
  const record = ordered[index % ordered.length] as ArxivRecord;
  const copy = Math.floor(index / ordered.length);
  const random = createRandom(mixSeed(options.seed, index));
  const date = listingDay(options.start, Math.floor(index / options.perDay));
  const id = syntheticArxivId(date, index % options.perDay, options.perDay);
  const text = paperText(
    {
      title: varyTitle(record.title, copy),
      date,
      arxiv: id,
      category: record.primary,
      authors: varyAuthors(record.authors, copy, random),
      topics: chooseTopics(record, random),
      upvotes: drawUpvotes(random),
      published: isoDay(utcMs(date) - (1 + random.int(3)) * DAY_MS),
    },
    varyAbstract(record.abstract, copy, random),
  );
  return { id, date, file: `${date.slice(0, 4)}/${date.slice(5, 7)}/${paperFileName(id)}`, text };
}

/** Every paper of a corpus, oldest day first. */
export function* generateCorpus(records: readonly ArxivRecord[], options: CorpusOptions): Generator<BenchPaper> {
  const ordered = orderRecords(records, options.seed);
  for (let i = 0; i < options.size; i++) yield corpusPaper(ordered, options, i);
}

/** The papers of the first listing day after a corpus's last one (a full day, `perDay` papers). */
export function nextDayPapers(records: readonly ArxivRecord[], options: CorpusOptions): BenchPaper[] {
  const ordered = orderRecords(records, options.seed);
  const first = Math.ceil(options.size / options.perDay) * options.perDay;
  return Array.from({ length: options.perDay }, (_, k) => corpusPaper(ordered, options, first + k));
}

