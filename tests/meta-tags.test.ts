import { describe, expect, it } from 'vitest';
import { highwireDate, highwireTags, paperMetaTags, socialTags } from '../src/meta-tags.ts';
import { defaultSettings } from '../src/site.ts';
import { citable } from './helpers/citables.ts';

const settings = { ...defaultSettings, url: 'https://papers.example.org' };
const pairs = (tags: { key: string; content: string }[]) => tags.map((t) => [t.key, t.content]);

describe('highwireTags', () => {
  it('gives Google Scholar\'s tags for an arXiv paper, one author per tag, dates as YYYY/MM/DD', () => {
    expect(pairs(highwireTags(citable({ venue: 'ICLR 2024' })))).toEqual([
      ['citation_title', 'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space'],
      ['citation_author', 'Erik J. Bekkers'],
      ['citation_author', 'Sharvaree Vadgama'],
      ['citation_author', 'Putri A. van der Linden'],
      ['citation_date', '2023/10/04'],
      ['citation_publication_date', '2023/10/04'],
      ['citation_online_date', '2025/03/11'],
      ['citation_conference_title', 'ICLR 2024'],
      ['citation_pdf_url', 'https://arxiv.org/pdf/2310.02970'],
      ['citation_arxiv_id', '2310.02970'],
      ['citation_doi', '10.48550/arXiv.2310.02970'],
      ['citation_abstract', 'Based on the theory of homogeneous spaces we derive geometrically optimal edge attributes.\n\nWe formalize weight sharing.'],
      ['citation_keywords', 'equivariance; geometric deep learning'],
    ]);
  });

  it('dates a paper by its listing day when the first public date is unknown, and leaves out what is absent', () => {
    const tags = pairs(highwireTags(citable({ published: undefined, arxiv: undefined, pdf: undefined, keywords: [], authors: [] })));
    expect(tags.map(([key]) => key)).toEqual(['citation_title', 'citation_date', 'citation_publication_date', 'citation_online_date', 'citation_abstract']);
    expect(tags[1]).toEqual(['citation_date', '2025/03/11']);
  });

  it('keeps each author one person for readers that split at semicolons and commas', () => {
    expect(pairs(highwireTags(citable({ authors: ['A; B', 'Bekkers, Erik'] }))).filter(([k]) => k === 'citation_author')).toEqual([
      ['citation_author', 'A, B'],
      ['citation_author', 'Bekkers, Erik'],
    ]);
    const lone = (name: string) => pairs(highwireTags(citable({ authors: [name] }))).find(([k]) => k === 'citation_author')?.[1];
    expect(lone('van der Linden, Putri A.')).toBe('Putri A. van der Linden');
    expect(lone('Bekkers, Erik J.')).toBe('Bekkers, Erik J.');
  });

  it('joins keywords with semicolons and keeps a semicolon inside one keyword from splitting it', () => {
    expect(highwireTags(citable({ keywords: ['a;b', 'c'] })).at(-1)?.content).toBe('a,b; c');
  });

  it('formats dates the way Scholar asks', () => {
    expect(highwireDate('2025-01-06')).toBe('2025/01/06');
  });
});

describe('socialTags', () => {
  it('gives Open Graph and Twitter card tags with an excerpt and the canonical URL', () => {
    const tags = socialTags(citable({ abstract: 'word '.repeat(100) }), settings);
    expect(tags.map((t) => [t.attr, t.key])).toEqual([
      ['property', 'og:type'], ['property', 'og:title'], ['property', 'og:description'], ['property', 'og:url'],
      ['property', 'og:site_name'], ['property', 'article:published_time'],
      ['name', 'twitter:card'], ['name', 'twitter:title'], ['name', 'twitter:description'],
    ]);
    const content = Object.fromEntries(pairs(tags));
    expect(content['og:url']).toBe('https://papers.example.org/papers/2310.02970/');
    expect(content['og:site_name']).toBe('paperfeed');
    expect(content['og:type']).toBe('article');
    expect(content['og:description']?.length).toBeLessThanOrEqual(201);
    expect(content['og:description']).toMatch(/…$/);
    expect(content['twitter:card']).toBe('summary');
  });

  it('keeps the slash of an old-style id in the URL', () => {
    expect(socialTags(citable({ id: 'hep-th/9901001' }), settings).find((t) => t.key === 'og:url')?.content).toBe('https://papers.example.org/papers/hep-th/9901001/');
  });
});

describe('paperMetaTags', () => {
  it('puts the Highwire tags first', () => {
    expect(paperMetaTags(citable(), settings)[0]?.key).toBe('citation_title');
  });
});
