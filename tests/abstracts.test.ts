import { describe, expect, it } from 'vitest';
import { cacheKey, createMemoryCache, renderPapers } from '../src/abstracts.ts';
import type { Paper } from '../src/content.ts';

const paper = (abstract: string, id = 'p'): Paper => ({ id, file: `${id}.md`, title: 'T', date: '2025-03-11', authors: [], topics: [], upvotes: 0, draft: false, abstract });

describe('renderPapers', () => {
  it('renders each abstract and reuses cached results for unchanged text', () => {
    const cache = createMemoryCache();
    const first = renderPapers([paper('Let $x$.', 'a'), paper('Plain.', 'b')], cache);
    expect(first.cached).toBe(0);
    expect(first.papers[0]?.hasMath).toBe(true);
    const second = renderPapers([paper('Let $x$.', 'a'), paper('Changed.', 'b')], cache);
    expect(second.cached).toBe(1);
    expect(second.papers[1]?.text).toBe('Changed.');
  });

  it('turns KaTeX errors into warnings naming the paper\'s file', () => {
    const { warnings } = renderPapers([paper('Bad $\\frac{$.', 'bad')]);
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', file: 'bad.md', field: 'abstract' })]);
  });

  it('keys the cache by content', () => {
    expect(cacheKey('a')).toBe(cacheKey('a'));
    expect(cacheKey('a')).not.toBe(cacheKey('b'));
  });

  it('keys page renders and feed (MathML) renders apart', () => {
    expect(cacheKey('a', 'mathml')).toBe(cacheKey('a', 'mathml'));
    expect(cacheKey('a', 'mathml')).not.toBe(cacheKey('a', 'html'));
    expect(cacheKey('a')).toBe(cacheKey('a', 'html'));
  });
});
