import { describe, expect, it } from 'vitest';
import { groupIntoShards, searchContent, searchLanguage, searchSource, toSearchRecord, toSearchRecords } from '../src/search-records.ts';
import { defaultSettings } from '../src/site.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { loadedPaper, renderedPaper as rendered } from './helpers/rendered.ts';

const day = (date: string, count: number) => Array.from({ length: count }, () => ({ date }));

describe('toSearchRecord', () => {
  it('indexes math as the TeX written, never as KaTeX glyphs', () => {
    const paper = rendered({}, 'We work on $\\mathbb{R}^3 \\times S^2$ and \\(\\mathcal{O}(n^2)\\) cost.\n\n$$\\int_0^1 f(x)\\,dx$$');
    expect(paper.html).toContain('class="katex"');
    const { content } = toSearchRecord(paper, defaultSettings);
    expect(content).toContain('$\\mathbb{R}^3 \\times S^2$');
    expect(content).toContain('\\(\\mathcal{O}(n^2)\\)');
    expect(content).toContain('$$\\int_0^1 f(x)\\,dx$$');
    expect(content).not.toMatch(/katex|<span|ℝ|×|mathnormal/);
  });

  it('makes the title metadata (searched and ranked first by Pagefind) and keeps it out of the text', () => {
    const record = toSearchRecord(rendered({ title: 'Weight Sharing in $SE(3)$' }, 'An abstract about weights.'), defaultSettings);
    expect(record.meta.title).toBe('Weight Sharing in $SE(3)$');
    expect(record.content.startsWith('An abstract about weights.')).toBe(true);
    expect(record.content).not.toContain('Weight Sharing in');
  });

  it('searches every author, the topics, venue, category and arXiv id after the abstract', () => {
    const authors = ['Erik J. Bekkers', 'Sharvaree Vadgama', 'Rob D. Hesselink', 'Putri A. van der Linden'];
    const paper = rendered({ arxiv: '2310.02970v2', category: 'cs.LG', authors, topics: ['equivariance', 'Equivariance', 'weight sharing'], venue: 'ICLR 2024' });
    expect(searchContent(paper).split('\n\n')).toEqual([
      'We study things and find that they are interesting.',
      authors.join(', '),
      'equivariance, weight sharing',
      'ICLR 2024',
      'cs.LG',
      '2310.02970',
    ]);
  });

  it('shows the title and short authors as metadata, and nothing Pagefind would match a number against', () => {
    const paper = rendered({ date: '2025-03-11', upvotes: 42, authors: ['A One', 'B Two', 'C Three', 'D Four'] });
    expect(toSearchRecord(paper, defaultSettings).meta).toEqual({ title: paper.title, authors: 'A One, B Two, C Three et al.' });
    expect(toSearchRecord(rendered({ authors: undefined }), defaultSettings).meta.authors).toBeUndefined();
  });

  it('carries the listing day and upvotes as filter values, which results show but Pagefind never searches', () => {
    const { filters } = toSearchRecord(rendered({ date: '2025-03-11', upvotes: 42 }), defaultSettings);
    expect([filters.day, filters.upvotes]).toEqual([['2025-03-11'], ['42']]);
  });

  it('filters by topic slug (once per topic), year, month, venue and code', () => {
    const paper = rendered({ date: '2024-12-30', topics: ['Federated Learning', 'federated-learning', 'NLP'], venue: 'NeurIPS 2024', code: 'https://github.com/o/r' });
    expect(toSearchRecord(paper, defaultSettings).filters).toMatchObject({
      topic: ['federated-learning', 'nlp'], year: ['2024'], month: ['2024-12'], venue: ['NeurIPS 2024'], code: ['yes'],
    });
    const plain = toSearchRecord(rendered({ topics: [] }), defaultSettings).filters;
    expect(Object.keys(plain)).toEqual(['topic', 'year', 'month', 'day', 'upvotes']);
    expect(plain.topic).toEqual([]);
  });

  it('sorts by date and by upvotes', () => {
    expect(toSearchRecord(rendered({ date: '2025-01-06', upvotes: 7 }), defaultSettings).sort).toEqual({
      date: '2025-01-06 000000000000007', upvotes: '000000000000007 2025-01-06',
    });
  });

  it('links the paper page, old-style ids keeping their slash', () => {
    expect(toSearchRecord(rendered({ arxiv: 'hep-th/9901001v2' }), defaultSettings).url).toBe('/papers/hep-th/9901001/');
    expect(toSearchRecord(rendered({ arxiv: undefined }, undefined, 'my-paper.md'), defaultSettings).url).toBe('/papers/my-paper/');
  });

  it('carries hostile text as text: records are data, escaped by Pagefind and shown with textContent', () => {
    const record = toSearchRecord(rendered({ title: `T ${HOSTILE}`, authors: [`Eve ${HOSTILE}`] }, `Body ${HOSTILE}`), defaultSettings);
    expect(record.meta.title).toBe(`T ${HOSTILE}`);
    expect(record.content).toContain(`Body ${HOSTILE}`);
    expect(record.content).toContain(`Eve ${HOSTILE}`);
  });
});

describe('search sources', () => {
  const fields = { title: `T ${HOSTILE}`, arxiv: '2310.02970', category: 'cs.LG', authors: ['A One', `Eve ${HOSTILE}`], topics: ['x', 'Y z'], venue: 'ICLR 2024', code: 'https://github.com/a/b', upvotes: 12 };
  const bodies = [
    'Plain text.',
    'We work on $\\mathbb{R}^3$ and \\(x\\).\n\n$$\\int_0^1 f$$\n\nA *second* paragraph with `code`, a [link](https://x.org)\nand a soft break.',
    'Bad $\\frac{$ math and \\unknown{x}.',
    '- a list\n- of items\n\n> a quote\n\n```\nfenced   code\n```',
    `Body ${HOSTILE}`,
  ];

  it('make the same records from an abstract\'s Markdown (parsed by the indexer) as from its rendered text', () => {
    for (const body of bodies) {
      const fromMarkdown = toSearchRecords([searchSource(loadedPaper(fields, body))], defaultSettings);
      expect(fromMarkdown).toEqual([toSearchRecord(rendered(fields, body), defaultSettings)]);
    }
  });

  it('carry only what a record needs: the text when it is known, else the Markdown', () => {
    const paper = rendered(fields, 'Some $x$ text.');
    const withText = searchSource(paper);
    expect(Object.keys(withText).sort()).toEqual(['arxiv', 'authors', 'category', 'code', 'date', 'id', 'text', 'title', 'topics', 'upvotes', 'venue']);
    expect(withText).toMatchObject({ text: 'Some $x$ text.' });
    const withMarkdown = searchSource(loadedPaper(fields, 'Some $x$ text.'));
    expect(withMarkdown).toMatchObject({ abstract: 'Some $x$ text.' });
    expect(withMarkdown).not.toHaveProperty('text');
    expect(Object.keys(searchSource(loadedPaper({ venue: undefined, code: undefined, arxiv: undefined, category: undefined })))).not.toEqual(expect.arrayContaining(['venue', 'code']));
  });
});

describe('searchLanguage', () => {
  it('is the primary subtag of the site language', () => {
    expect(searchLanguage('en')).toBe('en');
    expect(searchLanguage('en-GB')).toBe('en');
    expect(searchLanguage('PT-br')).toBe('pt');
  });
});

describe('groupIntoShards', () => {
  it('groups whole days into runs of at most the target, newest first', () => {
    const papers = [...day('2025-03-12', 3), ...day('2025-03-10', 2), ...day('2025-03-11', 2), ...day('2025-03-13', 1)];
    expect(groupIntoShards(papers, 4).map((s) => [s.first, s.last, s.papers.length])).toEqual([
      ['2025-03-12', '2025-03-13', 4],
      ['2025-03-10', '2025-03-11', 4],
    ]);
  });

  it('gives a day with more papers than the target a shard of its own', () => {
    const papers = [...day('2025-01-01', 1), ...day('2025-01-02', 9), ...day('2025-01-03', 1)];
    expect(groupIntoShards(papers, 4).map((s) => [s.first, s.papers.length])).toEqual([['2025-01-03', 1], ['2025-01-02', 9], ['2025-01-01', 1]]);
  });

  it('keeps every shard but the newest when papers are added to the newest day or a new day', () => {
    const summary = (shards: { first: string; last: string; papers: unknown[] }[]) => shards.map((s) => [s.first, s.last, s.papers.length]);
    const base = [...day('2025-02-03', 3), ...day('2025-02-04', 3), ...day('2025-02-05', 2), ...day('2025-02-06', 1)];
    const before = groupIntoShards(base, 5);
    expect(summary(before)).toEqual([['2025-02-06', '2025-02-06', 1], ['2025-02-04', '2025-02-05', 5], ['2025-02-03', '2025-02-03', 3]]);
    for (const added of [day('2025-02-06', 1), day('2025-02-06', 3), day('2025-02-07', 4)]) {
      const after = groupIntoShards([...base, ...added], 5);
      const older = after.filter((shard) => shard.last < (before[0] as { first: string }).first);
      expect(summary(older)).toEqual(summary(before.slice(1)));
      expect(after.reduce((sum, shard) => sum + shard.papers.length, 0)).toBe(base.length + added.length);
    }
  });

  it('has no shard for no papers', () => {
    expect(groupIntoShards([], 5000)).toEqual([]);
  });
});
