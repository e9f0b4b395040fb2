/**
 * `npm run check:content [-- --papers DIR]`: checks every paper file against the content contract
 * without building — the loader of the build (./content.ts), so the messages are the build's, one
 * line per problem in the same format and order — and exits 1 when any is an error. It skips
 * rendering, so it takes about as long as the build's first phase; `--math` also renders every
 * formula to report the ones KaTeX rejects (warnings in the build, never errors).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderPapers } from './abstracts.ts';
import { findPaperFiles, loadPapers } from './content.ts';
import { displayPath, formatProblem, sortProblems } from './problems.ts';

export interface CheckIo {
  root: string;
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => number;
}

/** Runs the check; returns its exit code (0 no errors, 1 errors, 2 wrong usage). */
export async function runCheckCommand(args: string[], io: CheckIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { papers: { type: 'string' }, math: { type: 'boolean', default: false } } }));
  } catch (error) {
    io.err(`check:content: ${(error as Error).message}`);
    io.err('usage: npm run check:content [-- --papers DIR] [--math]');
    return 2;
  }
  const started = io.now();
  const papersDir = path.resolve(io.cwd, values.papers ?? path.join(io.root, 'content/papers'));
  const { papers, problems } = await loadPapers(papersDir, (file) => displayPath(io.root, file));
  if (values.math) problems.push(...renderPapers(papers).warnings);
  for (const problem of sortProblems(problems)) io.err(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = (await findPaperFiles(papersDir)).length;
  const summary = `${files} paper ${files === 1 ? 'file' : 'files'}, ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (${Math.round(io.now() - started)} ms)`;
  if (errors > 0) {
    io.err(`check failed: ${summary}; fix them and check again`);
    return 1;
  }
  io.out(`check: ${summary}`);
  return 0;
}
