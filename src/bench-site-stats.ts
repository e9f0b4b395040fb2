/**
 * What a build left on disk, counted from the files themselves: files and bytes of the site, the
 * folder with the most files (hosts and file systems slow down, and some refuse, past tens of
 * thousands of entries), and the same for the search index — every folder whose top-level name
 * starts with `pagefind` (`/pagefind/`, `/pagefind-2024/`, and their sub-folders).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface FolderCount {
  /** Relative to the site, `.` for its root. */
  path: string;
  files: number;
}

export interface TreeStats {
  files: number;
  bytes: number;
  /** The folder holding the most files directly (not counting its sub-folders). */
  largestFolder: FolderCount;
}

export interface SiteStats extends TreeStats {
  /** Undefined when the site has no `pagefind*` folder. */
  search?: TreeStats & { folders: number };
}

interface Walk {
  files: number;
  bytes: number;
  folders: FolderCount[];
}

function walk(root: string, relative: string, into: Walk): void {
  let files = 0;
  for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const child = relative === '.' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) walk(root, child, into);
    else if (entry.isFile()) {
      files++;
      into.bytes += statSync(path.join(root, child)).size;
    }
  }
  into.files += files;
  into.folders.push({ path: relative, files });
}

const largest = (folders: FolderCount[]): FolderCount =>
  folders.reduce((most, folder) => (folder.files > most.files ? folder : most), { path: '.', files: 0 });

/** Counts a folder tree (an empty result when it does not exist). */
export function treeStats(dir: string): TreeStats & { folders: FolderCount[] } {
  const into: Walk = { files: 0, bytes: 0, folders: [] };
  try {
    walk(dir, '.', into);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { files: into.files, bytes: into.bytes, largestFolder: largest(into.folders), folders: into.folders };
}

const isSearchFolder = (relative: string) => /^pagefind[^/]*(\/|$)/.test(relative);

export function siteStats(dir: string): SiteStats {
  const { folders, ...site } = treeStats(dir);
  const search = folders.filter((folder) => isSearchFolder(folder.path));
  if (search.length === 0) return site;
  const totals = search.filter((folder) => !folder.path.includes('/')).map((top) => treeStats(path.join(dir, top.path)));
  return {
    ...site,
    search: {
      files: totals.reduce((sum, t) => sum + t.files, 0),
      bytes: totals.reduce((sum, t) => sum + t.bytes, 0),
      largestFolder: largest(search),
      folders: search.length,
    },
  };
}
