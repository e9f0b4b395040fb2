/**
 * Where the benchmark puts what it no longer needs (the last run's site and cache) until it has
 * measured everything: moved aside with one rename, deleted after the last run. Deleting a 60,000-
 * paper site removes 250,000 files, and on a disk that discards freed blocks (ext4 `discard`, as on
 * the machine these figures come from) that slows down the next minutes of file writes — the next
 * run's, which would then measure its predecessor's clean-up. A Netlify build starts on a fresh machine.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface Trash {
  /** Moves `dir` into the trash, if it exists. */
  put(dir: string): void;
  /** Deletes everything in the trash; returns how many folders went. */
  empty(): number;
}

/** A trash folder at `dir` (on the same file system as what goes into it, so that putting is a rename). */
export function openTrash(dir: string): Trash {
  let count = 0;
  return {
    put(target) {
      if (!existsSync(target)) return;
      mkdirSync(dir, { recursive: true });
      renameSync(target, path.join(dir, `${process.pid}-${++count}-${path.basename(target)}`));
    },
    empty() {
      if (!existsSync(dir)) return 0;
      const emptied = count;
      rmSync(dir, { recursive: true, force: true });
      count = 0;
      return emptied;
    },
  };
}
