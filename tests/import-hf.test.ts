import { describe, expect, it } from 'vitest';
import { parseHfResponse } from '../src/import-hf.ts';
import { checkRecord, SourceError } from '../src/import-record.ts';
import { fixture, HF_FIXTURES, hfEntry } from './helpers/imports.ts';

const one = (entry: unknown, options = {}) => parseHfResponse(JSON.stringify([entry]), options).records[0];

describe('parseHfResponse on real responses', () => {
  it.each(HF_FIXTURES)('reads every entry of %s into a record that passes the content contract', (name) => {
    const { records, problems } = parseHfResponse(fixture(name));
    expect(problems).toEqual([]);
    expect(records.length).toBeGreaterThanOrEqual(4);
    for (const record of records) expect(checkRecord(record).problems, record.position).toEqual([]);
  });

  it('maps a January entry (submittedBy, no links) field by field', () => {
    const record = parseHfResponse(fixture('hf/2025-01-06.json')).records[1];
    expect(record?.fields).toEqual({
      title: 'Virgo: A Preliminary Exploration on Reproducing o1-like MLLM',
      date: '2025-01-05',
      arxiv: '2501.01904',
      authors: ['Yifan Du', 'Zikang Liu', 'Yifan Li', 'Wayne Xin Zhao', 'Yuqi Huo', 'Bingning Wang', 'Weipeng Chen', 'Zheng Liu', 'Zhongyuan Wang', 'Ji-Rong Wen'],
      upvotes: 11,
      published: '2025-01-03',
      code: undefined,
      project: undefined,
      submitter: 'akhaliq',
    });
  });

  it('joins the abstract\'s 80-column wraps and keeps its indented paragraph break', () => {
    const abstract = parseHfResponse(fixture('hf/2025-01-06.json')).records[1]?.abstract ?? '';
    expect(abstract.split('\n\n')).toHaveLength(2);
    expect(abstract).not.toMatch(/[^\n]\n[^\n]/);
    expect(abstract).toContain('multimodal slow-thinking systems.\n\nTo address this issue');
  });

  it('reads the { "data": [...] } wrapping and keeps TeX in abstracts', () => {
    const { records } = parseHfResponse(fixture('hf/2025-02-18.json'));
    expect(records.map((r) => r.fields.arxiv)).toEqual(['2502.12152', '2502.12115', '2502.11190', '2502.11574']);
    expect(records[1]?.abstract).toContain('\\$32,000');
  });

  it('takes code and project links from March entries and the submitter from submittedOnDailyBy', () => {
    const { records } = parseHfResponse(fixture('hf/2025-03-19.json'));
    expect(records[0]?.fields).toMatchObject({ date: '2025-03-19', code: 'https://github.com/njucckevin/CapArena', project: 'https://caparena.github.io/', submitter: 'cckevinn' });
    expect(records.map((r) => r.fields.date)).toEqual(['2025-03-19', '2025-03-19', '2025-03-19', '2025-03-19']);
  });

  it('keeps a title that starts with a quote', () => {
    const { records } = parseHfResponse(fixture('hf/2025-03-14.json'));
    expect(records[2]?.fields.title).toBe('"Silent Is Not Actually Silent": An Investigation of Toxicity on Bug Report Discussion');
  });

  it('reads JSON Lines, numbering entries by line and listing each on its crawl day', () => {
    const { records } = parseHfResponse(fixture('hf/2025-02-11-12.jsonl'));
    expect(records.map((r) => [r.position, r.fields.date])).toEqual([
      ['line 1', '2025-02-11'], ['line 2', '2025-02-11'], ['line 3', '2025-02-11'], ['line 4', '2025-02-12'], ['line 5', '2025-02-12'],
    ]);
  });
});

describe('parseHfResponse on changed and broken shapes', () => {
  it('prefers the entry title, which keeps TeX, over the paper title, which is hard-wrapped', () => {
    const entry = hfEntry({ title: 'L^2M: Mutual Information Scaling Law for Long-Context Language\n  Modeling' }, { title: 'L$^2$M: Mutual Information Scaling Law for Long-Context Language Modeling' });
    expect(one(entry)?.fields.title).toBe('L$^2$M: Mutual Information Scaling Law for Long-Context Language Modeling');
    expect(one(hfEntry({}, { title: undefined }))?.fields.title).toBe('CapArena: Benchmarking and Analyzing Detailed Image Captioning in the LLM Era');
  });

  it('leaves out hidden and nameless authors, keeping the order of the others', () => {
    const entry = hfEntry({ authors: [{ name: 'Ada', hidden: false }, { name: 'Secret', hidden: true }, { hidden: false }, { name: '  ' }, 'Alan'] });
    expect(one(entry)?.fields.authors).toEqual(['Ada', 'Alan']);
  });

  it('takes the listing day from --date, else the crawl day, else the daily submission, else publishedAt', () => {
    const entry = hfEntry({ submittedOnDailyAt: '2025-03-18T23:59:59.000Z' }, { publishedAt: '2025-03-10T03:00:00.000Z', _listing_date: '2025-03-20' });
    expect(one(entry, { date: '2025-04-01' })?.fields.date).toBe('2025-04-01');
    expect(one(entry)?.fields.date).toBe('2025-03-20');
    expect(one(hfEntry({ submittedOnDailyAt: '2025-03-18T23:59:59.000Z' }))?.fields.date).toBe('2025-03-18');
    expect(one(hfEntry({ submittedOnDailyAt: undefined }, { publishedAt: '2025-03-10T03:00:00.000Z' }))?.fields.date).toBe('2025-03-10');
  });

  it('says when a response splits over days because entries only say when they were submitted', () => {
    expect(parseHfResponse(fixture('hf/2025-01-06.json')).notes).toEqual([expect.stringContaining('pass --date YYYY-MM-DD')]);
    expect(parseHfResponse(fixture('hf/2025-01-06.json'), { date: '2025-01-06' }).notes).toEqual([]);
    expect(parseHfResponse(fixture('hf/2025-03-19.json')).notes).toEqual([]);
  });

  it('reports an entry without any day as invalid, with the fix', () => {
    const { records, problems } = parseHfResponse(JSON.stringify([hfEntry({ submittedOnDailyAt: undefined }, { publishedAt: undefined })]));
    expect(records).toEqual([]);
    expect(problems).toEqual([{ position: 'entry 1', label: '2503.12329', field: 'date', message: expect.stringContaining('--date') }]);
  });

  it('reads a single entry, and an entry without the paper wrapper', () => {
    expect(parseHfResponse(JSON.stringify(hfEntry())).records).toHaveLength(1);
    const flat = { id: '2503.00001', title: 'Flat', summary: 'Text.', publishedAt: '2025-03-01T10:00:00Z', authors: [{ name: 'A' }], upvotes: 3 };
    expect(parseHfResponse(JSON.stringify([flat])).records[0]?.fields).toMatchObject({ arxiv: '2503.00001', title: 'Flat', date: '2025-03-01', upvotes: 3 });
  });

  it('ignores media fields old and new, and turns blank links into no links', () => {
    const entry = hfEntry({ githubRepo: '', projectPage: null, mediaUrls: ['x'] }, { mediaUrl: 'https://x/y.gif', mediaUrls: ['https://x/z.gif'] });
    const record = one(entry);
    expect(record?.fields.code).toBeUndefined();
    expect(record?.fields.project).toBeUndefined();
    expect(Object.keys(record?.fields ?? {})).not.toContain('mediaUrl');
  });

  it('reports entries that are not objects, and JSON Lines that are not JSON, by position', () => {
    expect(parseHfResponse(JSON.stringify([hfEntry(), 42, null])).problems.map((p) => p.position)).toEqual(['entry 2', 'entry 3']);
    const lines = `${JSON.stringify(hfEntry())}\n{"paper": oops\n\n${JSON.stringify(hfEntry({ id: '2503.00002' }))}\n`;
    const { records, problems } = parseHfResponse(lines);
    expect(records.map((r) => r.position)).toEqual(['line 1', 'line 4']);
    expect(problems).toEqual([{ position: 'line 2', message: expect.stringContaining('is not JSON') }]);
  });

  it.each([
    ['', 'empty'],
    ['<html>Bad gateway</html>', 'not JSON'],
    ['{"error":"Invalid date"}', 'Invalid date'],
    ['{"papers": 3}', 'not a list of daily papers'],
    ['42', 'not a list of daily papers'],
  ])('fails the whole source for %j', (text, message) => {
    expect(() => parseHfResponse(text)).toThrow(SourceError);
    expect(() => parseHfResponse(text)).toThrow(message);
  });
});
