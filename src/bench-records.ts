/**
 * The real arXiv records the benchmark corpus is made from: JSON lines (gzipped or not) with
 * `id`, `title`, `authors`, `abstract`, `categories` and `primary`, as in the shared
 * `arxiv-2025-06.jsonl.gz`. Records without a title or an abstract are skipped, not guessed at.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface ArxivRecord {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
  categories: string[];
  primary: string;
}

/** Where the shared data set lives relative to a project: `../shared/data/` (or any folder above). */
export const RECORDS_FILE = path.join('shared', 'data', 'arxiv-2025-06.jsonl.gz');

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

/** One record from a parsed line, or undefined when a required field is missing or mistyped. */
export function toRecord(value: unknown): ArxivRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!isText(v.id) || !isText(v.title) || !isText(v.abstract)) return undefined;
  const categories = isTextList(v.categories) ? v.categories : [];
  const primary = isText(v.primary) ? v.primary : (categories[0] ?? '');
  return { id: v.id, title: v.title, authors: isTextList(v.authors) ? v.authors : [], abstract: v.abstract, categories, primary };
}

/** Parses JSON lines; blank lines are ignored, and so are lines that are not usable records. */
export function parseRecords(text: string): { records: ArxivRecord[]; skipped: number } {
  const records: ArxivRecord[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let record: ArxivRecord | undefined;
    try {
      record = toRecord(JSON.parse(line));
    } catch {
      record = undefined;
    }
    if (record) records.push(record);
    else skipped++;
  }
  return { records, skipped };
}

/** Reads a records file; `.gz` files are gunzipped. Throws when it holds no usable record. */
export function readRecords(file: string): ArxivRecord[] {
  const bytes = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const { records } = parseRecords(text);
  if (records.length === 0) throw new Error(`${file} holds no arXiv records (JSON lines with id, title, abstract, authors, categories)`);
  return records;
}

/** The shared data set in `dir` or the nearest folder above it that has one. */
export function findRecordsFile(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, RECORDS_FILE);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}
