/**
 * The benchmark corpus on disk: `<dir>/papers/` (the corpus), `<dir>/next-day/` (the day a warm
 * rebuild adds) and `<dir>/corpus.json`, a stamp written last that says what the folder holds. A
 * folder whose stamp matches (same records, options and generator source) is reused as it is;
 * anything else is written again from scratch. Files are written synchronously: 60,000 small
 * files take a few seconds, and nothing else runs meanwhile.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus, nextDayPapers, type BenchPaper, type CorpusOptions } from './bench-corpus.ts';
import type { ArxivRecord } from './bench-records.ts';
import { writeOutputFiles } from './bulk-files.ts';

/** The modules whose source decides what a corpus looks like. */
const GENERATOR_SOURCES = ['bench-corpus.ts', 'bench-vary.ts', 'bench-random.ts', 'arxiv-categories.ts'];

export interface CorpusFolder {
  dir: string;
  papersDir: string;
  nextDayDir: string;
  /** False when an existing folder was reused. */
  written: boolean;
}

/** What a corpus folder holds: compared as JSON with the stamp on disk. */
export function corpusStamp(records: readonly ArxivRecord[], options: CorpusOptions): string {
  const hash = createHash('sha256');
  for (const file of GENERATOR_SOURCES) hash.update(readFileSync(path.join(import.meta.dirname, file)));
  for (const record of records) hash.update(JSON.stringify(record));
  return JSON.stringify({ ...options, records: records.length, source: hash.digest('hex').slice(0, 16) }, null, 2);
}

/** Writes papers under `dir` (through the build's writer: folders made once each); returns how many. */
export function writePapers(dir: string, papers: Iterable<BenchPaper>): number {
  return writeOutputFiles(dir, (function* () {
    for (const paper of papers) yield { path: paper.file, body: paper.text };
  })());
}

/** The corpus folder for `options` under `root`, written unless an identical one is there. */
export function ensureCorpus(root: string, records: readonly ArxivRecord[], options: CorpusOptions): CorpusFolder {
  const dir = path.join(root, `${options.size}-seed${options.seed}`);
  const folder = { dir, papersDir: path.join(dir, 'papers'), nextDayDir: path.join(dir, 'next-day') };
  const stamp = corpusStamp(records, options);
  const stampFile = path.join(dir, 'corpus.json');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { ...folder, written: false };
  rmSync(dir, { recursive: true, force: true });
  writePapers(folder.papersDir, generateCorpus(records, options));
  writePapers(folder.nextDayDir, nextDayPapers(records, options));
  writeFileSync(stampFile, stamp);
  return { ...folder, written: true };
}

/**
 * Mirrors the files under `from` into `to` (made if missing) as hard links, or copies where the
 * file system cannot link: a cheap way to give a build its own papers folder.
 */
export function linkTree(from: string, to: string): number {
  let count = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      count += linkTree(source, target);
      continue;
    }
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
    count++;
  }
  return count;
}
