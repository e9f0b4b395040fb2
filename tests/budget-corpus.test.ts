import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePaper } from '../src/content.ts';
import { budgetPaperFiles, readBudgetRecords } from '../src/budget-corpus.ts';
import { root } from './helpers/site.ts';

const records = readBudgetRecords(path.join(root, 'tests/fixtures/budget-papers.jsonl'));
const files = budgetPaperFiles(records, '2025-06-03');

describe('the budget corpus', () => {
  it('holds 50 real papers of one arXiv listing day, with abstracts of typical length', () => {
    expect(records).toHaveLength(50);
    const lengths = records.map((r) => r.abstract.length).sort((a, b) => a - b);
    expect(lengths[25]).toBeGreaterThan(1000);
    expect(records.some((r) => r.abstract.includes('$'))).toBe(true);
  });

  it('writes one valid paper file per record, all listed on the given day, with topics, upvotes and some code links', () => {
    const papers = Object.entries(files).map(([file, text]) => {
      const { paper, problems } = parsePaper(file, new TextEncoder().encode(text));
      expect(problems.filter((p) => p.severity === 'error'), file).toEqual([]);
      return paper;
    });
    expect(papers).toHaveLength(50);
    expect(new Set(papers.map((p) => p?.date))).toEqual(new Set(['2025-06-03']));
    expect(papers.every((p) => (p?.topics.length ?? 0) > 0)).toBe(true);
    expect(papers.filter((p) => p?.code).length).toBe(17);
    expect(papers[0]?.upvotes).toBeGreaterThan(papers[49]?.upvotes ?? 0);
    expect(papers[0]?.title).toBe(records[0]?.title);
  });

  it('is the same files every time', () => {
    expect(budgetPaperFiles(records, '2025-06-03')).toEqual(files);
  });
});
