import { describe, expect, it } from 'vitest';
import { median, summarize } from '../src/bench-stats.ts';
import { caseSummary, runRecord } from './helpers/bench.ts';

describe('medians', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('summaries per size and kind', () => {
  it('gives one summary per size and kind, in the order the runs came', () => {
    const records = [runRecord({ size: 1000, kind: 'cold' }), runRecord({ size: 1000, kind: 'warm' }), runRecord({ size: 1000, kind: 'baseline' }), runRecord({ size: 10_000, kind: 'cold' })];
    expect(summarize(records).map((s) => `${s.size} ${s.kind}`)).toEqual(['1000 cold', '1000 warm', '1000 baseline', '10000 cold']);
  });

  it('takes medians of time, CPU, memory and each phase, and the worst memory of all runs', () => {
    const records = [10, 30, 20].map((s, i) =>
      runRecord({ run: i + 1, wallMs: s * 1000, cpuMs: s * 2000, peakRss: s * 1e8, phases: [{ name: 'load', ms: s, line: '', from: 0, to: 1, peakRss: s * 1e6, cpuMs: s }] }),
    );
    const [summary] = summarize(records);
    expect(summary).toMatchObject({ ok: 3, runs: 3, wallMs: 20_000, cpuMs: 40_000, peakRss: 2e9, peakRssMax: 3e9 });
    expect(summary?.phases.load).toEqual({ ms: 20, peakRss: 20e6, cpuMs: 20 });
  });

  it('leaves failed runs out of the medians but counts them, and their memory', () => {
    const records = [runRecord({ wallMs: 1000 }), runRecord({ run: 2, code: 137, wallMs: 99_000, peakRss: 9e9 })];
    expect(summarize(records)[0]).toMatchObject({ ok: 1, runs: 2, wallMs: 1000, peakRss: 500e6, peakRssMax: 9e9 });
  });

  it('has no figures when every run failed', () => {
    const [summary] = summarize([runRecord({ code: 1 })]);
    expect(summary).toMatchObject({ ok: 0, runs: 1, peakRssMax: 500e6 });
    expect(summary?.wallMs).toBeUndefined();
    expect(summary?.site).toBeUndefined();
  });

  it('attaches the first-query measurement to the cold builds of its size only', () => {
    const search = caseSummary().search;
    const summaries = summarize([runRecord({ kind: 'cold' }), runRecord({ kind: 'warm' }), runRecord({ size: 10, kind: 'cold' })], new Map([[1000, search!]]));
    expect(summaries.map((s) => s.search !== undefined)).toEqual([true, false, false]);
  });
});
