/**
 * The files a site has one of per paper that are not pages — its BibTeX (`/papers/<id>/cite.bib`)
 * and its JSON API object (`/api/papers/<id>.json`) — written straight to disk by the build, after
 * Eleventy (DESIGN §3: a build hook; content/bulk-files.md marks them). Through Eleventy each file
 * cost about half a millisecond of its pipeline; written here, a twentieth of that, which at two
 * files per paper is the difference between a minute and a few seconds on a 60,000-paper site.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Writes files under `outDir` (synchronously: nothing else waits), making each folder once; returns the count. */
export function writeOutputFiles(outDir: string, files: Iterable<OutputFile>): number {
  const made = new Set<string>();
  let count = 0;
  for (const file of files) {
    const target = path.join(outDir, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.body);
    count++;
  }
  return count;
}
