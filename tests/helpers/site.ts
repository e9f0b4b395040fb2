/**
 * Builds a site the way a user does (`scripts/build.ts` in a child process) and reads the result
 * with a real HTML parser (cheerio, on parse5).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';

export const root = path.resolve(import.meta.dirname, '../..');

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
}

/**
 * Runs the production build of `papersDir` into `outDir` (a new temporary folder by default), with
 * its render cache in `cacheDir` (by default a new temporary folder: tests never touch the project's).
 */
export async function runBuild(
  papersDir: string,
  options: { outDir?: string; cacheDir?: string; env?: Record<string, string>; args?: string[] } = {},
): Promise<BuildRun> {
  const outDir = options.outDir ?? path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-site-')), '_site');
  const cacheDir = options.cacheDir ?? (await mkdtemp(path.join(os.tmpdir(), 'paperfeed-cache-')));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts/build.ts'), '--papers', papersDir, '--out', outDir, '--cache-dir', cacheDir, ...(options.args ?? [])],
      { cwd: root, env: { ...process.env, URL: 'https://papers.example.org', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, outDir });
      },
    );
  });
}

/** The file that serves `urlPath` (`/papers/x/` → `papers/x/index.html`). */
export function fileFor(outDir: string, urlPath: string): string {
  const decoded = decodeURIComponent(urlPath);
  return path.join(outDir, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
}

export async function readPage(outDir: string, urlPath: string): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await readFile(fileFor(outDir, urlPath), 'utf8'));
}
