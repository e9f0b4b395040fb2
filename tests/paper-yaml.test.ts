import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePaper } from '../src/content.ts';
import { renderField, renderFrontMatter, renderInlineValue, renderListItems, renderPaperFile } from '../src/paper-yaml.ts';
import { HOSTILE } from './helpers/corpus.ts';

const TRICKY = [
  'Title: with a colon', 'C# # and hash', '#hashtag start', '"Quoted" start', "'Single' start", "It's", '- dash start', '[bracket] start',
  '{brace} start', '@at', '`tick', '%percent', '!bang', '*star', '&anchor', '|pipe', '>fold', '? question', 'ends with colon:',
  '$\\mathcal{O}(n^2)$ TeX', 'back\\slash and "double" and \'single\'', '2310.02970', '1e5', '0x1F', 'yes', 'no', 'null', '~', 'true',
  '.inf', 'Zoë Ångström 山田 太郎 🚀 العربية', 'a\u2028b', HOSTILE, 'x'.repeat(500),
];

const reread = (yaml: string, key: string) => parseDocument(yaml, { version: '1.2', schema: 'core' }).get(key);

describe('renderField', () => {
  it.each(TRICKY)('writes text that reads back exactly: %j', (text) => {
    expect(reread(renderField('title', text), 'title')).toBe(text);
    expect(reread(renderField('authors', [text, 'Ada']), 'authors')).toMatchObject({ items: [{ value: text }, { value: 'Ada' }] });
  });

  it('quotes every text field, and TeX with single quotes so backslashes read as written', () => {
    expect(renderField('arxiv', '2310.02970')).toBe('arxiv: "2310.02970"\n');
    expect(renderField('submitter', 'yes')).toBe('submitter: "yes"\n');
    expect(renderField('title', 'A $\\beta$-VAE')).toBe("title: 'A $\\beta$-VAE'\n");
  });

  it('leaves days, categories, URLs and numbers plain', () => {
    expect(renderField('date', '2025-03-11')).toBe('date: 2025-03-11\n');
    expect(renderField('category', 'astro-ph.GA')).toBe('category: astro-ph.GA\n');
    expect(renderField('code', 'https://github.com/a/b')).toBe('code: https://github.com/a/b\n');
    expect(renderField('upvotes', 12)).toBe('upvotes: 12\n');
  });

  it('writes lists one item per line, indented', () => {
    expect(renderField('authors', ['Ada Lovelace', 'Alan Turing'])).toBe('authors:\n  - "Ada Lovelace"\n  - "Alan Turing"\n');
    expect(renderListItems('topics', ['nlp'])).toBe('  - "nlp"\n');
    expect(renderInlineValue('upvotes', 47)).toBe('47');
  });
});

describe('renderPaperFile', () => {
  it('writes the fields in the contract\'s order whatever order they come in, leaving out empty ones', () => {
    const yaml = renderFrontMatter({ submitter: 'akhaliq', upvotes: 3, title: 'T', topics: [], date: '2025-03-11', arxiv: '2503.00001', venue: undefined });
    expect(yaml).toBe('title: "T"\ndate: 2025-03-11\narxiv: "2503.00001"\nupvotes: 3\nsubmitter: "akhaliq"\n');
  });

  it('writes a file the loader reads back with exactly the values given', () => {
    const fields = {
      title: TRICKY[19] as string, date: '2025-03-11', arxiv: 'hep-th/9901001v3', category: 'hep-th', authors: TRICKY.slice(0, 12), topics: ['High Energy Physics - Theory'],
      upvotes: 0, published: '1999-01-01', venue: 'Phys. Rev. D 76: 013009 # 2007', code: 'https://github.com/a/b', pdf: 'https://arxiv.org/pdf/hep-th/9901001v3', submitter: '@someone',
    };
    const { paper, problems } = parsePaper('x.md', new TextEncoder().encode(renderPaperFile(fields, '  The abstract, $x$.\n\nSecond.  ')));
    expect(problems).toEqual([]);
    expect(paper).toMatchObject({ ...fields, arxiv: 'hep-th/9901001', arxivVersion: 3, id: 'hep-th/9901001', abstract: 'The abstract, $x$.\n\nSecond.' });
  });

  it('ends with the abstract and one newline', () => {
    expect(renderPaperFile({ title: 'T', date: '2025-03-11' }, 'Body')).toBe('---\ntitle: "T"\ndate: 2025-03-11\n---\n\nBody\n');
  });
});
