import { describe, expect, it } from 'vitest';
import { arxivDoi, arxivUrl, citablesByDay, citationDate, toCitable } from '../src/citable.ts';
import type { RenderedPaper } from '../src/views.ts';
import { citable } from './helpers/citables.ts';

const rendered = (overrides: Partial<RenderedPaper> = {}): RenderedPaper => ({
  id: '2310.02970', arxiv: '2310.02970', file: 'x.md', title: 'T', date: '2025-03-11', authors: ['A'], topics: ['ml'], upvotes: 4,
  draft: false, abstract: '*md*', html: '<p><em>md</em></p>', text: 'md', hasMath: false, ...overrides,
});

describe('toCitable', () => {
  it('takes the facts as written, the plain-text abstract and the site\'s topic names', () => {
    expect(toCitable(rendered({ arxivVersion: 3, category: 'cs.LG', venue: 'V', code: 'https://c.example/', project: 'https://p.example/', published: '2024-01-02' }), ['Machine Learning'])).toEqual({
      id: '2310.02970', title: 'T', authors: ['A'], date: '2025-03-11', published: '2024-01-02', arxiv: '2310.02970', category: 'cs.LG', venue: 'V',
      pdf: 'https://arxiv.org/pdf/2310.02970v3', code: 'https://c.example/', project: 'https://p.example/', keywords: ['Machine Learning'], abstract: 'md', upvotes: 4,
    });
  });

  it('prefers a given PDF and has none without arXiv id or PDF', () => {
    expect(toCitable(rendered({ pdf: 'https://example.org/p.pdf' }), []).pdf).toBe('https://example.org/p.pdf');
    const { arxiv: _arxiv, ...noArxiv } = rendered({ id: 'slug' });
    expect(Object.keys(toCitable(noArxiv, []))).toEqual(['id', 'title', 'authors', 'date', 'keywords', 'abstract', 'upvotes']);
  });
});

describe('citation helpers', () => {
  it('make the arXiv DOI and abstract URL, old-style ids included', () => {
    expect(arxivDoi('hep-th/9901001')).toBe('10.48550/arXiv.hep-th/9901001');
    expect(arxivUrl(citable({ arxiv: 'hep-th/9901001' }))).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(arxivUrl(citable({ arxiv: undefined }))).toBeUndefined();
  });

  it('date a citation by the first public date, else the listing day', () => {
    expect(citationDate(citable())).toBe('2023-10-04');
    expect(citationDate(citable({ published: undefined }))).toBe('2025-03-11');
  });
});

describe('citablesByDay', () => {
  it('groups by listing day, days ascending, keeping the order within a day', () => {
    const items = [citable({ id: 'b', date: '2025-03-12' }), citable({ id: 'a', date: '2025-03-11' }), citable({ id: 'c', date: '2025-03-12' })].map((cite) => ({ cite }));
    expect(citablesByDay(items).map((d) => [d.day, d.cites.map((c) => c.id)])).toEqual([['2025-03-11', ['a']], ['2025-03-12', ['b', 'c']]]);
    expect(citablesByDay([])).toEqual([]);
  });
});
