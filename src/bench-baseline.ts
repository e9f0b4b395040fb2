/**
 * The benchmark's side-by-side baseline: the idiomatic Eleventy site in `bench/baseline/` (one
 * Markdown template per paper, day listings, RSS) built over the same corpus with the same Eleventy.
 * Its input folder is a copy of `bench/baseline/site/` with the corpus hard-linked under `papers/`,
 * next to the directory data file that makes every paper a page.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { linkTree } from './bench-corpus-files.ts';

export interface BaselinePaths {
  /** `bench/baseline/` of this repository: the config and the `site/` templates. */
  baselineDir: string;
  /** The project whose `node_modules` has Eleventy. */
  projectDir: string;
}

/** Makes `inputDir` afresh: the baseline's templates plus the corpus's paper files. Returns the number of papers. */
export function prepareBaselineInput(paths: BaselinePaths, papersDir: string, inputDir: string): number {
  rmSync(inputDir, { recursive: true, force: true });
  cpSync(path.join(paths.baselineDir, 'site'), inputDir, { recursive: true });
  return linkTree(papersDir, path.join(inputDir, 'papers'));
}

/**
 * The command that builds the baseline: Eleventy's own CLI, as `npx @11ty/eleventy` runs it, from
 * inside the input folder (Eleventy finds directory data files relative to where it runs).
 */
export function baselineCommand(paths: BaselinePaths, inputDir: string, outDir: string): { command: string; args: string[]; cwd: string } {
  return {
    command: process.execPath,
    cwd: inputDir,
    args: [
      path.join(paths.projectDir, 'node_modules/@11ty/eleventy/cmd.cjs'),
      `--config=${path.join(paths.baselineDir, 'eleventy.config.js')}`,
      '--input=.',
      `--output=${outDir}`,
      '--quiet',
    ],
  };
}
