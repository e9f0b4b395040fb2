/**
 * What every importer produces: one record per source entry — front matter values named as in the
 * content contract, the abstract, and where the entry was in the source — and the checks a record
 * passes before anything is written: the contract (./schema.ts), a non-empty abstract and an arXiv
 * id for its identity. Also the text clean-ups both sources need: arXiv's hard-wrapped abstracts
 * joined back into paragraphs, and timestamps turned into UTC days.
 */
import { parseArxivId } from './arxiv.ts';
import { validateFields, type PaperFields } from './schema.ts';
import { dropUnsafeChars } from './text.ts';

/** The fields an import may write, in the contract's order (`draft` is the maintainer's alone). */
export const IMPORT_FIELDS = [
  'title', 'date', 'arxiv', 'category', 'authors', 'topics', 'upvotes', 'published', 'venue', 'code', 'project', 'pdf', 'submitter',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportRecord {
  /** Where the entry is in the source, for messages: `entry 3`, `line 12`. */
  position: string;
  /** The entry's arXiv id as the source wrote it, for messages. */
  label?: string;
  /** Raw values from the source; a field the source has no value for is absent. */
  fields: Partial<Record<ImportField, unknown>>;
  abstract: string;
}

export interface EntryProblem {
  position: string;
  label?: string;
  /** The contract field (or source field) that is wrong, when there is one. */
  field?: string;
  message: string;
}

/** A parsed source: its records, the entries that could not become records, and notes for the log. */
export interface SourceEntries {
  records: ImportRecord[];
  problems: EntryProblem[];
  notes: string[];
}

/** A record that passed every check: contract-normalised values and the paper's id. */
export interface CheckedRecord {
  record: ImportRecord;
  id: string;
  fields: Partial<Pick<PaperFields, ImportField>>;
  abstract: string;
}

/** A whole source that cannot be read (not JSON, not Atom, an API error): nothing is imported. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/**
 * Joins arXiv's hard line wraps back into paragraphs. A line that starts with whitespace, or an
 * empty line, starts a new paragraph (arXiv's convention); other line breaks become spaces. TeX and
 * every other character are kept as written; runs of spaces fold to one.
 */
export function unwrapAbstract(text: string): string {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if ((/^\s/.test(line) || line.trim() === '') && current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
    if (line.trim()) current.push(line.trim());
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map((lines) => lines.join(' ').replace(/[ \t]+/g, ' ')).join('\n\n');
}

/** The UTC day of an ISO 8601 timestamp (`2025-03-17T00:44:05.364Z` → `2025-03-17`); undefined when it is not one. */
export function dayOfInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** A source value, or undefined when it is absent, null or blank text (a source's way of saying "none"). */
export function present(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** Drops characters no output may hold (see ./text.ts) from every string of a value. */
function clean<T>(value: T): T {
  if (typeof value === 'string') return dropUnsafeChars(value).text as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  return value;
}

/** Checks a record against the content contract; returns its normalised fields and id, or its problems. */
export function checkRecord(record: ImportRecord): { checked?: CheckedRecord; problems: EntryProblem[] } {
  const where = { position: record.position, ...(record.label ? { label: record.label } : {}) };
  const given: Record<string, unknown> = {};
  for (const name of IMPORT_FIELDS) {
    const value = clean(record.fields[name]);
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) given[name] = value;
  }
  const { fields, problems: fieldProblems } = validateFields(given);
  const problems: EntryProblem[] = fieldProblems.map((p) => ({ ...where, field: p.field, message: p.message }));
  const abstract = clean(record.abstract).trim();
  if (!abstract) problems.push({ ...where, field: 'abstract', message: 'is empty: the entry has no abstract' });
  if (given.arxiv === undefined) problems.push({ ...where, field: 'arxiv', message: 'missing: the entry has no arXiv id' });
  if (!fields || problems.length > 0) return { problems };

  const id = parseArxivId(fields.arxiv as string)?.id as string;
  const picked: Record<string, unknown> = {};
  for (const name of IMPORT_FIELDS) if (name in given) picked[name] = fields[name];
  return { checked: { record, id, fields: picked as CheckedRecord['fields'], abstract }, problems: [] };
}

/** `entry 3 (2501.01234)`: where an entry is, for messages. */
export function describeEntry(where: { position: string; label?: string }): string {
  return where.label ? `${where.position} (${where.label})` : where.position;
}
