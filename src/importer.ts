/**
 * One import run, from parsed records to files: check every record against the content contract,
 * find the file that already holds each paper (or where a new one goes), merge or render its text,
 * check that text as the build would read it, and — only when every entry passed, or with
 * `skipInvalid` — write all changed files at once. Nothing is written on a dry run or when any
 * entry is invalid, so a bad response can never leave half an import behind.
 */
import { readFile, stat } from 'node:fs/promises';
import { parsePaper } from './content.ts';
import { checkRecord, describeEntry, type CheckedRecord, type EntryProblem, type ImportRecord } from './import-record.ts';
import { indexPapers, paperFilePath, writeFilesAtomically, type PaperIndex } from './paper-files.ts';
import { MergeError, mergePaperText } from './paper-merge.ts';
import { renderPaperFile, type FieldValue } from './paper-yaml.ts';

export interface ImportOptions {
  papersDir: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** Turns an absolute path into the name shown in messages. */
  label?: (file: string) => string;
  log?: (line: string) => void;
  /** The clock for timings. */
  now?: () => number;
  /** Names the temporary files of this run (e.g. the process id). */
  tag?: string | number;
}

export type OutcomeKind = 'created' | 'updated' | 'unchanged';

export interface Outcome {
  entry: string;
  kind: OutcomeKind;
  file: string;
  changes: string[];
}

export interface ImportReport {
  outcomes: Outcome[];
  invalid: EntryProblem[];
  /** Invalid entries left out (with `skipInvalid`); otherwise 0. */
  skipped: number;
  /** Files written: 0 on a dry run or when invalid entries stopped the import. */
  written: number;
}

interface FileState {
  /** The file's text on disk; undefined for a file this run creates. */
  original?: string;
  /** Its text after the entries so far. */
  text?: string;
}

/** Imports `records` into the papers folder; `problems` are entries the source already found invalid. */
export async function importRecords(records: ImportRecord[], problems: EntryProblem[], options: ImportOptions): Promise<ImportReport> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => performance.now());
  const label = options.label ?? ((file: string) => file);
  let started = now();
  const index = await indexPapers(options.papersDir);
  log(`index: ${index.files} paper files under ${label(options.papersDir)} (${Math.round(now() - started)} ms)`);

  started = now();
  const invalid = [...problems];
  const outcomes: Outcome[] = [];
  const files = new Map<string, FileState>();
  const newFiles = new Map<string, string>();
  for (const record of records) {
    const { checked, problems: recordProblems } = checkRecord(record);
    const result = checked ? await planRecord(checked, { index, files, newFiles, options, label }) : recordProblems;
    if (Array.isArray(result)) invalid.push(...result);
    else outcomes.push(result);
  }
  invalid.sort((a, b) => positionNumber(a.position) - positionNumber(b.position));
  log(`check: ${outcomes.length} valid, ${invalid.length} invalid (${Math.round(now() - started)} ms)`);

  const blocked = invalid.length > 0 && !options.skipInvalid;
  const skipped = blocked ? 0 : new Set(invalid.map((p) => p.position)).size;
  const writes = [...files].filter(([, state]) => state.text !== state.original).map(([file, state]) => ({ file, text: state.text as string }));
  if (blocked || options.dryRun || writes.length === 0) return { outcomes, invalid, skipped, written: 0 };
  started = now();
  await writeFilesAtomically(writes, options.tag ?? process.pid);
  log(`write: ${writes.length} files (${Math.round(now() - started)} ms)`);
  return { outcomes, invalid, skipped, written: writes.length };
}

const positionNumber = (position: string) => Number(/\d+/.exec(position)?.[0] ?? 0);

interface PlanContext {
  index: PaperIndex;
  files: Map<string, FileState>;
  /** Paper id → the file this run creates for it. */
  newFiles: Map<string, string>;
  options: ImportOptions;
  label: (file: string) => string;
}

/** Works out one record's file and new text, and checks that text as the build reads it. */
async function planRecord(checked: CheckedRecord, ctx: PlanContext): Promise<Outcome | EntryProblem[]> {
  const where = { position: checked.record.position, ...(checked.record.label ? { label: checked.record.label } : {}) };
  const target = await findTarget(checked, ctx);
  if ('message' in target) return [{ ...where, field: 'arxiv', message: target.message }];
  const prior = ctx.files.get(target.file) ?? (target.exists ? { original: await readFile(target.file, 'utf8') } : {});
  const before = prior.text ?? prior.original;
  const fields = checked.fields as Partial<Record<string, FieldValue>>;
  let next: { text: string; changes: string[] };
  try {
    next = before === undefined ? { text: renderPaperFile(fields, checked.abstract), changes: [] } : mergePaperText(before, { fields, abstract: checked.abstract });
  } catch (error) {
    if (error instanceof MergeError) return [{ ...where, message: `${ctx.label(target.file)} ${error.message}` }];
    throw error;
  }
  if (next.text !== before) {
    const errors = parsePaper(ctx.label(target.file), new TextEncoder().encode(next.text)).problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) return errors.map((p) => ({ ...where, ...(p.field ? { field: p.field } : {}), message: `${p.message} (in ${ctx.label(target.file)})` }));
  }
  ctx.files.set(target.file, { original: prior.original, text: next.text });
  if (prior.original === undefined) ctx.newFiles.set(checked.id, target.file);
  const kind: OutcomeKind = before === undefined ? 'created' : next.text === before ? 'unchanged' : 'updated';
  return { entry: describeEntry(where), kind, file: target.file, changes: next.changes };
}

/** The file that holds the paper already, or the free path for a new one. */
async function findTarget(checked: CheckedRecord, ctx: PlanContext): Promise<{ file: string; exists: boolean } | { message: string }> {
  const existing = ctx.index.byId.get(checked.id) ?? [];
  if (existing.length > 1) {
    return { message: `paper ${checked.id} is in ${existing.length} files (${existing.map(ctx.label).join(', ')}): merge them into one first` };
  }
  if (existing.length === 1) return { file: existing[0] as string, exists: true };
  const planned = ctx.newFiles.get(checked.id);
  if (planned) return { file: planned, exists: false };
  const file = paperFilePath(ctx.options.papersDir, checked.id, checked.fields.date as string);
  if (ctx.files.has(file) || (await stat(file).then(() => true, () => false))) {
    return { message: `${ctx.label(file)} already exists and holds another paper: rename that file, or give it its arxiv id` };
  }
  return { file, exists: false };
}
