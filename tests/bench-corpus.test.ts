import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../src/arxiv.ts';
import { chooseTopics, generateCorpus, listingDay, nextDayPapers, syntheticArxivId, type BenchPaper } from '../src/bench-corpus.ts';
import { createRandom } from '../src/bench-random.ts';
import { FRONT_MATTER, loadPapers } from '../src/content.ts';
import { validateFields } from '../src/schema.ts';
import { parse } from 'yaml';
import { corpusOptions, sampleRecords, tempDir } from './helpers/bench.ts';

const records = sampleRecords();
const corpus = (overrides = {}) => [...generateCorpus(records, corpusOptions(overrides))];
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

async function load(papers: BenchPaper[]) {
  const dir = tempDir('corpus');
  for (const paper of papers) {
    mkdirSync(path.dirname(path.join(dir, paper.file)), { recursive: true });
    writeFileSync(path.join(dir, paper.file), paper.text);
  }
  return loadPapers(dir);
}

describe('listing days', () => {
  it('counts weekdays only, from the start day', () => {
    expect(listingDay('2024-01-01', 0)).toBe('2024-01-01');
    expect(listingDay('2024-01-01', 4)).toBe('2024-01-05');
    expect(listingDay('2024-01-01', 5)).toBe('2024-01-08');
    expect(listingDay('2024-01-03', 3)).toBe('2024-01-08');
  });

  it('moves a weekend start to the Monday after', () => {
    expect(listingDay('2024-01-06', 0)).toBe('2024-01-08');
    expect(listingDay('2024-01-07', 1)).toBe('2024-01-09');
  });
});

describe('synthetic arXiv ids', () => {
  it('are valid new-style ids of the listing month, numbered through the month', () => {
    expect(syntheticArxivId('2024-01-01', 0, 250)).toBe('2401.00001');
    expect(syntheticArxivId('2024-01-02', 0, 250)).toBe('2401.00251');
    expect(syntheticArxivId('2024-02-01', 249, 250)).toBe('2402.00250');
    expect(parseArxivId(syntheticArxivId('2024-03-29', 3999, 4000))?.id).toBe('2403.84000');
  });
});

describe('the benchmark corpus', () => {
  it('is the same for the same seed and different for another', () => {
    const a = corpus({ size: 300 });
    expect(corpus({ size: 300 })).toEqual(a);
    const b = corpus({ size: 300, seed: 8 });
    expect(b.map((p) => p.text)).not.toEqual(a.map((p) => p.text));
  });

  it('is valid content: the real loader reads every file without an error', async () => {
    const papers = corpus({ size: 600 });
    const loaded = await load(papers);
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(loaded.papers.length).toBe(600);
    const first = loaded.papers.find((p) => p.id === papers[0]?.id);
    expect(first?.topics.length).toBeGreaterThan(0);
    expect(first?.authors.length).toBeGreaterThan(0);
    expect(first?.category).toMatch(/\./);
  });

  it('writes front matter that the schema of the content contract accepts as it is', () => {
    for (const paper of corpus({ size: 2000 }).filter((_, i) => i % 40 === 0)) {
      const yaml = FRONT_MATTER.exec(paper.text)?.[1] ?? '';
      const { fields, problems } = validateFields(parse(yaml, { version: '1.2', schema: 'core' }) as Record<string, unknown>);
      expect(problems).toEqual([]);
      expect(fields?.arxiv).toBe(paper.id);
      expect(fields?.date).toBe(paper.date);
    }
  });

  it('keeps titles, authors and abstracts exactly as the records have them in the first copy, TeX included', async () => {
    const loaded = await load(corpus({ size: records.length }));
    const titles = new Set(records.map((r) => r.title.replace(/\s+/g, ' ').trim()));
    for (const paper of loaded.papers) expect(titles.has(paper.title)).toBe(true);
    const withMath = loaded.papers.filter((p) => p.abstract.includes('$'));
    expect(withMath.length).toBe(records.filter((r) => r.abstract.includes('$')).length);
  });

  it('spreads papers over consecutive weekdays, perDay a day, the last day taking the rest', () => {
    const papers = corpus({ size: 1100, perDay: 250 });
    const perDay = new Map<string, number>();
    for (const paper of papers) perDay.set(paper.date, (perDay.get(paper.date) ?? 0) + 1);
    expect([...perDay.values()]).toEqual([250, 250, 250, 250, 100]);
    expect([...perDay.keys()]).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
    expect(corpus({ size: 2000 }).every((p) => weekday(p.date) >= 1 && weekday(p.date) <= 5)).toBe(true);
  });

  it('never repeats a paper: ids, titles and files are unique even with each record used 50 times', () => {
    const papers = corpus({ size: records.length * 50 });
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
    expect(new Set(papers.map((p) => p.file)).size).toBe(papers.length);
    const titles = papers.map((p) => /^title: (.*)$/m.exec(p.text)?.[1]);
    expect(new Set(titles).size).toBe(papers.length);
  });

  it('gives 1 to 3 readable topics, primary first, and long-tailed upvotes', async () => {
    const loaded = await load(corpus({ size: 2000 }));
    const topicCounts = new Set(loaded.papers.map((p) => p.topics.length));
    expect(topicCounts).toEqual(new Set([1, 2, 3]));
    for (const paper of loaded.papers) for (const topic of paper.topics) expect(topic).not.toMatch(/^[a-z-]+\.[A-Za-z-]+$/);
    const votes = loaded.papers.map((p) => p.upvotes).sort((a, b) => a - b);
    expect(votes[0]).toBe(0);
    expect(votes[Math.floor(votes.length / 2)]).toBeLessThanOrEqual(6);
    expect(votes.at(-1)).toBeGreaterThan(60);
  });

  it('chooses topics from the categories, falling back to the archive name', () => {
    const random = createRandom(1);
    const record = records[0] ?? { id: 'x', title: 't', authors: [], abstract: 'a', categories: [], primary: 'cs.LG' };
    expect(chooseTopics({ ...record, primary: 'cs.LG', categories: ['cs.LG', 'stat.ML'] }, random)).toEqual(['Machine Learning']);
    expect(chooseTopics({ ...record, primary: 'cs.ZZ', categories: ['cs.ZZ', 'I.2.7'] }, random)).toEqual(['Computer Science']);
    expect(chooseTopics({ ...record, primary: 'zz', categories: [] }, random)).toEqual(['Other']);
  });

  it('is the first N papers of any larger corpus, and the next day follows its last day', () => {
    const small = corpus({ size: 500 });
    const large = corpus({ size: 1000 });
    expect(large.slice(0, 500)).toEqual(small);
    const next = nextDayPapers(records, corpusOptions({ size: 500, perDay: 250 }));
    expect(next.length).toBe(250);
    expect(new Set(next.map((p) => p.date))).toEqual(new Set(['2024-01-03']));
    expect(next).toEqual(large.slice(500, 750));
    const ids = new Set(small.map((p) => p.id));
    expect(next.some((p) => ids.has(p.id))).toBe(false);
  });

  it('starts the next day after a partly filled last day', () => {
    const next = nextDayPapers(records, corpusOptions({ size: 600, perDay: 250 }));
    expect(new Set(next.map((p) => p.date))).toEqual(new Set(['2024-01-04']));
  });
});
