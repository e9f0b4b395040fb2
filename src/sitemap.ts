/**
 * What crawlers are told: `/sitemap.xml` (https://www.sitemaps.org/protocol.html) listing every
 * canonical page with a `lastmod` taken from the content — a paper page's listing day, a listing's
 * newest paper — never the build time, so the same papers give the same bytes; above `maxUrls`
 * (50,000, the protocol's limit) it becomes a sitemap index over `/sitemap-N.xml` parts. And
 * `/robots.txt`, which points to it and keeps crawlers out of the JSON API and the `.bib` files.
 */
import type { ListingPage, Pages } from './pages.ts';
import { aboutPath, absoluteUrl, feedsPath, robotsPath, searchPath, sitemapPartPath, sitemapPath, topicsPath } from './urls.ts';

export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapEntry {
  /** The page's path as written (`href` encodes it). */
  path: string;
  /** `YYYY-MM-DD`, when the page has papers. */
  lastmod?: string;
}

export interface TextFile {
  path: string;
  body: string;
}

const newest = (days: string[]): string | undefined => days.reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);

/** Each listing's newest paper day, over all its pages: a new paper changes every page of its listing. */
function listingLastmods(listings: ListingPage[]): Map<string, string | undefined> {
  const lastmods = new Map<string, string | undefined>();
  for (const page of listings) {
    lastmods.set(page.listingUrl, newest([lastmods.get(page.listingUrl) ?? '', ...page.papers.map((card) => card.date)].filter(Boolean)));
  }
  return lastmods;
}

/**
 * Every canonical page: the topic index, each listing page, each paper page. The home page is
 * listed only when the site is empty: otherwise it is a copy of the newest day, which is canonical.
 */
export function sitemapEntries(pages: Pages): SitemapEntry[] {
  const entry = (path: string, lastmod: string | undefined): SitemapEntry => (lastmod ? { path, lastmod } : { path });
  const siteNewest = newest(pages.papers.map((paper) => paper.date));
  const entries: SitemapEntry[] = pages.home ? [] : [entry('/', undefined)];
  entries.push(entry(topicsPath(), siteNewest), entry(feedsPath(), siteNewest), entry(searchPath(), siteNewest), entry(aboutPath(), siteNewest));
  const lastmods = listingLastmods(pages.listings);
  for (const page of pages.listings) entries.push(entry(page.path, lastmods.get(page.listingUrl)));
  for (const paper of pages.papers) entries.push(entry(paper.path, paper.date));
  return entries;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function urlset(entries: SitemapEntry[], siteUrl: string): string {
  const urls = entries.map(({ path, lastmod }) =>
    `<url><loc>${escapeXml(absoluteUrl(siteUrl, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('')}</urlset>\n`;
}

function sitemapIndex(parts: { path: string; lastmod?: string }[], siteUrl: string): string {
  const items = parts.map(({ path, lastmod }) =>
    `<sitemap><loc>${escapeXml(absoluteUrl(siteUrl, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('')}</sitemapindex>\n`;
}

/** `/sitemap.xml` alone, or, above `maxUrls` entries, an index at `/sitemap.xml` and parts of at most `maxUrls`. */
export function sitemapFiles(entries: SitemapEntry[], siteUrl: string, maxUrls = SITEMAP_MAX_URLS): TextFile[] {
  if (entries.length <= maxUrls) return [{ path: sitemapPath(), body: urlset(entries, siteUrl) }];
  const parts: TextFile[] = [];
  const index: { path: string; lastmod?: string }[] = [];
  for (let start = 0; start < entries.length; start += maxUrls) {
    const chunk = entries.slice(start, start + maxUrls);
    const path = sitemapPartPath(parts.length + 1);
    const lastmod = newest(chunk.flatMap((e) => (e.lastmod ? [e.lastmod] : [])));
    parts.push({ path, body: urlset(chunk, siteUrl) });
    index.push(lastmod ? { path, lastmod } : { path });
  }
  return [{ path: sitemapPath(), body: sitemapIndex(index, siteUrl) }, ...parts];
}

/** `/robots.txt`: everything may be crawled but the JSON API and BibTeX files; where the sitemap is. */
export function robotsTxt(siteUrl: string): TextFile {
  const body = ['User-agent: *', 'Disallow: /api/', 'Disallow: /*.bib$', '', `Sitemap: ${absoluteUrl(siteUrl, sitemapPath())}`, ''].join('\n');
  return { path: robotsPath(), body };
}
