import { describe, expect, it } from 'vitest';
import { footerLinks, siteNav } from '../src/navigation.ts';

const latest = {
  day: { label: 'March 11, 2025', url: '/papers/date/2025-03-11/' },
  week: { label: 'Week 11', url: '/papers/week/2025-W11/' },
  month: { label: 'March 2025', url: '/papers/month/2025-03/' },
};

const current = (url: string) => siteNav(latest, url).filter((item) => item.current).map((item) => [item.label, item.current]);

describe('siteNav', () => {
  it('lists Today, This week, This month, Topics and Feeds, leading to the newest periods by addresses that never change', () => {
    expect(siteNav(latest, '/papers/2310.02970/').map((item) => [item.label, item.url])).toEqual([
      ['Today', '/'], ['This week', '/papers/week/latest/'], ['This month', '/papers/month/latest/'],
      ['Topics', '/topics/'], ['Feeds', '/feeds/'],
    ]);
  });

  it('marks nothing on a page outside the sections', () => {
    expect(current('/papers/2310.02970/')).toEqual([]);
    expect(current('/papers/date/2025-03-10/')).toEqual([]);
    expect(current('/search/')).toEqual([]);
  });

  it('marks the section’s own page as the page, and its other pages as within it', () => {
    expect(current('/papers/date/2025-03-11/')).toEqual([['Today', 'page']]);
    expect(current('/')).toEqual([['Today', 'page']]);
    expect(current('/papers/date/2025-03-11/page/2/')).toEqual([['Today', 'true']]);
    expect(current('/papers/week/2025-W11/')).toEqual([['This week', 'page']]);
    expect(current('/papers/week/2025-W11/page/3/')).toEqual([['This week', 'true']]);
    expect(current('/papers/month/2025-03/')).toEqual([['This month', 'page']]);
    expect(current('/topics/')).toEqual([['Topics', 'page']]);
    expect(current('/topics/federated-learning/')).toEqual([['Topics', 'true']]);
    expect(current('/feeds/')).toEqual([['Feeds', 'page']]);
  });

  it('gives every other page the same items, whichever day is the newest', () => {
    const later = { ...latest, day: { label: 'March 12, 2025', url: '/papers/date/2025-03-12/' } };
    for (const url of ['/papers/2310.02970/', '/papers/date/2025-03-10/', '/papers/week/2025-W10/', '/topics/x/']) {
      expect(siteNav(later, url)).toEqual(siteNav(latest, url));
    }
  });

  it('leaves the periods out of a site without papers', () => {
    expect(siteNav(undefined, '/').map((item) => item.label)).toEqual(['Topics', 'Feeds']);
  });
});

describe('footerLinks', () => {
  it('links the about page, search, topics and feeds, marking only the page itself', () => {
    expect(footerLinks('/about/').map((item) => [item.label, item.url, item.current ?? null])).toEqual([
      ['About', '/about/', 'page'], ['Search', '/search/', null], ['Topics', '/topics/', null], ['All feeds', '/feeds/', null],
    ]);
    expect(footerLinks('/topics/nlp/').some((item) => item.current)).toBe(false);
  });
});
