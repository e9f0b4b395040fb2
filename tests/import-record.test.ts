import { describe, expect, it } from 'vitest';
import { checkRecord, dayOfInstant, describeEntry, present, unwrapAbstract, type ImportRecord } from '../src/import-record.ts';

const record = (fields: ImportRecord['fields'] = {}, abstract = 'An abstract.'): ImportRecord => ({
  position: 'entry 2',
  label: '2503.12345',
  fields: { title: 'A title', date: '2025-03-11', arxiv: '2503.12345', ...fields },
  abstract,
});

describe('unwrapAbstract', () => {
  it('joins arXiv hard line wraps into one paragraph', () => {
    expect(unwrapAbstract('We study a thing\nthat is wrapped at\n80 columns.')).toBe('We study a thing that is wrapped at 80 columns.');
  });

  it('starts a new paragraph at an indented line, as arXiv marks them', () => {
    expect(unwrapAbstract('  First paragraph\nwraps here.\n  Second one\nwraps too.\n')).toBe('First paragraph wraps here.\n\nSecond one wraps too.');
  });

  it('keeps blank-line paragraph breaks and drops empty edges', () => {
    expect(unwrapAbstract('\n\nOne.\n\n\nTwo.\n\n')).toBe('One.\n\nTwo.');
  });

  it('keeps TeX, markup-like text and unicode exactly, folding only runs of spaces', () => {
    const tex = 'Inline $\\mathbb{R}^3 \\times S^2$ and\n\\(x_{1}\\) with  <b> & {{ x }} — “q”';
    expect(unwrapAbstract(tex)).toBe('Inline $\\mathbb{R}^3 \\times S^2$ and \\(x_{1}\\) with <b> & {{ x }} — “q”');
  });

  it('reads CRLF line breaks as line breaks', () => {
    expect(unwrapAbstract('One\r\ntwo.\r\n  Three.')).toBe('One two.\n\nThree.');
  });
});

describe('dayOfInstant', () => {
  it.each([
    ['2025-03-17T00:44:05.364Z', '2025-03-17'],
    ['2003-07-07T13:46:39-04:00', '2003-07-07'],
    ['2003-07-07T23:46:39-04:00', '2003-07-08'],
    ['2025-01-02', '2025-01-02'],
  ])('reads %s as the UTC day %s', (instant, day) => {
    expect(dayOfInstant(instant)).toBe(day);
  });

  it.each([undefined, null, 42, '', 'yesterday', '2025-13-45T00:00:00Z'])('has no day for %j', (value) => {
    expect(dayOfInstant(value)).toBeUndefined();
  });
});

describe('present', () => {
  it('treats null, undefined and blank text as absent and keeps everything else', () => {
    expect([null, undefined, '', '  \n'].map(present)).toEqual([undefined, undefined, undefined, undefined]);
    expect([0, false, 'x', []].map(present)).toEqual([0, false, 'x', []]);
  });
});

describe('checkRecord', () => {
  it('returns contract-normalised values for exactly the fields the source gave, and the id', () => {
    const { checked, problems } = checkRecord(record({ arxiv: '2503.12345v2', title: '  A\n  wrapped   title ', code: 'https://github.com/a/b c', authors: [] }));
    expect(problems).toEqual([]);
    expect(checked?.id).toBe('2503.12345');
    expect(checked?.fields).toEqual({ title: 'A wrapped title', date: '2025-03-11', arxiv: '2503.12345v2', code: 'https://github.com/a/b%20c' });
  });

  it('reports every problem of an entry with its position, id and field', () => {
    const { checked, problems } = checkRecord(record({ title: undefined, date: '2025-02-30', upvotes: -3, code: 'github.com/x', authors: ['Ada', 7] }, '  '));
    expect(checked).toBeUndefined();
    expect(problems.map((p) => [p.position, p.label, p.field])).toEqual([
      ['entry 2', '2503.12345', 'title'],
      ['entry 2', '2503.12345', 'date'],
      ['entry 2', '2503.12345', 'authors #2'],
      ['entry 2', '2503.12345', 'upvotes'],
      ['entry 2', '2503.12345', 'code'],
      ['entry 2', '2503.12345', 'abstract'],
    ]);
  });

  it('requires an arXiv id, since an imported paper is named by it', () => {
    expect(checkRecord(record({ arxiv: undefined })).problems).toEqual([expect.objectContaining({ field: 'arxiv', message: expect.stringContaining('no arXiv id') })]);
    expect(checkRecord(record({ arxiv: '2503.1234' })).problems).toEqual([expect.objectContaining({ field: 'arxiv' })]);
  });

  it('drops characters no output may hold before checking', () => {
    const { checked } = checkRecord(record({ title: 'Bad\u0001 title\uFFFE', authors: ['A\u0007da'] }, 'Body\u0000 text'));
    expect(checked?.fields.title).toBe('Bad title');
    expect(checked?.fields.authors).toEqual(['Ada']);
    expect(checked?.abstract).toBe('Body text');
  });

  it('describes an entry by position and id', () => {
    expect(describeEntry({ position: 'line 4', label: 'hep-th/9901001v2' })).toBe('line 4 (hep-th/9901001v2)');
    expect(describeEntry({ position: 'entry 1' })).toBe('entry 1');
  });
});
