import { describe, expect, it } from 'vitest';
import { findPaperFiles, loadPapers, parsePaper } from '../src/content.ts';
import { formatProblem } from '../src/problems.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string, file = 'content/papers/x.md') => parsePaper(file, bytes(text));
const errorsOf = (text: string, file?: string) =>
  parse(text, file).problems.filter((p) => p.severity === 'error').map(formatProblem);

describe('parsePaper', () => {
  it('reads a valid paper with its id taken from the arXiv id without version', () => {
    const { paper, problems } = parse(paperSource(paperFields({ arxiv: '2310.02970v3' }), 'Hello *world*.'));
    expect(problems).toEqual([]);
    expect(paper).toMatchObject({ id: '2310.02970', arxiv: '2310.02970', arxivVersion: 3, abstract: 'Hello *world*.' });
  });

  it('reads an unquoted arXiv id as the text written, keeping its trailing zero', () => {
    const text = paperSource(paperFields()).replace(/arxiv: .*\n/, 'arxiv: 2310.02970\n');
    expect(parse(text).paper?.id).toBe('2310.02970');
  });

  it('keeps old-style arXiv ids with their slash', () => {
    const { paper } = parse(paperSource(paperFields({ arxiv: 'math.CA/0611800v2' })));
    expect(paper?.id).toBe('math.CA/0611800');
  });

  it('uses the file name as id when there is no arXiv id', () => {
    const { paper, problems } = parse(paperSource(paperFields({ arxiv: undefined })), 'content/papers/my-paper.md');
    expect(problems).toEqual([]);
    expect(paper?.id).toBe('my-paper');
  });

  it('rejects a file name that is not a lowercase slug when there is no arXiv id', () => {
    const errors = errorsOf(paperSource(paperFields({ arxiv: undefined })), 'content/papers/My Paper.md');
    expect(errors).toEqual([expect.stringMatching(/^content\/papers\/My Paper\.md: error: arxiv: .*not a lowercase slug/)]);
  });

  it('suggests the arxiv field when the file name is an arXiv id', () => {
    const errors = errorsOf(paperSource(paperFields({ arxiv: undefined })), 'content/papers/2310.02970.md');
    expect(errors[0]).toContain('add arxiv: 2310.02970');
  });

  it('refuses file names that would collide with listing folders', () => {
    expect(errorsOf(paperSource(paperFields({ arxiv: undefined })), 'content/papers/date.md')[0]).toContain('reserved');
  });

  it('defaults upvotes to 0, lists to empty and draft to false', () => {
    const { paper } = parse(paperSource({ title: 'T', date: '2025-01-01', arxiv: '2501.00001' }));
    expect(paper).toMatchObject({ upvotes: 0, authors: [], topics: [], draft: false });
  });

  it('folds whitespace in titles and names', () => {
    const { paper } = parse(paperSource(paperFields({ title: '  A\n  long   title ', authors: [' Ada   Lovelace '] })));
    expect(paper?.title).toBe('A long title');
    expect(paper?.authors).toEqual(['Ada Lovelace']);
  });

  it('treats a field left empty as absent', () => {
    const text = paperSource(paperFields()).replace('---\n\n', 'venue:\ncode:\n---\n\n');
    const { paper, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(paper?.venue).toBeUndefined();
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    const text = '\uFEFF' + paperSource(paperFields()).replace(/\n/g, '\r\n');
    expect(parse(text).problems).toEqual([]);
  });

  it('drops characters XML forbids from every field and the abstract, with a warning', () => {
    const text = paperSource(paperFields({ title: 'Bad\u0001 title\uFFFE', authors: ['A\u0007da'] }), 'Body\u0000 text \uFDD0 here');
    const { paper, problems } = parse(text);
    expect(paper?.title).toBe('Bad title');
    expect(paper?.authors).toEqual(['Ada']);
    expect(paper?.abstract).toBe('Body text  here');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('drops forbidden characters written as YAML escapes', () => {
    const text = paperSource(paperFields()).replace(/title: .*\n/, 'title: "Tab\\tok \\x01 \\uFFFF done"\n');
    expect(parse(text).paper?.title).toBe('Tab ok done');
  });
});

describe('parsePaper reports every problem with file, line and field', () => {
  it('names an unknown field with the nearest known name', () => {
    const text = paperSource(paperFields({ autors: ['X'] }));
    expect(errorsOf(text)).toEqual([expect.stringMatching(/^content\/papers\/x\.md:\d+: error: autors: unknown field; did you mean "authors"\?$/)]);
  });

  it('lists all problems of one file in one run', () => {
    const text = paperSource(
      paperFields({ title: '', date: '2025-02-30', arxiv: '1234', upvotes: -1, code: 'javascript:alert(1)', draft: 'yes', toppics: [] }),
      '',
    );
    const fields = parse(text).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'date', 'arxiv', 'upvotes', 'code', 'draft', 'toppics', 'abstract']));
  });

  it.each([
    ['title', { title: undefined }, /title: missing/],
    ['title', { title: ['a'] }, /title: must be text/],
    ['date', { date: undefined }, /date: missing/],
    ['date', { date: '2025-13-01' }, /date: "2025-13-01" is not a real calendar day/],
    ['date', { date: '2023-02-29' }, /not a real calendar day/],
    ['date', { date: '11/03/2025' }, /YYYY-MM-DD/],
    ['arxiv', { arxiv: '2310.2970' }, /arxiv: "2310.2970" is not an arXiv id/],
    ['arxiv', { arxiv: '2313.02970' }, /is not an arXiv id/],
    ['authors', { authors: 'Ada Lovelace' }, /authors: must be a list/],
    ['authors', { authors: ['Ada', ''] }, /authors #2: is empty/],
    ['authors', { authors: [{ name: 'Ada' }] }, /authors #1: must be text/],
    ['topics', { topics: 'nlp' }, /topics: must be a list/],
    ['upvotes', { upvotes: 1.5 }, /upvotes: must be a whole number/],
    ['upvotes', { upvotes: '12' }, /upvotes: must be a whole number/],
    ['upvotes', { upvotes: -1 }, /upvotes: must be 0 or more/],
    ['published', { published: '2023-10-32' }, /published: "2023-10-32" is not a real calendar day/],
    ['venue', { venue: '   ' }, /venue: must not be empty/],
    ['code', { code: 'github.com/x/y' }, /code: "github.com\/x\/y" is not an absolute http\(s\) URL/],
    ['project', { project: 'data:text/html,<script>alert(1)</script>' }, /project: .* is not an absolute http\(s\) URL/],
    ['pdf', { pdf: 'vbscript:msgbox' }, /pdf: .* is not an absolute http\(s\) URL/],
    ['submitter', { submitter: [] }, /submitter: must be text/],
    ['draft', { draft: 'no' }, /draft: must be true or false/],
  ])('rejects a bad %s', (_field, overrides, pattern) => {
    expect(errorsOf(paperSource(paperFields(overrides))).join('\n')).toMatch(pattern);
  });

  it('rejects an empty abstract, naming the body line', () => {
    expect(errorsOf(paperSource(paperFields(), '   \n'))).toEqual([expect.stringMatching(/:\d+: error: abstract: is empty/)]);
  });

  it('names the line of a YAML syntax error', () => {
    const text = '---\ntitle: Fine\ndate: 2025-03-11\nauthors: [unclosed\n---\nBody\n';
    expect(errorsOf(text)).toEqual([expect.stringMatching(/^content\/papers\/x\.md:[45]: error: front matter is not valid YAML/)]);
  });

  it('rejects duplicate keys', () => {
    const text = '---\ntitle: One\ntitle: Two\ndate: 2025-03-11\narxiv: "2501.00001"\n---\nBody\n';
    expect(errorsOf(text)[0]).toMatch(/:3: error: front matter is not valid YAML: Map keys must be unique/);
  });

  it('rejects a file without front matter, and one whose front matter is not closed', () => {
    expect(errorsOf('Just an abstract.\n')[0]).toContain('has no front matter');
    expect(errorsOf('---\ntitle: x\n\nBody\n')[0]).toContain('front matter is not closed');
  });

  it('rejects front matter that is not a mapping', () => {
    expect(errorsOf('---\n- a\n- b\n---\nBody\n')[0]).toContain('must be fields');
  });

  it('bounds alias expansion: a billion-laughs front matter is an error, not a hang', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`);
    const text = `---\ntitle: T\ndate: 2025-03-11\nl0: &l0 [lol]\n${levels.join('\n')}\n---\nBody\n`;
    expect(errorsOf(text).join('\n')).toMatch(/error: l\d: front matter is not valid YAML: Excessive alias count/);
  });

  it('reads anchors and aliases used sensibly', () => {
    const text = '---\ntitle: T\ndate: 2025-03-11\narxiv: "2501.00001"\ntopics: &shared [NLP, Vision]\nauthors: [Ada]\n---\nBody\n';
    const { paper, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(paper?.topics).toEqual(['NLP', 'Vision']);
  });

  it('never evaluates front matter as code', () => {
    const text = '---js\n{ title: (globalThis.pwned = true, "x") }\n---\nBody\n';
    expect(errorsOf(text)).toHaveLength(1);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('rejects bytes that are not UTF-8', () => {
    const result = parsePaper('content/papers/x.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]));
    expect(result.problems.map(formatProblem)).toEqual(['content/papers/x.md: error: is not UTF-8 text: save it with UTF-8 encoding']);
  });
});

describe('loadPapers', () => {
  it('reads every .md file in sub-folders, in path order, and skips hidden files and other extensions', async () => {
    const dir = await writePapers({
      '2025/03/b.md': paperSource(paperFields({ arxiv: undefined })),
      'a.md': paperSource(paperFields({ arxiv: undefined })),
      '.hidden/c.md': 'not a paper',
      'notes.txt': 'not a paper',
    });
    const { papers, problems } = await loadPapers(dir, (f) => f.slice(dir.length + 1));
    expect(problems).toEqual([]);
    expect(papers.map((p) => p.file)).toEqual(['2025/03/b.md', 'a.md']);
    expect(await findPaperFiles(dir)).toHaveLength(2);
  });

  it('reports a duplicate id naming both files', async () => {
    const dir = await writePapers({
      'a.md': paperSource(paperFields({ arxiv: '2310.02970' })),
      'b.md': paperSource(paperFields({ arxiv: '2310.02970v2' })),
    });
    const { problems } = await loadPapers(dir, (f) => f.slice(dir.length + 1));
    expect(problems.map(formatProblem)).toEqual([
      'b.md: error: arxiv: id "2310.02970" is also the id of a.md: one paper, one file — remove or merge one of them',
    ]);
  });

  it('reports the problems of every file in one run', async () => {
    const dir = await writePapers({
      'a.md': paperSource(paperFields({ date: 'soon' })),
      'b.md': paperSource(paperFields({ autors: [] })),
      'c.md': paperSource(paperFields()),
    });
    const { papers, problems } = await loadPapers(dir, (f) => f.slice(dir.length + 1));
    expect(problems.map((p) => p.file)).toEqual(['a.md', 'b.md']);
    expect(papers).toHaveLength(1);
  });
});
