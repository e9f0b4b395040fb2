import { describe, expect, it } from 'vitest';
import { searchQuery } from '../src/bench-query.ts';
import { corpusOptions, sampleRecords } from './helpers/bench.ts';

const records = sampleRecords();

describe('the benchmark query', () => {
  it('searches for two plain words of a real title', () => {
    const query = searchQuery(records, corpusOptions());
    const [a, b] = query.split(' ') as [string, string];
    expect(query).toMatch(/^\p{L}{4,} \p{L}{4,}$/u);
    expect(records.some((r) => r.title.toLowerCase().includes(a) && r.title.toLowerCase().includes(b))).toBe(true);
    expect(searchQuery(records, corpusOptions())).toBe(query);
  });

  it('searches for words a reader would type, not acronyms or brand names', () => {
    const record = { ...(records[0] as (typeof records)[number]), title: 'FDSG: ShareGPT with $\\alpha$-Forecasting Dynamic Scene Graphs' };
    expect(searchQuery([record], corpusOptions())).toBe('forecasting dynamic');
  });
});
