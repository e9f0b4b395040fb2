/**
 * The files a site has one of per paper that are not pages — its BibTeX (`/papers/<id>/cite.bib`)
 * and its JSON API object (`/api/papers/<id>.json`) — and the writer of every per-paper file: they
 * go straight to disk with the paper pages (src/bulk-pages.ts), after Eleventy (DESIGN §3: a build
 * hook; content/bulk-files.md marks them). Through Eleventy each file cost about half a millisecond
 * of its pipeline; written here, a twentieth of that.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiPaper } from './api.ts';
import type { CiteView } from './cite-view.ts';
import { apiPaperPath, paperBibPath } from './urls.ts';
import type { PaperView } from './views.ts';

export interface OutputFile {
  /** Site path, e.g. `/papers/2310.02970/cite.bib`. */
  path: string;
  body: string;
}

/** A paper's BibTeX (the entry its page shows, from its CiteView) and JSON API object. */
export function* paperFiles(paper: PaperView, citation: CiteView): Generator<OutputFile> {
  yield { path: paperBibPath(paper.id), body: citation.bibtex };
  yield { path: apiPaperPath(paper.id), body: JSON.stringify(apiPaper(paper.cite)) };
}

/**
 * Writes files under `outDir`, making each folder once; returns the count. Synchronously, one file
 * after the other as they are made (rendered): a file costs its system calls alone this way (about
 * 25 µs on tmpfs and 75 µs on this machine's disk for a 15 kB page), where handing each write to
 * libuv's threads cost 90–135 µs of bookkeeping and contended for the same folders' locks.
 */
export function writeOutputFiles(outDir: string, files: Iterable<{ path: string; body: string | Uint8Array }>): number {
  const makeFolderOf = folderMaker();
  let count = 0;
  for (const file of files) {
    const target = path.join(outDir, file.path);
    makeFolderOf(target);
    writeFileSync(target, file.body);
    count++;
  }
  return count;
}

/** Makes the folder of each file it is given (parents and all), each folder once: a 60,000-paper site has as many. */
export function folderMaker(): (file: string) => void {
  const folders = new Set<string>();
  return (file) => {
    const folder = path.dirname(file);
    if (folders.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  };
}
