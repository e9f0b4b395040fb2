/**
 * Fixtures for the benchmark's tests: 42 real arXiv records (tests/fixtures/bench/, cut from the
 * shared June 2025 set: math, paragraphs, `{{`, cross-lists, single categories), corpus options,
 * temporary folders, and run records and summaries as the runner makes them.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CorpusOptions } from '../../src/bench-corpus.ts';
import { readRecords, type ArxivRecord } from '../../src/bench-records.ts';
import type { CaseSummary, RunRecord } from '../../src/bench-stats.ts';

export const SAMPLE_RECORDS_FILE = path.resolve(import.meta.dirname, '../fixtures/bench/arxiv-sample.jsonl');

export function sampleRecords(): ArxivRecord[] {
  return readRecords(SAMPLE_RECORDS_FILE);
}

export function corpusOptions(overrides: Partial<CorpusOptions> = {}): CorpusOptions {
  return { size: 1000, seed: 7, perDay: 250, start: '2024-01-01', ...overrides };
}

export function tempDir(prefix = 'bench'): string {
  return mkdtempSync(path.join(os.tmpdir(), `paperfeed-${prefix}-`));
}

/** A successful run record with plausible numbers; override what a test is about. */
export function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    size: 1000,
    kind: 'cold',
    run: 1,
    code: 0,
    wallMs: 10_000,
    cpuMs: 12_000,
    peakRss: 500e6,
    peakByName: { node: 480e6, sh: 2e6, pagefind: 18e6 },
    maxProcesses: 3,
    phases: [
      { name: 'load', ms: 1000, line: 'load: … (1000 ms)', from: 0, to: 1500, peakRss: 200e6, cpuMs: 1400 },
      { name: 'write', ms: 5000, line: 'write: … (5000 ms)', from: 1500, to: 6500, peakRss: 450e6, cpuMs: 5200 },
      { name: 'done', ms: 8000, line: 'done: _site in 8000 ms', from: 6500, to: 9000 },
    ],
    site: { files: 3000, bytes: 40e6, largestFolder: { path: 'papers', files: 1000 }, search: { files: 1100, bytes: 2e6, largestFolder: { path: 'pagefind/fragment', files: 1000 }, folders: 4 } },
    memory: [[0, 50], [0.5, 200]],
    ...overrides,
  };
}

/** A case summary with plausible numbers. */
export function caseSummary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    size: 60_000,
    kind: 'cold',
    ok: 3,
    runs: 3,
    wallMs: 80_000,
    cpuMs: 100_000,
    peakRss: 2.5e9,
    peakRssMax: 2.6e9,
    phases: { load: { ms: 5000, peakRss: 1e9 }, write: { ms: 40_000, peakRss: 2.4e9 } },
    site: runRecord().site,
    search: { query: 'graph neural', resultsSeen: true, totalBytes: 260_000, searchBytes: 250_000, requests: 12, searchRequests: 10, transfers: [], ms: 900 },
    ...overrides,
  };
}
