/**
 * Paper files on disk, for the tools that write them: which file holds which paper id (so an
 * import updates the file a maintainer already has, wherever it lives under `content/papers/`),
 * where a new paper's file goes (`YYYY/MM/<id>.md`, old-style ids made safe as file names), and
 * writing a set of files all-or-nothing: every file is staged next to its target first, and only
 * when all are staged are they renamed into place, so a reader never sees half a file.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { parseArxivId } from './arxiv.ts';
import { findPaperFiles, FRONT_MATTER } from './content.ts';

export interface PaperIndex {
  /** Paper id → the files that hold it (more than one is a content error). */
  byId: Map<string, string[]>;
  files: number;
}

export interface FileWrite {
  file: string;
  text: string;
}

/**
 * The id of the paper in a file's text: its arXiv id without version when `arxiv` is set, else the
 * file name (the rule of ./content.ts). Undefined when the `arxiv` value is not an arXiv id.
 */
export function identifyPaper(file: string, text: string): string | undefined {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const doc = match?.[1] ? parseDocument(match[1], { version: '1.2', schema: 'core' }) : undefined;
  const node = doc && isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'arxiv')?.value : undefined;
  if (!isScalar(node) || node.value === null) return path.basename(file, '.md');
  const written = typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  return parseArxivId(written.trim())?.id;
}

/** Reads every paper file under `dir` and maps ids to files. */
export async function indexPapers(dir: string): Promise<PaperIndex> {
  const files = await findPaperFiles(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const byId = new Map<string, string[]>();
  const batch = 64;
  for (let start = 0; start < files.length; start += batch) {
    const chunk = files.slice(start, start + batch);
    const texts = await Promise.all(chunk.map((file) => readFile(file, 'utf8')));
    chunk.forEach((file, i) => {
      const id = identifyPaper(file, texts[i] as string);
      if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), file]);
    });
  }
  return { byId, files: files.length };
}

/** A file name for a paper id: `2310.02970.md`; old-style `hep-th/9901001` → `hep-th-9901001.md`. */
export function paperFileName(id: string): string {
  return `${id.replace(/\//g, '-')}.md`;
}

/** Where a new paper's file goes: `<dir>/YYYY/MM/<file name>` by its listing day. */
export function paperFilePath(dir: string, id: string, date: string): string {
  return path.join(dir, date.slice(0, 4), date.slice(5, 7), paperFileName(id));
}

/**
 * Writes every file or none: each is first written to a hidden temporary file beside its target
 * (which no loader reads), and only when all are written are they renamed into place. On a failure
 * while staging, the temporary files and any folders made for them are removed.
 */
export async function writeFilesAtomically(writes: FileWrite[], tag: string | number): Promise<void> {
  const staged: { temp: string; file: string }[] = [];
  const madeDirs: string[] = [];
  try {
    for (const { file, text } of writes) {
      const made = await mkdir(path.dirname(file), { recursive: true });
      if (made) madeDirs.push(made);
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${tag}.tmp`);
      await writeFile(temp, text, { flag: 'wx' });
      staged.push({ temp, file });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    for (const dir of madeDirs.reverse()) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  for (const { temp, file } of staged) await rename(temp, file);
}
