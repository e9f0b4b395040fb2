import { describe, expect, it } from 'vitest';
import { citeFilters, dayExports, toCiteView } from '../src/cite-view.ts';
import { defaultSettings } from '../src/site.ts';
import { templateFilters } from '../src/filters.ts';
import { citable } from './helpers/citables.ts';

const settings = { ...defaultSettings, url: 'https://papers.example.org' };

describe('toCiteView', () => {
  it('has what the Cite section and the head print', () => {
    const view = toCiteView(citable(), settings);
    expect(view).toMatchObject({
      key: 'bekkers2023fast', bibUrl: '/papers/2310.02970/cite.bib', bibFilename: 'bekkers2023fast.bib',
      doi: '10.48550/arXiv.2310.02970', doiUrl: 'https://doi.org/10.48550/arXiv.2310.02970', apiUrl: '/api/papers/2310.02970.json',
    });
    expect(view.bibtex).toMatch(/^@misc\{bekkers2023fast,\n/);
    expect(view.metaTags.map((t) => t.key)).toContain('citation_doi');
    expect(JSON.parse(view.jsonLd)).toMatchObject({ '@type': 'ScholarlyArticle' });
  });

  it('has no DOI for a paper without arXiv id, and keeps an old-style id\'s slash in links', () => {
    expect(toCiteView(citable({ id: 'slug', arxiv: undefined }), settings).doi).toBeUndefined();
    expect(toCiteView(citable({ id: 'hep-th/9901001', arxiv: 'hep-th/9901001' }), settings)).toMatchObject({
      bibUrl: '/papers/hep-th/9901001/cite.bib', apiUrl: '/api/papers/hep-th/9901001.json', doiUrl: 'https://doi.org/10.48550/arXiv.hep-th/9901001',
    });
  });
});

describe('dayExports', () => {
  it('links a day\'s BibTeX and JSON', () => {
    expect(dayExports('2025-03-11')).toEqual({ bibUrl: '/papers/date/2025-03-11/papers.bib', bibFilename: 'papers-2025-03-11.bib', apiUrl: '/api/daily_papers/2025-03-11.json' });
  });
});

describe('citeFilters', () => {
  it('are among the functions layouts may call', () => {
    for (const name of Object.keys(citeFilters)) expect(templateFilters).toHaveProperty(name);
    expect(citeFilters.coins(citable(), settings)).toMatch(/^ctx_ver=Z39\.88-2004&/);
  });
});
