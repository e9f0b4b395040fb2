import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePaper } from '../src/content.ts';
import { FIELD_NAMES } from '../src/schema.ts';
import { readSubject, renderScaffold, scaffoldPath, slugifyTitle } from '../src/scaffold.ts';
import { writePapers } from './helpers/papers.ts';
import { readPage, runBuild } from './helpers/site.ts';

const fill = (scaffold: string, title: string | undefined, abstract: string) =>
  (title ? scaffold.replace(/^title: .*$/m, `title: "${title}"`) : scaffold) + `${abstract}\n`;

describe('readSubject', () => {
  it.each([
    ['2310.02970', { arxiv: '2310.02970', id: '2310.02970' }],
    ['2310.02970v2', { arxiv: '2310.02970v2', id: '2310.02970' }],
    ['arXiv:2310.02970', { arxiv: '2310.02970', id: '2310.02970' }],
    ['https://arxiv.org/abs/2310.02970v3', { arxiv: '2310.02970v3', id: '2310.02970' }],
    ['https://arxiv.org/pdf/2310.02970v3.pdf', { arxiv: '2310.02970v3', id: '2310.02970' }],
    ['hep-th/9901001', { arxiv: 'hep-th/9901001', id: 'hep-th/9901001' }],
    ['  Attention Is All You Need ', { title: 'Attention Is All You Need', id: 'attention-is-all-you-need' }],
  ])('reads %j', (text, subject) => {
    expect(readSubject(text)).toEqual(subject);
  });

  it('takes the file name from --name for a title', () => {
    expect(readSubject('機械学習の研究', 'ml-study')).toEqual({ title: '機械学習の研究', id: 'ml-study' });
  });

  it.each([
    ['', undefined, 'give an arXiv id'],
    ['機械学習の研究', undefined, '--name my-paper-title'],
    ['A title', 'Not A Slug', 'is not a lowercase slug'],
    ['Date', undefined, 'cannot be a file name here'],
  ])('refuses %j (name %j)', (text, name, message) => {
    expect(readSubject(text, name)).toEqual({ error: expect.stringContaining(message) });
  });
});

describe('slugifyTitle', () => {
  it('folds accents, drops apostrophes and punctuation', () => {
    expect(slugifyTitle("Zoë's Équité — a Study: Part 2!")).toBe('zoes-equite-a-study-part-2');
  });

  it('cuts long titles at a word break, at most 60 characters', () => {
    const slug = slugifyTitle('Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space');
    expect(slug).toBe('fast-expressive-se-n-equivariant-networks-through-weight');
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

describe('renderScaffold', () => {
  it('has every field of the contract, in order, with a comment on each empty one', () => {
    const text = renderScaffold({ arxiv: '2310.02970v2', id: '2310.02970' }, '2025-03-14');
    const yaml = /^---\n([\s\S]*)\n---\n\n$/.exec(text)?.[1] ?? '';
    const doc = parseDocument(yaml, { version: '1.2', schema: 'core' });
    expect(Object.keys(doc.toJS())).toEqual(FIELD_NAMES);
    expect(doc.toJS()).toMatchObject({ title: null, date: '2025-03-14', arxiv: '2310.02970v2', upvotes: null, draft: false });
    for (const line of yaml.split('\n')) if (/^\w+:\s*(#|$)/.test(line)) expect(line, line).toMatch(/# \S/);
  });

  it('fails the contract until the title and the abstract are written, naming both', () => {
    const { problems } = parsePaper('p.md', new TextEncoder().encode(renderScaffold({ arxiv: '2310.02970', id: '2310.02970' }, '2025-03-14')));
    expect(problems.map((p) => p.field).sort()).toEqual(['abstract', 'title']);
  });

  it('passes the contract once they are written', () => {
    const byId = fill(renderScaffold({ arxiv: '2310.02970', id: '2310.02970' }, '2025-03-14'), 'A title', 'An abstract.');
    expect(parsePaper('p.md', new TextEncoder().encode(byId)).problems).toEqual([]);
    const byTitle = fill(renderScaffold({ title: 'It\'s "quoted": a #1 title', id: 'its-quoted-a-1-title' }, '2025-03-14'), undefined, 'An abstract.');
    expect(parsePaper('its-quoted-a-1-title.md', new TextEncoder().encode(byTitle)).paper?.title).toBe('It\'s "quoted": a #1 title');
  });

  it('builds into a page once filled in', async () => {
    const subject = { title: 'A hand-written paper', id: 'a-hand-written-paper' };
    const dir = await writePapers({ [path.relative('/p', scaffoldPath('/p', subject, '2025-03-14'))]: fill(renderScaffold(subject, '2025-03-14'), undefined, 'Written by hand, with $x^2$.') });
    const run = await runBuild(dir);
    expect(run.stderr).toBe('');
    expect((await readPage(run.outDir, '/papers/a-hand-written-paper/'))('h1').text()).toBe('A hand-written paper');
  });

  it('goes in the folder of its listing month', () => {
    expect(scaffoldPath('/p', { arxiv: 'hep-th/9901001', id: 'hep-th/9901001' }, '2025-03-14')).toBe(path.join('/p', '2025', '03', 'hep-th-9901001.md'));
  });
});
