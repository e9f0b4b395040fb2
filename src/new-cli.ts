/**
 * `npm run new -- <arxiv-id | "title"> [--date YYYY-MM-DD] [--name slug] [--papers DIR]`: writes a
 * new paper file from ./scaffold.ts, listed today (the command line's clock, in UTC, and printed)
 * unless --date says otherwise. It never overwrites: when the file, or another file for the same
 * paper anywhere under the papers folder, already exists, it says which and stops.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isCalendarDay } from './dates.ts';
import { indexPapers } from './paper-files.ts';
import { displayPath } from './problems.ts';
import { readSubject, renderScaffold, scaffoldPath } from './scaffold.ts';

export interface NewIo {
  root: string;
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Today's UTC day, `YYYY-MM-DD`, from the caller's clock. */
  today: () => string;
}

export const NEW_USAGE = 'usage: npm run new -- <arxiv-id | "title"> [--date YYYY-MM-DD] [--name file-name-slug] [--papers DIR]';

/** Runs the command; returns its exit code (0 written, 1 refused, 2 wrong usage). */
export async function runNewCommand(args: string[], io: NewIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { date: { type: 'string' }, name: { type: 'string' }, papers: { type: 'string' } } });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usage(io, positionals.length === 0 ? 'give an arXiv id or a title' : 'give one arXiv id or one title (put a title in quotes)');
  const date = values.date ?? io.today();
  if (!isCalendarDay(date)) return usage(io, `--date must be a real day written YYYY-MM-DD, got "${date}"`);
  const subject = readSubject(positionals[0] as string, values.name);
  if ('error' in subject) return usage(io, subject.error);

  const papersDir = path.resolve(io.cwd, values.papers ?? path.join(io.root, 'content/papers'));
  const label = (file: string) => displayPath(io.root, file);
  io.out(values.date ? `date: ${date} (from --date)` : `date: ${date} (today in UTC, from this computer's clock; --date YYYY-MM-DD to choose another)`);
  const existing = (await indexPapers(papersDir)).byId.get(subject.id);
  if (existing) {
    io.err(`new: paper ${subject.id} already exists: ${existing.map(label).join(', ')} — edit that file (nothing was written)`);
    return 1;
  }
  const file = scaffoldPath(papersDir, subject, date);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, renderScaffold(subject, date), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    io.err(`new: ${label(file)} already exists and holds another paper (nothing was written): choose another name with --name`);
    return 1;
  }
  io.out(`created ${label(file)}`);
  io.out(`next: write the ${subject.title === undefined ? 'title (after title:) and the ' : ''}abstract (below the closing ---), then run npm run check:content`);
  if (subject.arxiv) io.out(`      or fill it from arXiv: npm run import -- arxiv "https://export.arxiv.org/api/query?id_list=${subject.id}"`);
  return 0;
}

function usage(io: NewIo, message: string): number {
  io.err(`new: ${message}`);
  io.err(NEW_USAGE);
  return 2;
}
