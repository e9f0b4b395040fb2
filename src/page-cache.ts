/**
 * The page cache: the bulk pages (a paper's page with its `.bib` and JSON files, a listing page) of
 * the last build, kept under the build cache folder (`.cache/paperfeed/pages/`, which Netlify keeps
 * between builds) by a key of everything they are made from, so a daily build writes again only
 * the pages whose inputs changed: a 60,000-paper site adds 250 papers a day and changes a few
 * hundred pages, not 60,000.
 *
 * The key of a page is a SHA-256 of the code that renders it ({@link codeFingerprint}: every file of
 * `layouts/`, `src/` and the lockfile), the site-wide data its templates may read (src/bulk-pages.ts
 * `bulkGlobals`) and the page's own data. An entry is the page's files as hard links to the files
 * the build wrote (`<key>-0`, `<key>-1`, ...): keeping one costs no bytes and reusing one is a link
 * into the new output, not a render and a write; where links are not possible (another file system)
 * files are copied. Entries are only ever made from complete files and are never written to, so a
 * build that dies leaves nothing half-written; an entry missing a file is rendered again. Entries no
 * page of the last successful build used are removed after it. The entries there are listed once,
 * at the first lookup, so a page the cache does not hold costs no system call (a cold build of a
 * 60,000-paper site would make 63,000 failing links).
 *
 * Output files share their bytes with the cache: a tool that edits `_site/` in place after the build
 * (rather than writing new files) would edit the cache too; `--no-cache` builds keep none.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';

export interface PageCacheStats {
  /** Pages whose files came from the cache. */
  hits: number;
  /** Pages rendered and written, then kept. */
  misses: number;
}

export interface PageCache {
  /** The cache folder. */
  readonly dir: string;
  /** The key of a page made from `inputs` (plain JSON data) with this build's code and site-wide data. */
  key(inputs: unknown): string;
  /** True when the cache holds every one of the `files` files of the entry `key` (as listed at the first lookup, or kept since). */
  has(key: string, files: number): boolean;
  /**
   * Records an entry a page writer (src/page-writer.ts) linked into the output (`hit`, with
   * {@link restoreEntry}) or kept with `files` files ({@link keepEntry}): the build used it.
   */
  track(key: string, files: number, hit: boolean): void;
  /** Removes the entries this build did not use; returns how many pages' entries went. */
  prune(): number;
  readonly stats: PageCacheStats;
}

const ENTRY = /^([0-9a-f]{64})-(\d+)$/;

/** A hash of the code that turns page data into pages: every file under `layouts/` and `src/` of `root`, and its lockfile. */
export function codeFingerprint(root: string): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) add(file);
    }
  };
  walk(path.join(root, 'layouts'));
  walk(path.join(root, 'src'));
  const lockfile = path.join(root, 'package-lock.json');
  if (statSync(lockfile, { throwIfNoEntry: false })?.isFile()) add(lockfile);
  return hash.digest('hex');
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A hard link from `from` to `to`, replacing `to`; a copy where the file system cannot link. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') {
      unlinkSync(to);
      return linkOrCopy(from, to);
    }
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
  }
  copyFileSync(from, to);
}

/** The names in folder `dir`, none when it is not a folder. */
function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The entries in a cache folder: each key with the numbers of its files. */
function listEntries(dir: string): Map<string, Set<number>> {
  const entries = new Map<string, Set<number>>();
  for (const folder of namesIn(dir)) {
    for (const file of namesIn(path.join(dir, folder))) {
      const match = ENTRY.exec(file);
      if (!match) continue;
      const [, key, i] = match as unknown as [string, string, string];
      let files = entries.get(key);
      if (!files) entries.set(key, (files = new Set()));
      files.add(Number(i));
    }
  }
  return entries;
}

/** Where file `i` of the entry `key` is kept. */
function entryFile(dir: string, key: string, i: number): string {
  return path.join(dir, key.slice(0, 2), `${key}-${i}`);
}

/**
 * Links the files of the entry `key` in the cache folder `dir` to `targets` (whose folders exist);
 * false, leaving nothing behind, when a file of the entry is gone.
 */
export function restoreEntry(dir: string, key: string, targets: string[]): boolean {
  const linked: string[] = [];
  for (const [i, target] of targets.entries()) {
    try {
      linkOrCopy(entryFile(dir, key, i), target);
      linked.push(target);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      for (const done of linked) unlinkSync(done);
      return false;
    }
  }
  return true;
}

/** Keeps the complete files at `targets` as the entry `key` in the cache folder `dir`; `folders` remembers the folders made. */
export function keepEntry(dir: string, key: string, targets: string[], folders: Set<string>): void {
  const folder = path.join(dir, key.slice(0, 2));
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  for (const [i, target] of targets.entries()) linkOrCopy(target, entryFile(dir, key, i));
}

/**
 * The page cache in `dir` (made when needed) for pages rendered by code with fingerprint `code`
 * ({@link codeFingerprint}) from site-wide data `globals`.
 */
export function openPageCache(dir: string, code: string, globals: unknown): PageCache {
  const salt = createHash('sha256').update(code).update('\0').update(JSON.stringify(globals)).digest('hex');
  const used = new Set<string>();
  const stats: PageCacheStats = { hits: 0, misses: 0 };
  let stored: Map<string, Set<number>> | undefined;
  const storedFiles = (key: string) => (stored ??= listEntries(dir)).get(key);
  const has = (key: string, files: number) => {
    const kept = storedFiles(key);
    if (!kept) return false;
    for (let i = 0; i < files; i++) if (!kept.has(i)) return false;
    return true;
  };
  const track = (key: string, files: number, hit: boolean) => {
    if (!hit) (stored ??= listEntries(dir)).set(key, new Set(Array.from({ length: files }, (_, i) => i)));
    used.add(key);
    if (hit) stats.hits++;
    else stats.misses++;
  };

  return {
    dir,
    stats,
    key(inputs) {
      return createHash('sha256').update(salt).update('\0').update(JSON.stringify(inputs)).digest('hex');
    },
    has,
    track,
    prune() {
      const removed = new Set<string>();
      for (const name of namesIn(dir)) {
        const folder = path.join(dir, name);
        for (const file of namesIn(folder)) {
          const key = ENTRY.exec(file)?.[1];
          if (key && used.has(key)) continue;
          rmSync(path.join(folder, file), { force: true, recursive: true });
          removed.add(key ?? file);
        }
      }
      return removed.size;
    },
  };
}
