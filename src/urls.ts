/**
 * The URL contract (DESIGN §2) in code: every public path is made here and nowhere else, so a
 * change that would move one shows up in one file and its test. Paths are what files are written
 * as (they may hold non-ASCII topic slugs); `href` percent-encodes them for links and feeds.
 */

export const paperPath = (id: string) => `/papers/${id}/`;
export const dayPath = (day: string) => `/papers/date/${day}/`;
export const weekPath = (week: string) => `/papers/week/${week}/`;
export const monthPath = (month: string) => `/papers/month/${month}/`;
export const topicsPath = () => '/topics/';
export const topicPath = (slug: string) => `/topics/${slug}/`;
export const searchPath = () => '/search/';
/** What paperfeed is, where its data comes from, how to follow and cite it, and its accessibility statement. */
export const aboutPath = () => '/about/';
/** The web app manifest (name, colours, icons for "add to home screen"). */
export const manifestPath = () => '/manifest.webmanifest';
/** One listing day's email digest, as written by the build: `/digest/2025-03-11.html` and `.txt`. */
export const digestPath = (day: string, format: 'html' | 'txt') => `/digest/${day}.${format}`;
/** Where the subscribe form lands (Netlify Forms shows this page after a submission). */
export const subscribedPath = () => '/subscribed/';
export const unsubscribePath = () => '/unsubscribe/';
export const unsubscribedPath = () => '/unsubscribed/';
/** The one-click unsubscribe endpoint (RFC 8058), a Netlify Function: netlify/functions/unsubscribe.ts. */
export const oneClickUnsubscribePath = () => '/api/unsubscribe';

/** A paper's BibTeX; old-style ids keep their slash (`/papers/hep-th/9901001/cite.bib`). */
export const paperBibPath = (id: string) => `${paperPath(id)}cite.bib`;
/** The BibTeX of every paper listed on a day. */
export const dayBibPath = (day: string) => `${dayPath(day)}papers.bib`;
/** The JSON API, shaped like the Hugging Face Papers API; old-style ids keep their slash (`/api/papers/hep-th/9901001.json`). */
export const apiPaperPath = (id: string) => `/api/papers/${id}.json`;
export const apiDayPath = (day: string) => `/api/daily_papers/${day}.json`;
export const apiLatestPath = () => '/api/daily_papers/latest.json';
/** The sitemap (an index when the site has more URLs than one sitemap may list) and its parts. */
export const sitemapPath = () => '/sitemap.xml';
export const sitemapPartPath = (n: number) => `/sitemap-${n}.xml`;
export const robotsPath = () => '/robots.txt';

/** arXiv-style paths readers type or rewrite from arxiv.org links; they redirect (see src/site-redirects.ts). */
export const absPath = (id: string) => `/abs/${id}`;
export const pdfPath = (id: string) => `/pdf/${id}`;
/** Always the newest day, week or month with papers: a temporary redirect that moves with each build. */
export const latestPath = (period: 'date' | 'week' | 'month') => `/papers/${period}/latest`;

/** Feed formats and the file name each is written as, under `/` for the site and a topic's folder for a topic. */
export type FeedFormat = 'rss' | 'atom' | 'json';
export const feedFormats: readonly FeedFormat[] = ['rss', 'atom', 'json'];
export const feedFileNames: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };
export const siteFeedPath = (format: FeedFormat) => `/${feedFileNames[format]}`;
export const rssPath = () => siteFeedPath('rss');
export const atomPath = () => siteFeedPath('atom');
export const jsonFeedPath = () => siteFeedPath('json');
export const topicFeedPath = (slug: string, format: FeedFormat) => `${topicPath(slug)}${feedFileNames[format]}`;
/** The page that lists every feed, the OPML file of all feeds, and the XSL stylesheet that shows RSS and Atom in a browser. */
export const feedsPath = () => '/feeds/';
export const opmlPath = () => '/feeds.opml';
export const feedStylesheetPath = () => '/feed.xsl';

/** The search index: Pagefind's runtime and the newest index; older ones in folders named by their first day. */
export const searchIndexPath = () => '/pagefind/';
export const searchShardPath = (firstDay: string, newest: boolean) => (newest ? searchIndexPath() : `${searchIndexPath()}${firstDay}/`);
export const searchManifestPath = () => `${searchIndexPath()}shards.json`;

/** Page `n` of a paginated listing: page 1 is the listing itself, later pages are `…/page/n/`. */
export function pagePath(listing: string, n: number): string {
  return n <= 1 ? listing : `${listing}page/${n}/`;
}

/** A path made safe for `href`/`src` and feeds: non-ASCII and reserved characters percent-encoded. */
export function href(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The absolute URL of a site path, e.g. `https://papers.example.org/papers/2310.02970/`. */
export function absoluteUrl(siteUrl: string, pathname: string): string {
  return siteUrl + href(pathname);
}
