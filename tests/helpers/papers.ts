/**
 * Factories for paper files: `paperSource` writes one file's text from fields and a body (a fresh
 * object each call, never shared), `writePapers` lays a set of them out in a temporary folder.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export type Fields = Record<string, unknown>;

let counter = 0;

/** Valid fields for a paper, unique per call, with `overrides` applied (`undefined` removes a field). */
export function paperFields(overrides: Fields = {}): Fields {
  counter++;
  const fields: Fields = {
    title: `A Study of Things, Part ${counter}`,
    date: '2025-03-11',
    arxiv: `2503.${String(10000 + counter).padStart(5, '0')}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    topics: ['machine learning'],
    upvotes: counter,
    ...overrides,
  };
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete fields[key];
  return fields;
}

/** A paper file's text: YAML front matter between `---` lines, then the body. */
export function paperSource(fields: Fields = paperFields(), body = 'We study things and find that they are interesting.'): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${body}\n`;
}

/** Writes `files` (relative path → text) into a new temporary folder and returns its path. */
export async function writePapers(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-papers-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return dir;
}
