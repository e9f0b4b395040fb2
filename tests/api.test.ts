import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiPaper, dailyEntry, dailyFiles, dailyJson, isoDay } from '../src/api.ts';
import { citablesByDay } from '../src/citable.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { citable } from './helpers/citables.ts';
import { schemaErrors, validators } from './helpers/api-schema.ts';

const hfDays = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/hf-daily-papers.json'), 'utf8')) as Record<string, unknown[]>;

describe('apiPaper', () => {
  it('has the Hugging Face paper fields, dates as ISO strings', () => {
    expect(apiPaper(citable({ code: 'https://github.com/ebekkers/ponita', project: 'https://example.org/p' }))).toEqual({
      id: '2310.02970',
      title: 'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space',
      summary: 'Based on the theory of homogeneous spaces we derive geometrically optimal edge attributes.\n\nWe formalize weight sharing.',
      authors: [{ name: 'Erik J. Bekkers' }, { name: 'Sharvaree Vadgama' }, { name: 'Putri A. van der Linden' }],
      publishedAt: '2023-10-04T00:00:00.000Z',
      upvotes: 12,
      githubRepo: 'https://github.com/ebekkers/ponita',
      projectPage: 'https://example.org/p',
      submittedOnDailyAt: '2025-03-11T00:00:00.000Z',
    });
  });

  it('leaves out links the paper does not have and dates it by its listing day when unpublished', () => {
    const paper = apiPaper(citable({ published: undefined }));
    expect(Object.keys(paper)).not.toContain('githubRepo');
    expect(Object.keys(paper)).not.toContain('projectPage');
    expect(paper.publishedAt).toBe('2025-03-11T00:00:00.000Z');
  });

  it('matches its schema, hostile content and old-style ids included', () => {
    for (const cite of [citable(), citable({ id: 'hep-th/9901001', title: HOSTILE, authors: [HOSTILE] }), citable({ id: 'my-paper', authors: [] })]) {
      expect(schemaErrors(validators.paper, apiPaper(cite))).toEqual([]);
    }
  });
});

describe('daily files', () => {
  const papers = [
    citable({ id: '2503.00001', date: '2025-03-11', upvotes: 9 }),
    citable({ id: '2503.00002', date: '2025-03-11', upvotes: 3 }),
    citable({ id: '2503.00003', date: '2025-03-10' }),
  ].map((cite) => ({ cite }));

  it('has a file per listing day, in the order given, and latest.json for the newest day', () => {
    const files = dailyFiles(citablesByDay(papers));
    expect(files.map((f) => [f.path, f.cites.map((c) => c.id)])).toEqual([
      ['/api/daily_papers/2025-03-10.json', ['2503.00003']],
      ['/api/daily_papers/2025-03-11.json', ['2503.00001', '2503.00002']],
      ['/api/daily_papers/latest.json', ['2503.00001', '2503.00002']],
    ]);
  });

  it('gives an empty latest.json when there are no papers', () => {
    expect(dailyFiles([])).toEqual([{ path: '/api/daily_papers/latest.json', cites: [] }]);
    expect(dailyJson([])).toBe('[]');
  });

  it('writes entries with the paper and its title and dates repeated, as Hugging Face does', () => {
    const [entry] = JSON.parse(dailyJson([citable()])) as ReturnType<typeof dailyEntry>[];
    expect(entry).toEqual({ paper: apiPaper(citable()), title: citable().title, publishedAt: '2023-10-04T00:00:00.000Z', submittedOnDailyAt: '2025-03-11T00:00:00.000Z' });
    expect(schemaErrors(validators.daily, JSON.parse(dailyJson(papers.map((p) => p.cite))))).toEqual([]);
  });
});

describe('compatibility with the Hugging Face API', () => {
  it('real Hugging Face daily entries have the shared shape (so the schema describes theirs)', () => {
    const entries = Object.values(hfDays).flat();
    expect(entries.length).toBe(5);
    for (const entry of entries) expect(schemaErrors(validators.hfEntry, entry)).toEqual([]);
  });

  it('our entries have it too, with the same field types', () => {
    const ours = JSON.parse(dailyJson([citable({ code: 'https://github.com/a/b' })])) as unknown[];
    expect(schemaErrors(validators.hfEntry, ours[0])).toEqual([]);
    const theirs = Object.values(hfDays).flat()[4] as { paper: Record<string, unknown> };
    const mine = (ours[0] as { paper: Record<string, unknown> }).paper;
    for (const key of Object.keys(mine)) expect([key, typeof mine[key]]).toEqual([key, typeof theirs.paper[key]]);
  });

  it('writes dates the way Hugging Face does', () => {
    expect(isoDay('2025-01-02')).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(new Date(isoDay('2025-01-02')).toISOString()).toBe(isoDay('2025-01-02'));
  });
});
