import { describe, expect, it } from 'vitest';
import { absoluteUrl, countOf } from '../src/filters.ts';

describe('filters', () => {
  it('counts with the right plural', () => {
    expect(countOf(1, 'paper')).toBe('1 paper');
    expect(countOf(0, 'paper')).toBe('0 papers');
    expect(countOf(1024, 'paper')).toBe('1,024 papers');
    expect(countOf(2, 'query', 'queries')).toBe('2 queries');
  });

  it('makes absolute URLs from encoded paths', () => {
    expect(absoluteUrl('/topics/%E6%A9%9F/', 'https://p.example.org')).toBe('https://p.example.org/topics/%E6%A9%9F/');
  });
});
