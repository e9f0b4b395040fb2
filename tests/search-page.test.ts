import { describe, expect, it } from 'vitest';
import { buildPages } from '../src/pages.ts';
import { buildSearchPage } from '../src/search-page.ts';
import { defaultSettings } from '../src/site.ts';
import { renderedPaper as paper } from './helpers/rendered.ts';

describe('buildSearchPage', () => {
  it('offers topics A–Z by slug, years and months newest first, venues A–Z, and two sorts', () => {
    const papers = [
      paper({ topics: ['Federated Learning'], venue: 'NeurIPS 2024', date: '2024-12-30' }),
      paper({ topics: ['federated learning', 'équité'], venue: 'ICLR 2024', date: '2025-03-11' }),
      paper({ topics: ['NLP'], venue: 'ICLR 2024', date: '2025-01-06' }),
    ];
    const page = buildSearchPage(papers, buildPages(papers, defaultSettings).topics, defaultSettings);
    expect(page.papers).toBe(3);
    expect(page.topics).toEqual([
      { value: 'equite', label: 'équité' }, { value: 'federated-learning', label: 'Federated Learning' }, { value: 'nlp', label: 'NLP' },
    ]);
    expect(page.years.map((o) => o.value)).toEqual(['2025', '2024']);
    expect(page.months).toEqual([
      { value: '2025-03', label: 'March 2025' }, { value: '2025-01', label: 'January 2025' }, { value: '2024-12', label: 'December 2024' },
    ]);
    expect(page.venues.map((o) => o.label)).toEqual(['ICLR 2024', 'NeurIPS 2024']);
    expect(page.sorts.map((o) => o.value)).toEqual(['date', 'upvotes']);
    expect(page.manifest).toBe('/pagefind/shards.json');
  });

  it('offers nothing to filter on an empty site', () => {
    const page = buildSearchPage([], [], defaultSettings);
    expect([page.papers, page.topics, page.years, page.months, page.venues]).toEqual([0, [], [], [], []]);
  });
});
