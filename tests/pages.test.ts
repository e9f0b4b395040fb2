import { describe, expect, it } from 'vitest';
import { buildPages } from '../src/pages.ts';
import { defaultSettings } from '../src/site.ts';
import type { RenderedPaper } from '../src/views.ts';

let n = 0;
const paper = (overrides: Partial<RenderedPaper> = {}): RenderedPaper => {
  n++;
  return { id: `p${n}`, file: `p${n}.md`, title: `Paper ${n}`, date: '2025-03-11', authors: [], topics: [], upvotes: 0, draft: false, abstract: 'x', html: '', text: 'x', hasMath: false, ...overrides };
};

describe('buildPages', () => {
  it('makes one page per paper and listing pages for each day, week, month and topic', () => {
    const pages = buildPages([paper({ topics: ['A'] }), paper({ date: '2025-03-17', topics: ['a', 'B'] })], defaultSettings);
    expect(pages.papers).toHaveLength(2);
    expect(pages.listings.map((l) => l.path)).toEqual([
      '/papers/date/2025-03-11/', '/papers/date/2025-03-17/', '/papers/week/2025-W11/', '/papers/week/2025-W12/',
      '/papers/month/2025-03/', '/topics/a/', '/topics/b/',
    ]);
    expect(pages.topics.map((t) => [t.label, t.count])).toEqual([['A', 2], ['B', 1]]);
    expect(pages.home?.key).toBe('2025-03-17');
    expect(pages.latest?.week.url).toBe('/papers/week/2025-W12/');
  });

  it('gives a week its calendar with counts, its row marked, linking only days with papers', () => {
    const pages = buildPages([paper(), paper(), paper({ date: '2025-03-13' })], defaultSettings);
    const week = pages.listings.find((l) => l.kind === 'week');
    const row = week?.calendar?.weeks.find((w) => w.current === 'page');
    expect(row?.days.map((c) => [c.count, c.url ?? null])).toEqual([
      [0, null], [2, '/papers/date/2025-03-11/'], [0, null], [1, '/papers/date/2025-03-13/'], [0, null], [0, null], [0, null],
    ]);
    expect(week?.periods?.map((p) => [p.label, p.current])).toEqual([['Day', false], ['Week', true], ['Month', false]]);
    expect(week?.up).toEqual([{ label: 'March 2025', url: '/papers/month/2025-03/' }]);
  });

  it('links a week that spans two months to both', () => {
    const pages = buildPages([paper({ date: '2025-03-31' })], defaultSettings);
    expect(pages.listings.find((l) => l.kind === 'week')?.up.map((l) => l.label)).toEqual(['March 2025', 'April 2025']);
  });

  it('paginates long listings with the page list on every page', () => {
    const papers = Array.from({ length: 5 }, () => paper());
    const pages = buildPages(papers, { ...defaultSettings, listingPageSize: 2 });
    const day = pages.listings.filter((l) => l.kind === 'day');
    expect(day.map((l) => [l.path, l.papers.length, l.count])).toEqual([
      ['/papers/date/2025-03-11/', 2, 5], ['/papers/date/2025-03-11/page/2/', 2, 5], ['/papers/date/2025-03-11/page/3/', 1, 5],
    ]);
    expect(day[1]?.pages.map((p) => p.current)).toEqual([false, true, false]);
  });

  it('has no home page and no latest links for an empty site', () => {
    const pages = buildPages([], defaultSettings);
    expect(pages.home).toBeUndefined();
    expect(pages.latest).toBeUndefined();
    expect(pages.listings).toEqual([]);
  });
});
