/**
 * The files a site has one of per paper that are not pages — its BibTeX (`/papers/<id>/cite.bib`)
 * and its JSON API object (`/api/papers/<id>.json`) — written straight to disk by the build, after
 * Eleventy (DESIGN §3: a build hook; content/bulk-files.md marks them). Through Eleventy each file
 * cost about half a millisecond of its pipeline; written here, a twentieth of that, which at two
 * files per paper is the difference between a minute and a few seconds on a 60,000-paper site.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiPaper } from './api.ts';
import { bibtexEntry } from './bibtex.ts';
import { apiPaperPath, paperBibPath } from './urls.ts';
import type { PaperView } from './views.ts';

export interface OutputFile {
  /** Site path, e.g. `/papers/2310.02970/cite.bib`. */
  path: string;
  body: string;
}

/** Each paper's BibTeX and JSON API object. */
export function* paperFiles(papers: PaperView[], siteUrl: string): Generator<OutputFile> {
  for (const paper of papers) {
    yield { path: paperBibPath(paper.id), body: bibtexEntry(paper.cite, siteUrl) };
    yield { path: apiPaperPath(paper.id), body: JSON.stringify(apiPaper(paper.cite)) };
  }
}

/** Folders made so far (or being made), shared by calls that write into the same folders. */
export type FolderCache = Map<string, Promise<unknown>>;

/** Files written at once: one per libuv thread, enough to keep the disk busy while the next ones render. */
const IN_FLIGHT = 4;

/**
 * Writes files under `outDir`, making each folder once, with a few writes in flight: the files are
 * made (rendered) here one by one while libuv's threads write the previous ones, so rendering does
 * not wait on the disk. More writes at once only contend for the same folders' locks. `folders`
 * lets a later call skip the folders an earlier one made. Resolves with the count when all are on
 * disk; the first failed write rejects (after the writes in flight have settled).
 */
export async function writeOutputFiles(outDir: string, files: Iterable<OutputFile>, folders: FolderCache = new Map()): Promise<number> {
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let count = 0;
  for (const file of files) {
    if (failure) break;
    const target = path.join(outDir, file.path);
    const folder = path.dirname(target);
    let made = folders.get(folder);
    if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
    const write: Promise<void> = made
      .then(() => writeFile(target, file.body))
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
    count++;
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  return count;
}
