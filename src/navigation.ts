/**
 * The site's navigation as data: the header's sections (Today, This week, This month, Topics,
 * Feeds) with the one the reader is in marked, and the footer's links. Kept out of the layout so
 * "which item is current" is a tested function, not template logic.
 */
import type { Pages } from './pages.ts';
import type { Current } from './calendar.ts';
import { aboutPath, feedsPath, searchPath, topicsPath } from './urls.ts';
import type { Link } from './views.ts';

export interface NavItem extends Link {
  /** `page` on the page the link leads to, `true` on the other pages of that section (a topic, page 2 of today). */
  current?: Current;
}

function mark(item: Link, url: string, section: boolean): NavItem {
  if (url === item.url) return { ...item, current: 'page' };
  if (section && item.url !== '/' && url.startsWith(item.url)) return { ...item, current: 'true' };
  return item;
}

/**
 * The header's sections for the page at `url` (a root-relative path, as Eleventy's `page.url`).
 * The home page is the newest day, so "Today" is current there too.
 */
export function siteNav(latest: Pages['latest'], url: string): NavItem[] {
  const items: Link[] = [];
  if (latest) {
    items.push({ label: 'Today', url: latest.day.url }, { label: 'This week', url: latest.week.url }, { label: 'This month', url: latest.month.url });
  }
  items.push({ label: 'Topics', url: topicsPath() }, { label: 'Feeds', url: feedsPath() });
  return items.map((item) => {
    if (item.label === 'Today' && url === '/') return { ...item, current: 'page' };
    return mark(item, url, true);
  });
}

/** The footer's links to the site's own pages (the feeds come from the feed set). */
export function footerLinks(url: string): NavItem[] {
  const items: Link[] = [
    { label: 'About', url: aboutPath() },
    { label: 'Search', url: searchPath() },
    { label: 'Topics', url: topicsPath() },
    { label: 'All feeds', url: feedsPath() },
  ];
  return items.map((item) => mark(item, url, false));
}
