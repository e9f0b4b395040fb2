/**
 * Site settings: the one documented place for what a maintainer may change (title, description,
 * canonical URL, language, sizes). Kept apart so every other module receives settings as an
 * argument and nothing deep inside reads the environment.
 */

export interface SiteSettings {
  /** Shown in the header, page titles and feeds. */
  title: string;
  /** One sentence for meta descriptions and feeds. */
  description: string;
  /**
   * Canonical origin without a trailing slash: where the site is published. Set it to your domain;
   * during Netlify builds the `URL` variable overrides it, and `SITE_URL` overrides both.
   */
  url: string;
  /** BCP 47 language tag of the site's own text (`<html lang>`, feeds, date formats). */
  language: string;
  /** Papers in each site and topic feed (newest first). */
  feedSize: number;
  /** Papers per listing page (day, week, month, topic); more spill onto `page/2/`, `page/3/`, ... */
  listingPageSize: number;
  /** Authors shown on a paper card before "et al.". */
  cardAuthors: number;
  /** Characters of plain-text abstract shown on a paper card. */
  excerptLength: number;
  /** Listing days, newest first, that get an email digest at `/digest/YYYY-MM-DD.html` and `.txt`. */
  digestDays: number;
  /**
   * Most papers in one digest (the day's most upvoted); a longer day ends with a "see all N papers"
   * link. A digest is also cut shorter when needed to stay under 100 kB, the size Gmail clips at.
   */
  digestPapers: number;
  /**
   * The digest's sender, `Name <address>`: an address of your own domain that your SMTP server may
   * send from. Unsubscribe requests by email (the `mailto:` in each message's header) go to it too.
   */
  digestFrom: string;
  /**
   * Papers per search index, at most: the search index is split into runs of whole listing days
   * holding up to this many papers (a single day with more is one index), built one at a time. It
   * bounds the indexer's memory and what a browser downloads: a first search loads the newest index
   * (and the one before it while the newest holds fewer than half of this).
   */
  searchShardPapers: number;
}

export const defaultSettings: SiteSettings = {
  title: 'paperfeed',
  description: 'Trending machine-learning papers, day by day: abstracts, feeds and search.',
  url: 'https://paperfeed.netlify.app',
  language: 'en',
  feedSize: 50,
  listingPageSize: 100,
  cardAuthors: 3,
  excerptLength: 280,
  digestDays: 7,
  digestPapers: 30,
  digestFrom: 'paperfeed <digest@paperfeed.netlify.app>',
  searchShardPapers: 5000,
};

/**
 * Where builds keep rendered abstracts between runs, relative to the project. Netlify's build
 * plugin (netlify/plugins/render-cache, input `path`) saves and restores the same folder.
 */
export const RENDER_CACHE_DIR = '.cache/paperfeed';

/**
 * Settings for a build. The canonical URL comes from `SITE_URL`, else `URL` (set by Netlify during
 * builds), else `overrides.url` (the dev server's own address), else the default. Pass the
 * environment in; nothing reads it here.
 */
export function resolveSettings(
  env: Record<string, string | undefined>,
  overrides: Partial<SiteSettings> = {},
): SiteSettings {
  const url = normalizeSiteUrl(env.SITE_URL || env.URL || overrides.url || defaultSettings.url);
  return { ...defaultSettings, ...overrides, url };
}

/** Checks a canonical URL and drops its trailing slash; throws with the fix when it is unusable. */
export function normalizeSiteUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`site URL "${raw}" is not an absolute URL: set URL or SITE_URL to e.g. https://papers.example.org`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`site URL "${raw}" must start with https:// or http://`);
  }
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    throw new Error(`site URL "${raw}" must be an origin only (no path, query or fragment): the site is served from /`);
  }
  return parsed.origin;
}
