import { describe, expect, it } from 'vitest';
import { evaluateTargets, linearity } from '../src/bench-targets.ts';
import { caseSummary } from './helpers/bench.ts';

const statuses = (targets: ReturnType<typeof evaluateTargets>) => Object.fromEntries(targets.map((t) => [t.target, t.status]));

const passing = () => [
  caseSummary({ size: 10_000, wallMs: 12_000 }),
  caseSummary({ size: 60_000, wallMs: 80_000 }),
  caseSummary({ size: 60_000, kind: 'warm', wallMs: 30_000 }),
  caseSummary({ size: 150_000, wallMs: 200_000, peakRssMax: 5e9 }),
];

describe('the issue’s targets', () => {
  it('pass when every figure is within its limit', () => {
    const targets = evaluateTargets(passing());
    expect(targets).toHaveLength(7);
    expect(targets.every((t) => t.status === 'pass')).toBe(true);
  });

  it('fail one by one when a figure is over its limit, saying what was measured', () => {
    const summaries = passing();
    summaries[1] = caseSummary({ size: 60_000, wallMs: 95_000, peakRssMax: 3.2e9, search: { ...caseSummary().search!, searchBytes: 310_000 } });
    const targets = evaluateTargets(summaries);
    const by = statuses(targets);
    expect(by['60k cold build ≤ 90 s wall']).toBe('fail');
    expect(by['60k cold build ≤ 3 GB peak RSS (process tree)']).toBe('fail');
    expect(by['first two-word query at 60k ≤ 300 kB (gzip)']).toBe('fail');
    expect(by['time per paper at 60k ≤ 1.5 × time per paper at 10k (cold)']).toBe('pass');
    expect(targets.find((t) => t.target.startsWith('60k cold build ≤ 90'))?.measured).toBe('95.0 s (median)');
    expect(targets.find((t) => t.target.startsWith('first'))?.measured).toContain('310.0 kB for search');
  });

  it('are not measured when their size or kind was not run, and say how to run it', () => {
    const targets = evaluateTargets([caseSummary({ size: 1000 })]);
    const notMeasured = targets.filter((t) => t.status === 'not measured').map((t) => t.target);
    expect(notMeasured).toHaveLength(6);
    expect(targets.find((t) => t.target.startsWith('150k'))?.measured).toContain('--sizes 150000');
  });

  it('fail when the builds they need failed, also at 150k', () => {
    const targets = evaluateTargets([caseSummary({ ok: 0, runs: 3 }), caseSummary({ size: 150_000, ok: 0, runs: 1 })]);
    expect(targets.find((t) => t.target.startsWith('60k cold build ≤ 90'))).toMatchObject({ status: 'fail', measured: 'every build failed (3 of 3), at up to 2.60 GB' });
    expect(statuses(targets)['150k builds, within 6 GB peak RSS']).toBe('fail');
  });

  it('fail the search targets when the site has no search index, and when no result appeared', () => {
    const noSearch = caseSummary({ site: { ...caseSummary().site!, search: undefined } });
    delete noSearch.search;
    const by = statuses(evaluateTargets([noSearch]));
    expect(by['first two-word query at 60k ≤ 300 kB (gzip)']).toBe('fail');
    expect(by['no Pagefind folder holds more than 20,000 files']).toBe('fail');
    const noResults = statuses(evaluateTargets([caseSummary({ search: { ...caseSummary().search!, resultsSeen: false } })]));
    expect(noResults['first two-word query at 60k ≤ 300 kB (gzip)']).toBe('fail');
  });

  it('fail the folder target on the largest Pagefind folder of any size', () => {
    const big = caseSummary({ size: 150_000, site: { ...caseSummary().site!, search: { files: 30_000, bytes: 1, largestFolder: { path: 'pagefind/fragment', files: 25_000 }, folders: 3 } } });
    const target = evaluateTargets([caseSummary(), big]).find((t) => t.target.startsWith('no Pagefind'));
    expect(target).toMatchObject({ status: 'fail', measured: 'largest: 25,000 files in /pagefind/fragment/ at 150,000 papers' });
  });
});

describe('linearity', () => {
  it('compares time per paper at 60k with time per paper at 10k', () => {
    const ratio = linearity([caseSummary({ size: 10_000, wallMs: 10_000 }), caseSummary({ size: 60_000, wallMs: 90_000 })]);
    expect(ratio).toEqual({ ratio: 1.5, bigMs: 1.5, smallMs: 1 });
    expect(linearity([caseSummary({ size: 60_000 })])).toBeUndefined();
  });
});
