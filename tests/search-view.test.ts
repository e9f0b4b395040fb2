import { describe, expect, it } from 'vitest';
import { countOf, dayRange, excerptParts, formatDay, resultsStatus, scopeText, toResultView } from '../src/browser/search-view.ts';
import type { SearchShard } from '../src/search-manifest.ts';

const shard = (first: string, last: string, papers: number): SearchShard => ({ first, last, papers, path: `/pagefind/${first}/` });

describe('excerptParts', () => {
  it('splits Pagefind\'s excerpt into plain and highlighted text, unescaping < and >', () => {
    expect(excerptParts('in <mark>federated</mark> <mark>learning,</mark> when x &lt; y &gt; z')).toEqual([
      { text: 'in ', mark: false }, { text: 'federated', mark: true }, { text: ' ', mark: false },
      { text: 'learning,', mark: true }, { text: ' when x < y > z', mark: false },
    ]);
  });

  it('keeps markup written in an abstract as text', () => {
    expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>')).toEqual([
      { text: '<script>alert(1)</script> ', mark: false }, { text: 'x', mark: true },
    ]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('toResultView', () => {
  it('shows the title and short authors from the metadata, the day and upvotes from the filters', () => {
    const view = toResultView({
      url: '/papers/2310.02970/', excerpt: '<mark>Weight</mark> sharing', meta: { title: 'T', authors: 'A, B' }, filters: { day: ['2025-03-11'], upvotes: ['1'] },
    }, 'en');
    expect(view).toEqual({
      url: '/papers/2310.02970/', title: 'T', date: '2025-03-11', dateLabel: 'March 11, 2025', authors: 'A, B', upvotes: '1 upvote',
      excerpt: [{ text: 'Weight', mark: true }, { text: ' sharing', mark: false }],
    });
  });

  it('links only to paths of the site', () => {
    for (const url of ['javascript:alert(1)', '//evil.example/', 'https://evil.example/']) {
      expect(toResultView({ url, excerpt: '', meta: {}, filters: {} }, 'en').url).toBe('#');
    }
  });

  it('copes with missing metadata', () => {
    const view = toResultView({ url: '/papers/x/', excerpt: '', meta: {}, filters: { upvotes: ['many'] } }, 'en');
    expect([view.title, view.dateLabel, view.authors, view.upvotes]).toEqual(['/papers/x/', '', '', '0 upvotes']);
  });
});

describe('wording', () => {
  it('formats days in UTC whatever the time zone', () => {
    expect(formatDay('2025-01-01', 'en')).toBe('January 1, 2025');
    expect(formatDay('not a day', 'en')).toBe('not a day');
    expect(countOf(1024, 'result')).toBe('1,024 results');
  });

  it('says how many results there are, for what', () => {
    expect(resultsStatus(1, 'LoRA ')).toBe('1 result for “LoRA”.');
    expect(resultsStatus(0, 'zzz')).toBe('No papers match “zzz”.');
    expect(resultsStatus(12, '')).toBe('12 papers match these filters.');
    expect(resultsStatus(0, ' ')).toBe('No papers match these filters.');
  });

  it('says which days were searched and how many papers were not', () => {
    // Intl puts thin spaces around the dash of a range.
    const spaced = (text: string) => text.replace(/\s/g, ' ');
    expect(spaced(dayRange([shard('2025-06-02', '2025-06-30', 1)], 'en'))).toBe('June 2 – 30, 2025');
    expect(dayRange([shard('2025-03-11', '2025-03-11', 1)], 'en')).toBe('on March 11, 2025');
    expect(spaced(dayRange([shard('2025-01-06', '2025-02-28', 1), shard('2024-11-04', '2024-12-31', 1)], 'en'))).toBe('November 4, 2024 – February 28, 2025');
    expect(scopeText({ searched: [shard('2025-03-11', '2025-03-11', 9)], next: [], remaining: 0 }, 'en')).toBe('Searched 9 papers listed on March 11, 2025.');
    expect(spaced(scopeText({ searched: [shard('2025-05-26', '2025-06-30', 6000)], next: [], remaining: 12700 }, 'en'))).toBe(
      'Searched 6,000 papers listed May 26 – June 30, 2025. 12,700 earlier papers not searched yet.',
    );
  });
});
