import { describe, expect, it } from 'vitest';
import type { OutputLine } from '../src/bench-measure.ts';
import { filesReported, parsePhaseLine, readPhases } from '../src/bench-phases.ts';

const out = (t: number, text: string): OutputLine => ({ t, stream: 'stdout', text });

// Lines as the production build prints them (src/site-data.ts, src/build.ts, scripts/build.ts, the search indexer).
const BUILD = [
  out(1000, 'load: 60000 papers read and checked, 0 errors (5123 ms)'),
  out(3000, 'render: 60000 abstracts, 0 from cache, 12 math warnings (1980 ms)'),
  out(3500, 'pages: 60000 paper pages, 900 listing pages, 120 topics (480 ms)'),
  out(3900, 'digests: 5 days, largest HTML 39 kB (400 ms)'),
  out(4000, 'feeds: 121 feeds, 430 abstracts with MathML, 0 from cache (95 ms)'),
  out(4100, 'cache: 12 of 12 shards written, 0 removed, 0 ignored (42.0 MB in .cache/paperfeed)'),
  out(30000, 'write: 185000 files by Eleventy (25900 ms)'),
  out(40000, 'search: 2023-01-02 – 2023-06-30: 31,250 papers (10000 ms)'),
  out(52000, 'search: 2023-07-03 – 2023-12-01: 28,750 papers, cached (12000 ms)'),
  out(52100, 'search: 60,000 papers in 2 indexes, 4,321 files (22100 ms)'),
  out(52200, 'content/papers/x.md: warning: abstract: formula $x$ is shown as source: KaTeX: (oops)'),
  out(52300, 'done: _site in 52000 ms'),
];

describe('phase lines', () => {
  it('reads the name and time of each phase line', () => {
    expect(parsePhaseLine('load: 60000 papers read and checked, 0 errors (5123 ms)')).toEqual({ name: 'load', ms: 5123 });
    expect(parsePhaseLine('search: 60,000 papers in 2 indexes, 4,321 files (22100 ms)')).toEqual({ name: 'search', ms: 22100 });
    expect(parsePhaseLine('done: _site in 52000 ms')).toEqual({ name: 'done', ms: 52000 });
    expect(parsePhaseLine('sitemap: 3 files (1.5 s)')).toEqual({ name: 'sitemap', ms: 1500 });
  });

  it('reads Eleventy’s own summary line as its write phase', () => {
    expect(parsePhaseLine('[11ty] Wrote 60006 files in 113.42 seconds (1.9ms each, v3.1.8)')).toEqual({ name: 'write', ms: 113_420 });
  });

  it('ignores lines that are not phases', () => {
    for (const text of ['cache: 1 of 27 shards written, 0 removed, 0 ignored (104.2 MB in .cache/paperfeed)', 'content/papers/a.md:3: error: title: missing (12 ms)', 'build failed: 2 content errors', '']) {
      expect(parsePhaseLine(text)).toBeUndefined();
    }
  });
});

describe('phases of a build', () => {
  it('lists each phase once, in order, a repeated phase with its last time and a window from before its first line', () => {
    const phases = readPhases(BUILD);
    expect(phases.map((p) => [p.name, p.ms])).toEqual([['load', 5123], ['render', 1980], ['pages', 480], ['digests', 400], ['feeds', 95], ['write', 25900], ['search', 22100], ['done', 52000]]);
    const search = phases.find((p) => p.name === 'search');
    expect([search?.from, search?.to]).toEqual([30000, 52100]);
    expect(phases[0]).toMatchObject({ from: 0, to: 1000 });
  });

  it('measures each phase window from the samples, but not the whole-build line', () => {
    const samples = [0, 500, 2000, 20000, 45000, 52000].map((t, i) => ({ t, rss: [100, 300, 200, 900, 2500, 400][i] as number, cpuMs: t, processes: 1 }));
    const phases = readPhases(BUILD, samples);
    expect(phases.find((p) => p.name === 'load')).toMatchObject({ peakRss: 300, cpuMs: 500 });
    expect(phases.find((p) => p.name === 'write')).toMatchObject({ peakRss: 900 });
    expect(phases.find((p) => p.name === 'search')).toMatchObject({ peakRss: 2500 });
    expect(phases.find((p) => p.name === 'done')?.peakRss).toBeUndefined();
  });

  it('finds the number of files the build says it wrote', () => {
    expect(filesReported(BUILD)).toBe(185000);
    expect(filesReported([out(1, '[11ty] Wrote 1006 files in 1.99 seconds (2.0ms each, v3.1.8)')])).toBe(1006);
    expect(filesReported([])).toBeUndefined();
  });
});
