/**
 * The papers `npm run budget` measures when it is not given a site: 50 real arXiv papers of one day
 * (tests/fixtures/budget-papers.jsonl, cut from June 2025 listings; arXiv metadata is CC0), as a
 * maintainer would have them — topics from their arXiv categories, upvotes, code links on some —
 * all listed on one day, so the day, its week and its month are listings of exactly 50 papers.
 * Real titles, names and abstracts, because made-up text compresses differently.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { categoryLabel } from './arxiv-categories.ts';
import type { ArxivRecord } from './bench-records.ts';
import { writeOutputFiles } from './bulk-files.ts';
import { renderPaperFile } from './paper-yaml.ts';

/** The corpus's records (relative to the project) and the day they are all listed on. */
export const BUDGET_RECORDS = 'tests/fixtures/budget-papers.jsonl';
export const BUDGET_DAY = '2025-06-03';

/** An arXiv record (as the benchmark reads them) with the day arXiv published it. */
export interface BudgetRecord extends ArxivRecord {
  date: string;
}

export function readBudgetRecords(file: string): BudgetRecord[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as BudgetRecord);
}

/** Paper files (path under the papers folder → text) for the records, in their order, all on `day`. */
export function budgetPaperFiles(records: BudgetRecord[], day: string): Record<string, string> {
  const files: Record<string, string> = {};
  records.forEach((record, i) => {
    const topics = [...new Set(record.categories.map(categoryLabel).filter((label): label is string => label !== undefined))];
    const fields: Record<string, string | number | string[]> = {
      title: record.title, date: day, arxiv: record.id, category: record.primary, authors: record.authors, topics,
      upvotes: Math.max(0, 150 - 3 * i - (i % 4)), published: record.date,
    };
    if (i % 3 === 0) fields.code = `https://github.com/example/${record.id.replace(/[./]/g, '-')}`;
    files[`${day.slice(0, 4)}/${day.slice(5, 7)}/${record.id.replace('/', '-')}.md`] = renderPaperFile(fields, record.abstract);
  });
  return files;
}

/** Writes the corpus's paper files under `papersDir`; returns how many. */
export function writeBudgetPapers(papersDir: string, recordsFile: string, day: string): number {
  const files = budgetPaperFiles(readBudgetRecords(recordsFile), day);
  return writeOutputFiles(papersDir, Object.entries(files).map(([file, body]) => ({ path: file, body })));
}

/**
 * Builds the corpus into `work/_site` with `npm run build`'s script (no render cache, quiet), as
 * `npm run budget` and `npm run lighthouse` measure it; returns the site folder.
 */
export function buildBudgetSite(root: string, work: string): string {
  const papers = path.join(work, 'papers');
  writeBudgetPapers(papers, path.join(root, BUDGET_RECORDS), BUDGET_DAY);
  const out = path.join(work, '_site');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build.ts'), '--papers', papers, '--out', out, '--no-cache', '--quiet'], { cwd: root, stdio: 'inherit' });
  return out;
}
