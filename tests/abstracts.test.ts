import { describe, expect, it } from 'vitest';
import { cachedText, cacheKey, cacheShard, createMemoryCache, loadCacheFor, rendererFingerprint, renderPapers, type RenderCache } from '../src/abstracts.ts';
import type { Paper } from '../src/content.ts';

const paper = (abstract: string, id = 'p', date = '2025-03-11'): Paper => ({ id, file: `${id}.md`, title: 'T', date, authors: [], topics: [], upvotes: 0, draft: false, abstract });

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

  it('gives an abstract\'s cached text before anything is rendered, and nothing for one it does not hold', () => {
    const cache = createMemoryCache();
    expect(cachedText(paper('Let $x$ be *bold*.'), cache)).toBeUndefined();
    renderPapers([paper('Let $x$ be *bold*.')], cache);
    expect(cachedText(paper('Let $x$ be *bold*.', 'other'), cache)).toBe('Let $x$ be bold.');
    expect(cachedText(paper('Changed.'), cache)).toBeUndefined();
  });

  it('turns KaTeX errors into warnings naming the paper\'s file, also from the cache', () => {
    const cache = createMemoryCache();
    renderPapers([paper('Bad $\\frac{$.', 'bad')], cache);
    const { warnings, cached } = renderPapers([paper('Bad $\\frac{$.', 'again')], cache);
    expect(cached).toBe(1);
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', file: 'again.md', field: 'abstract' })]);
  });
});

describe('the cache key', () => {
  it('depends on the Markdown and on the renderer', () => {
    expect(cacheKey('a')).toBe(cacheKey('a'));
    expect(cacheKey('a')).not.toBe(cacheKey('b'));
    expect(rendererFingerprint()).toMatch(/^[\w-]{16}$/);
  });

  it('puts a paper in the shard of its listing month', () => {
    expect(cacheShard({ date: '2025-03-11' })).toBe('2025-03');
  });
});

/** The render phase of a build: load the shards, render, save (site-data.ts does this around pages and feeds). */
async function renderWithCache(papers: Paper[], cache: RenderCache) {
  await loadCacheFor(papers, cache);
  const result = renderPapers(papers, cache);
  return { ...result, report: await cache.save() };
}

describe('a build\'s use of the cache', () => {
  it('loads the shards the papers need, renders, then saves', async () => {
    const calls: string[] = [];
    const memory = createMemoryCache();
    const spy: RenderCache = {
      load: async (shards) => void calls.push(`load ${shards.join(',')}`),
      get: (key, shard) => memory.get(key, shard),
      set: (key, shard, value) => {
        calls.push(`set ${shard}`);
        memory.set(key, shard, value);
      },
      save: async () => {
        calls.push('save');
        return { dir: 'd', shards: 2, written: 2, removed: 0, ignored: 0, bytes: 10 };
      },
    };
    const result = await renderWithCache([paper('A', 'a', '2025-02-28'), paper('B', 'b', '2025-03-01'), paper('C', 'c', '2025-03-02')], spy);
    expect(calls).toEqual(['load 2025-02,2025-03', 'set 2025-02', 'set 2025-03', 'set 2025-03', 'save']);
    expect(result.report?.written).toBe(2);
  });

  it('forgets, in memory, what a build did not use', async () => {
    const cache = createMemoryCache();
    await renderWithCache([paper('Kept.', 'a'), paper('Dropped.', 'b')], cache);
    await renderWithCache([paper('Kept.', 'a')], cache);
    const third = await renderWithCache([paper('Kept.', 'a'), paper('Dropped.', 'b')], cache);
    expect(third.cached).toBe(1);
  });

  it('keys page renders and feed (MathML) renders apart', () => {
    expect(cacheKey('a', 'mathml')).toBe(cacheKey('a', 'mathml'));
    expect(cacheKey('a', 'mathml')).not.toBe(cacheKey('a', 'html'));
    expect(cacheKey('a')).toBe(cacheKey('a', 'html'));
  });
});
