import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteStats, treeStats } from '../src/bench-site-stats.ts';
import { tempDir } from './helpers/bench.ts';

/** Writes `files` (relative path → size in bytes) under a new folder. */
function site(files: Record<string, number>): string {
  const dir = tempDir('site');
  for (const [file, size] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), Buffer.alloc(size, 120));
  }
  return dir;
}

const many = (folder: string, n: number, size = 1) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${folder}/${i}.html`, size]));

describe('what a build left on disk', () => {
  it('counts files and bytes, and finds the folder holding the most files directly', () => {
    const dir = site({ 'index.html': 100, 'rss.xml': 50, ...many('papers/a', 3, 10), ...many('api/papers', 5, 2) });
    expect(siteStats(dir)).toEqual({ files: 10, bytes: 190, largestFolder: { path: 'api/papers', files: 5 } });
  });

  it('counts the search index: every folder whose top-level name starts with pagefind', () => {
    const dir = site({ 'index.html': 1, 'pagefind/pagefind.js': 10, ...many('pagefind/fragment', 4, 5), 'pagefind-2024/x.pf_meta': 7, ...many('pagefind-2024/index', 6, 1), 'papers/pagefind/index.html': 3 });
    const stats = siteStats(dir);
    expect(stats.search).toEqual({ files: 12, bytes: 10 + 20 + 7 + 6, largestFolder: { path: 'pagefind-2024/index', files: 6 }, folders: 4 });
    expect(stats.files).toBe(14);
  });

  it('leaves the search index out when there is none', () => {
    expect(siteStats(site({ 'index.html': 1 })).search).toBeUndefined();
  });

  it('counts a missing folder as empty', () => {
    expect(treeStats(path.join(tempDir(), 'nothing'))).toMatchObject({ files: 0, bytes: 0 });
  });
});
