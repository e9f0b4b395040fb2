import { describe, expect, it } from 'vitest';
import { mainTable, phaseColumns, phaseTable, renderReport, table, targetLines } from '../src/bench-report.ts';
import { caseSummary } from './helpers/bench.ts';

/** A Markdown table's rows as cells (header first, the --- line left out). */
function parseTable(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|( --- \|)+$/.test(line))
    .map((line) => line.slice(2, -2).split(' | '));
}

describe('the Markdown report', () => {
  it('writes tables with a header, a rule and one line per row', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });

  it('gives one row per size and kind, with medians in s, MB and kB', () => {
    const rows = parseTable(mainTable([caseSummary(), caseSummary({ kind: 'baseline', site: { files: 60_006, bytes: 123e6, largestFolder: { path: '.', files: 3 } }, search: undefined })]));
    const [header, cold, baseline] = rows as [string[], string[], string[]];
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(cell(cold, 'papers')).toBe('60,000');
    expect(cell(cold, 'build')).toBe('paperfeed, cold');
    expect(cell(cold, 'wall s')).toBe('80.0');
    expect(cell(cold, 'peak RSS MB')).toBe('2,500');
    expect(cell(cold, 'largest Pagefind folder (files)')).toBe('1,000 in /pagefind/fragment/');
    expect(cell(cold, 'first query kB (search / with page)')).toBe('250.0 / 260.0');
    expect(cell(baseline, 'build')).toBe('Eleventy baseline');
    expect(cell(baseline, 'largest folder (files)')).toBe('3 in /');
    expect(cell(baseline, 'search index MB')).toBe('—');
  });

  it('shows the worst run next to the median when memory varied, and failed runs', () => {
    const [, row] = parseTable(mainTable([caseSummary({ peakRss: 2e9, peakRssMax: 3e9, ok: 2, runs: 3 })])) as [string[], string[]];
    expect(row).toContain('2,000 (max 3,000)');
    expect(row).toContain('2 of 3 ok');
  });

  it('shows how much memory builds that all failed had reached', () => {
    const [, row] = parseTable(mainTable([caseSummary({ ok: 0, runs: 3, wallMs: undefined, peakRss: undefined, peakRssMax: 4.5e9, site: undefined, search: undefined })])) as [string[], string[]];
    expect(row).toContain('0 of 3 ok');
    expect(row).toContain('— (max 4,500)');
  });

  it('marks a query that found nothing', () => {
    const [, row] = parseTable(mainTable([caseSummary({ search: { ...caseSummary().search!, resultsSeen: false } })])) as [string[], string[]];
    expect(row.some((c) => c.includes('(no results!)'))).toBe(true);
  });

  it('breaks time down by phase, missing phases as a dash, unknown ones as extra columns', () => {
    const summary = caseSummary({ phases: { load: { ms: 5000 }, write: { ms: 40_000 }, sitemap: { ms: 1200 } } });
    expect(phaseColumns([summary]).map((c) => c.name)).toEqual(['load', 'render', 'pages', 'digests', 'feeds', 'write', 'search', 'done', 'sitemap']);
    const [header, row] = parseTable(phaseTable([summary], 'ms')) as [string[], string[]];
    expect(row[header.indexOf('load + validate')]).toBe('5.0');
    expect(row[header.indexOf('search index')]).toBe('—');
    expect(row[header.indexOf('sitemap')]).toBe('1.2');
    expect(row.at(-1)).toBe('80.0');
  });

  it('lists every target with PASS, FAIL or NOT MEASURED', () => {
    expect(targetLines([
      { target: 'a', status: 'pass', measured: '1 s' },
      { target: 'b', status: 'fail', measured: '2 s' },
      { target: 'c', status: 'not measured', measured: 'run it' },
    ])).toEqual(['- **PASS** a: 1 s', '- **FAIL** b: 2 s', '- **NOT MEASURED** c: run it']);
  });

  it('puts it together with time per paper and notes', () => {
    const report = renderReport([caseSummary()], [{ target: 't', status: 'fail', measured: 'm' }], ['a note']);
    expect(report).toContain('## Benchmark');
    expect(report).toContain('- paperfeed, cold, 60,000 papers: 1.33 ms per paper');
    expect(report).toContain('- **FAIL** t: m');
    expect(report).toContain('- a note');
  });
});
