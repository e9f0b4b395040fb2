/**
 * The site's navigation as data: the header's sections (Today, This week, This month, Topics,
 * Feeds) with the one the reader is in marked, and the footer's links. Kept out of the layout so
 * "which item is current" is a tested function, not template logic.
 */
import type { Pages } from './pages.ts';
import type { Current } from './calendar.ts';
import { aboutPath, feedsPath, latestPath, searchPath, topicsPath } from './urls.ts';
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
 * Today, This week and This month lead to addresses that never change — `/` (the newest day) and
 * `/papers/week/latest/` and `/papers/month/latest/` (Netlify redirects them; src/pages.ts LatestPage) — so a page's header is the same
 * bytes from one daily build to the next and the build's page cache can keep it (src/page-cache.ts).
 * They are marked current on the newest day, week and month (and their later pages).
 */
export function siteNav(latest: Pages['latest'], url: string): NavItem[] {
  const items: NavItem[] = [];
  if (latest) {
    const periods: [string, string, Link][] = [['Today', '/', latest.day], ['This week', `${latestPath('week')}/`, latest.week], ['This month', `${latestPath('month')}/`, latest.month]];
    for (const [label, stable, newest] of periods) {
      const item: NavItem = { label, url: stable };
      if (url === stable || url === newest.url) item.current = 'page';
      else if (url.startsWith(newest.url)) item.current = 'true';
      items.push(item);
    }
  }
  for (const item of [{ label: 'Topics', url: topicsPath() }, { label: 'Feeds', url: feedsPath() }]) items.push(mark(item, url, true));
  return items;
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
