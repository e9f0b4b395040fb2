import { describe, expect, it } from 'vitest';
import { aboutView, mailboxAddress } from '../src/about.ts';
import { buildPages } from '../src/pages.ts';
import { defaultSettings } from '../src/site.ts';
import { renderedPaper } from './helpers/rendered.ts';

describe('aboutView', () => {
  it('counts papers, listing days and topics and names the first and newest day', () => {
    const papers = [
      renderedPaper({ date: '2025-03-11', topics: ['NLP'] }),
      renderedPaper({ date: '2025-03-11', topics: ['nlp', 'Vision'] }),
      renderedPaper({ date: '2025-01-02', topics: [] }),
    ];
    const view = aboutView(buildPages(papers, defaultSettings), defaultSettings);
    expect(view).toMatchObject({ papers: 3, days: 2, topics: 2, first: 'January 2, 2025', newest: 'March 11, 2025' });
  });

  it('counts a long day once, however many pages it has', () => {
    const papers = Array.from({ length: 5 }, () => renderedPaper({ date: '2025-03-11' }));
    expect(aboutView(buildPages(papers, { ...defaultSettings, listingPageSize: 2 }), defaultSettings).days).toBe(1);
  });

  it('states no range on an empty site', () => {
    const view = aboutView(buildPages([], defaultSettings), defaultSettings);
    expect(view).toMatchObject({ papers: 0, days: 0, topics: 0 });
    expect(view.first).toBeUndefined();
  });

  it('gives the digest’s sender as the address to write to', () => {
    expect(aboutView(buildPages([], defaultSettings), { ...defaultSettings, digestFrom: 'Papers <hello@papers.example.org>' }).contact)
      .toEqual({ address: 'hello@papers.example.org', url: 'mailto:hello@papers.example.org' });
    expect(mailboxAddress(' bare@example.org ')).toBe('bare@example.org');
  });
});
