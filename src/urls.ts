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
