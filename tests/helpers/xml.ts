/**
 * XML checks with libxml2's `xmllint` (Debian's libxml2-utils): well-formedness and validation
 * against an XML Schema (the sitemaps.org XSDs in tests/fixtures). Returns one line per problem.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SITEMAP_XSD = path.join(import.meta.dirname, '../fixtures/sitemap.xsd');
export const SITEINDEX_XSD = path.join(import.meta.dirname, '../fixtures/siteindex.xsd');

/** Problems xmllint finds in `files` against the schema `xsd` (none when every file validates). */
export function xmlSchemaProblems(xsd: string, files: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile('xmllint', ['--noout', '--nonet', '--schema', xsd, ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve(stderr.split('\n').filter((line) => line && !line.endsWith(' validates')));
    });
  });
}

/** Writes `text` to a new temporary file named `name` and returns its path. */
export async function tempFile(name: string, text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-xml-')), name);
  await writeFile(file, text);
  return file;
}
