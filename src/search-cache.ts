/**
 * The search index cache on disk: each shard's Pagefind files, keyed by a hash of its records (see
 * search-index.ts), packed into one file per shard under the build cache folder, which Netlify keeps
 * between builds. A daily build adds papers to the newest shard only, so it indexes that one and
 * copies the others' files from here: seconds instead of a minute on a 60,000-paper site.
 * A pack is `PFPACK1\n`, a JSON line of [path, length] pairs, then the files' bytes; anything that
 * does not read back whole is ignored (and indexed again). Packs this build did not use are removed,
 * and so are temporary files an hour old (a build that died while writing).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IndexFile, SearchIndexCache } from './search-index.ts';

const MAGIC = 'PFPACK1\n';
const KEY = /^[A-Za-z0-9_-]+$/;

export function packFiles(files: IndexFile[]): Buffer {
  const header = JSON.stringify(files.map((file) => [file.path, file.content.byteLength]));
  return Buffer.concat([Buffer.from(`${MAGIC}${header}\n`), ...files.map((file) => Buffer.from(file.content))]);
}

/** The files of a pack, or undefined when it is not one, or not whole. */
export function unpackFiles(pack: Buffer): IndexFile[] | undefined {
  if (pack.subarray(0, MAGIC.length).toString() !== MAGIC) return undefined;
  const end = pack.indexOf(10, MAGIC.length);
  if (end < 0) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(pack.subarray(MAGIC.length, end).toString());
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries)) return undefined;
  const files: IndexFile[] = [];
  let offset = end + 1;
  for (const entry of entries) {
    const [file, length] = entry as [unknown, unknown];
    if (typeof file !== 'string' || typeof length !== 'number' || file.split('/').includes('..') || offset + length > pack.length) return undefined;
    files.push({ path: file, content: pack.subarray(offset, offset + length) });
    offset += length;
  }
  return offset === pack.length ? files : undefined;
}

export interface DiskSearchIndexCache extends SearchIndexCache {
  /** Removes the packs this build did not use; returns how many. */
  prune(): number;
}

/** A search index cache in `dir` (created when needed). */
export function openSearchIndexCache(dir: string): DiskSearchIndexCache {
  const used = new Set<string>();
  const file = (key: string) => path.join(dir, `${key}.pfpack`);
  return {
    get(key) {
      if (!KEY.test(key)) return undefined;
      try {
        const files = unpackFiles(readFileSync(file(key)));
        if (files) used.add(key);
        return files;
      } catch {
        return undefined;
      }
    },
    set(key, files) {
      if (!KEY.test(key)) return;
      mkdirSync(dir, { recursive: true });
      const temporary = `${file(key)}.${process.pid}.tmp`;
      writeFileSync(temporary, packFiles(files));
      renameSync(temporary, file(key));
      used.add(key);
    },
    prune() {
      let removed = 0;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return 0;
      }
      for (const name of names) {
        const key = name.replace(/\.pfpack$/, '');
        // A temporary file is another build's pack being written, unless an hour old (a build that died).
        const stale = name.endsWith('.tmp') && Date.now() - statSync(path.join(dir, name)).mtimeMs > 3_600_000;
        if ((name.endsWith('.pfpack') && !used.has(key)) || stale) {
          rmSync(path.join(dir, name), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
