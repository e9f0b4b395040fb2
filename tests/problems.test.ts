import { describe, expect, it } from 'vitest';
import { ContentError, displayPath, findContentError, formatProblem, sortProblems } from '../src/problems.ts';

describe('problems', () => {
  it('formats a problem as file:line: severity: field: message', () => {
    expect(formatProblem({ severity: 'error', file: 'a.md', line: 4, field: 'date', message: 'bad' })).toBe('a.md:4: error: date: bad');
    expect(formatProblem({ severity: 'warning', file: 'a.md', message: 'odd' })).toBe('a.md: warning: odd');
  });

  it('sorts by file, then line', () => {
    const sorted = sortProblems([
      { severity: 'error', file: 'b.md', line: 1, message: '' },
      { severity: 'error', file: 'a.md', line: 9, message: '' },
      { severity: 'error', file: 'a.md', line: 2, message: '' },
    ]);
    expect(sorted.map((p) => `${p.file}:${p.line}`)).toEqual(['a.md:2', 'a.md:9', 'b.md:1']);
  });

  it('carries all errors in one ContentError, found through wrapping errors', () => {
    const error = new ContentError([
      { severity: 'error', file: 'a.md', message: 'one' },
      { severity: 'warning', file: 'a.md', message: 'ignored' },
      { severity: 'error', file: 'b.md', message: 'two' },
    ]);
    expect(error.message).toBe('2 content errors:\na.md: error: one\nb.md: error: two');
    const wrapped = Object.assign(new Error('outer'), { originalError: new Error('middle', { cause: error }) });
    expect(findContentError(wrapped)).toBe(error);
    expect(findContentError(new Error('other'))).toBeUndefined();
  });

  it('shows paths inside the project relative to it, others absolute', () => {
    expect(displayPath('/p', '/p/content/a.md')).toBe('content/a.md');
    expect(displayPath('/p', '/tmp/a.md')).toBe('/tmp/a.md');
  });
});
