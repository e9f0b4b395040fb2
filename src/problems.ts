/**
 * A problem found in content: which file, where, which field, what is wrong and how to fix it.
 * Every check reports problems instead of throwing, so one run lists all of them; this module owns
 * their one-line format and the error that carries a list of them out of a build.
 */
import path from 'node:path';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path of the file, relative to the project (or as given). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The front matter field, `abstract` for the body, absent for whole-file problems. */
  field?: string;
  /** What is wrong and what to do, in one sentence or two. */
  message: string;
}

/** `content/papers/a.md:4: error: autors: unknown field; did you mean "authors"?` */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  return `${where}: ${problem.severity}: ${field}${problem.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.field ?? '').localeCompare(b.field ?? '', 'en'),
  );
}

/** Thrown when content has errors; its message lists every problem, one per line. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `${errors.length} content ${errors.length === 1 ? 'error' : 'errors'}:\n` +
        sortProblems(errors).map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Finds a {@link ContentError} in an error's `cause` / `originalError` chain (Eleventy wraps errors). */
export function findContentError(error: unknown): ContentError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ContentError) return current;
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return undefined;
}

/** A file's path relative to the project when it is inside it, else absolute: short and unambiguous. */
export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
