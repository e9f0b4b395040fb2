import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findRecordsFile, parseRecords, readRecords, RECORDS_FILE } from '../src/bench-records.ts';
import { sampleRecords, tempDir } from './helpers/bench.ts';

const line = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ id: '2506.00001', title: 'A title', authors: ['Ada Lovelace'], abstract: 'We study $x$.', categories: ['cs.LG', 'stat.ML'], primary: 'cs.LG', ...overrides });

describe('arXiv records for the corpus', () => {
  it('reads the fields the generator uses', () => {
    const { records, skipped } = parseRecords(`${line()}\n`);
    expect(skipped).toBe(0);
    expect(records).toEqual([{ id: '2506.00001', title: 'A title', authors: ['Ada Lovelace'], abstract: 'We study $x$.', categories: ['cs.LG', 'stat.ML'], primary: 'cs.LG' }]);
  });

  it('skips lines that are not JSON or miss a title or an abstract, and ignores blank lines', () => {
    const text = [line(), 'not json', '', line({ title: '' }), line({ abstract: 7 }), '[1,2]', line({ id: '2506.00002' })].join('\n');
    const { records, skipped } = parseRecords(text);
    expect(records.map((r) => r.id)).toEqual(['2506.00001', '2506.00002']);
    expect(skipped).toBe(4);
  });

  it('takes the first category as primary when none is given, and no authors as none', () => {
    const { records } = parseRecords(line({ primary: undefined, authors: 'Ada' }));
    expect(records[0]?.primary).toBe('cs.LG');
    expect(records[0]?.authors).toEqual([]);
  });

  it('reads gzipped and plain files alike, and refuses a file without records', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.jsonl.gz'), gzipSync(`${line()}\n`));
    writeFileSync(path.join(dir, 'b.jsonl'), `${line()}\n`);
    writeFileSync(path.join(dir, 'c.jsonl'), 'nothing here\n');
    expect(readRecords(path.join(dir, 'a.jsonl.gz'))).toEqual(readRecords(path.join(dir, 'b.jsonl')));
    expect(() => readRecords(path.join(dir, 'c.jsonl'))).toThrow(/holds no arXiv records/);
  });

  it('finds the shared data set in the nearest folder above a project', () => {
    const root = tempDir();
    const file = path.join(root, RECORDS_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, gzipSync(line()));
    const project = path.join(root, 'wt', 'project');
    mkdirSync(project, { recursive: true });
    expect(findRecordsFile(project)).toBe(file);
    expect(findRecordsFile(tempDir())).toBeUndefined();
  });

  it('reads the real sample: every record has a title, an abstract and a primary category', () => {
    const records = sampleRecords();
    expect(records.length).toBe(42);
    for (const record of records) expect(record.primary).toMatch(/^[a-z-]+(\.[A-Za-z-]+)?$/);
  });
});
