import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { scholarlyArticle, scriptJson } from '../src/json-ld.ts';
import { defaultSettings } from '../src/site.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { citable } from './helpers/citables.ts';

const settings = { ...defaultSettings, url: 'https://papers.example.org' };

describe('scholarlyArticle', () => {
  it('describes an arXiv paper with its identifiers, venue and PDF', () => {
    expect(scholarlyArticle(citable({ venue: 'ICLR 2024' }), settings)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      '@id': 'https://papers.example.org/papers/2310.02970/#article',
      url: 'https://papers.example.org/papers/2310.02970/',
      mainEntityOfPage: 'https://papers.example.org/papers/2310.02970/',
      headline: 'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space',
      name: 'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space',
      author: [
        { '@type': 'Person', name: 'Erik J. Bekkers' },
        { '@type': 'Person', name: 'Sharvaree Vadgama' },
        { '@type': 'Person', name: 'Putri A. van der Linden' },
      ],
      datePublished: '2023-10-04',
      abstract: 'Based on the theory of homogeneous spaces we derive geometrically optimal edge attributes.\n\nWe formalize weight sharing.',
      identifier: [
        { '@type': 'PropertyValue', propertyID: 'arXiv', value: '2310.02970' },
        { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.48550/arXiv.2310.02970' },
      ],
      sameAs: 'https://arxiv.org/abs/2310.02970',
      keywords: ['equivariance', 'geometric deep learning'],
      isPartOf: { '@type': 'CreativeWork', name: 'ICLR 2024' },
      publication: { '@type': 'PublicationEvent', name: 'ICLR 2024' },
      encoding: { '@type': 'MediaObject', contentUrl: 'https://arxiv.org/pdf/2310.02970', encodingFormat: 'application/pdf' },
    });
  });

  it('leaves out what a paper without arXiv id, topics or venue does not have', () => {
    const article = scholarlyArticle(citable({ id: 'slug', arxiv: undefined, pdf: undefined, keywords: [], published: undefined, authors: [] }), settings);
    expect(Object.keys(article)).toEqual(['@context', '@type', '@id', 'url', 'mainEntityOfPage', 'headline', 'name', 'author', 'datePublished', 'abstract']);
    expect(article.datePublished).toBe('2025-03-11');
    expect(article.author).toEqual([]);
  });
});

describe('scriptJson', () => {
  const hostile = { title: `</script><script>alert(1)</script><!-- ${HOSTILE} & \u2028\u2029 </SCRIPT >` };

  it('writes JSON that parses back to the same value', () => {
    expect(JSON.parse(scriptJson(hostile))).toEqual(hostile);
  });

  it('has no character that could end or bend a script element', () => {
    expect(scriptJson(hostile)).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('stays one script element with the whole JSON when an HTML parser reads it', () => {
    const $ = cheerio.load(`<!DOCTYPE html><head><script type="application/ld+json">${scriptJson(hostile)}</script></head><body><p>after</p></body>`);
    expect($('script')).toHaveLength(1);
    expect(JSON.parse($('script').text())).toEqual(hostile);
    expect($('body').text()).toBe('after');
  });
});
