/**
 * `npm run import -- <hf|arxiv> <file|url|-> [options]`: the command around ./importer.ts — reads its
 * arguments, reads and parses the source, runs the import and prints what happened: one line per
 * phase with timings, one per created or updated file, one per invalid entry, and a summary.
 * Exit codes: 0 done, 1 nothing imported (invalid entries, unreadable source), 2 wrong usage.
 * Everything from outside (clock, cwd, fetch, stdin, output) is passed in.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isCalendarDay } from './dates.ts';
import { parseArxivFeed } from './import-arxiv.ts';
import { parseHfResponse } from './import-hf.ts';
import { describeEntry, SourceError, type EntryProblem, type SourceEntries } from './import-record.ts';
import { readSource, type ReadSourceOptions } from './import-source.ts';
import { importRecords, type ImportReport } from './importer.ts';
import { displayPath } from './problems.ts';

export interface CommandIo {
  /** The project folder: the default papers folder and short names in messages are relative to it. */
  root: string;
  /** The folder the command was run in: relative paths in arguments start here. */
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => number;
  fetch?: typeof fetch;
  readStdin?: ReadSourceOptions['readStdin'];
  /** Names temporary files (e.g. the process id). */
  tag?: string | number;
}

export const IMPORT_USAGE = `usage: npm run import -- <hf|arxiv> <file|url|-> [--date YYYY-MM-DD] [--skip-invalid] [--dry-run] [--papers DIR] [--timeout SECONDS] [--quiet]
  hf      a Hugging Face /api/daily_papers response (JSON array, { "data": [...] } or JSON Lines; .gz is fine)
  arxiv   an arXiv API response (Atom), e.g. "https://export.arxiv.org/api/query?id_list=2310.02970"`;

const OPTIONS = {
  date: { type: 'string' },
  'skip-invalid': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  papers: { type: 'string' },
  timeout: { type: 'string', default: '30' },
  quiet: { type: 'boolean', default: false },
} as const;

/** Runs the import command; returns its exit code. */
export async function runImportCommand(args: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  const [kind, source, ...extra] = positionals;
  if (kind !== 'hf' && kind !== 'arxiv') return usageError(io, kind ? `unknown source kind "${kind}": use hf or arxiv` : 'say what to import');
  if (!source || extra.length > 0) return usageError(io, source ? `one source at a time (got ${positionals.length - 1})` : 'give a file, a URL or - for standard input');
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) return usageError(io, `--timeout must be a number of seconds, got "${values.timeout}"`);
  const date = values.date ?? dateFromUrl(kind, source, io);
  if (date !== undefined && !isCalendarDay(date)) return usageError(io, `--date must be a real day written YYYY-MM-DD, got "${date}"`);

  const label = (file: string) => displayPath(io.root, file);
  const log = values.quiet ? () => {} : io.out;
  let entries: SourceEntries;
  try {
    const started = io.now();
    const { text, name } = await readSource(source, { cwd: io.cwd, timeoutMs: timeout * 1000, ...(io.fetch ? { fetch: io.fetch } : {}), ...(io.readStdin ? { readStdin: io.readStdin } : {}) });
    entries = (kind === 'hf' ? parseHfResponse : parseArxivFeed)(text, date ? { date } : {});
    log(`read: ${entries.records.length + entries.problems.length} entries from ${name} (${kind}, ${Math.round(io.now() - started)} ms)`);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    io.err(`import failed: ${error.message}`);
    return 1;
  }
  for (const note of entries.notes) log(`note: ${note}`);
  if (entries.records.length > 0) log(`days: ${describeDays(entries.records.map((r) => String(r.fields.date)))}`);

  const papersDir = path.resolve(io.cwd, values.papers ?? path.join(io.root, 'content/papers'));
  const report = await importRecords(entries.records, entries.problems, {
    papersDir, skipInvalid: values['skip-invalid'], dryRun: values['dry-run'], label, log, now: io.now, ...(io.tag !== undefined ? { tag: io.tag } : {}),
  });
  return printReport(report, { dryRun: values['dry-run'], skipInvalid: values['skip-invalid'], quiet: values.quiet, label }, io);
}

function usageError(io: CommandIo, message: string): number {
  io.err(`import: ${message}`);
  io.err(IMPORT_USAGE);
  return 2;
}

/** A Hugging Face URL names its day (`?date=2025-03-11`): that is the listing day unless --date says otherwise. */
function dateFromUrl(kind: string, source: string, io: CommandIo): string | undefined {
  if (kind !== 'hf' || !/^https?:\/\//i.test(source)) return undefined;
  const date = new URL(source).searchParams.get('date') ?? '';
  if (!isCalendarDay(date)) return undefined;
  io.out(`date: ${date} (from the URL)`);
  return date;
}

/** `2025-02-11 (3), 2025-02-12 (2)`, or a range when there are many days. */
function describeDays(days: string[]): string {
  const counts = new Map<string, number>();
  for (const day of [...days].sort()) counts.set(day, (counts.get(day) ?? 0) + 1);
  const keys = [...counts.keys()];
  if (keys.length > 6) return `${keys.length} listing days from ${keys[0]} to ${keys[keys.length - 1]}`;
  return keys.map((day) => `${day} (${counts.get(day)})`).join(', ');
}

interface PrintOptions {
  dryRun: boolean;
  skipInvalid: boolean;
  quiet: boolean;
  label: (file: string) => string;
}

function printReport(report: ImportReport, options: PrintOptions, io: CommandIo): number {
  const blocked = report.invalid.length > 0 && !options.skipInvalid;
  const verb = options.dryRun || blocked ? 'would be ' : '';
  for (const outcome of report.outcomes) {
    if (options.quiet || outcome.kind === 'unchanged') continue;
    const changes = outcome.changes.length > 0 ? ` (${outcome.changes.join('; ')})` : '';
    io.out(`  ${verb}${outcome.kind} ${options.label(outcome.file)}${changes}`);
  }
  for (const problem of report.invalid) io.err(formatInvalid(problem, blocked ? 'error' : 'skipped'));
  const count = (kind: string) => report.outcomes.filter((o) => o.kind === kind).length;
  const counts = `${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${report.skipped} skipped`;
  const entries = report.outcomes.length + new Set(report.invalid.map((p) => p.position)).size;
  if (blocked) {
    const bad = new Set(report.invalid.map((p) => p.position)).size;
    io.err(`import failed: ${bad} of ${entries} entries are invalid, so nothing was written. Fix the source, or pass --skip-invalid to import the ${entries - bad} valid entries.`);
    return 1;
  }
  io.out(options.dryRun ? `dry run: ${counts}; nothing was written` : `import: ${counts}; ${report.written} files written`);
  return 0;
}

function formatInvalid(problem: EntryProblem, severity: string): string {
  return `${describeEntry(problem)}: ${severity}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}
