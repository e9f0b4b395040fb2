/**
 * Every feed of the site as format-neutral data: the site feed and one per topic, each with the
 * newest `feedSize` papers (listing day descending, then trending order), its absolute URLs, its
 * discovery links and its `updated` day — the newest entry's day, never the build's clock, so
 * output stays deterministic. The renderers (rss.ts, atom.ts, jsonfeed.ts, opml.ts) print this.
 */
import type { RenderCache } from './abstracts.ts';
import { createFeedEntryMaker, type FeedEntry } from './feed-entries.ts';
import { compareNewest, groupByTopic } from './listings.ts';
import type { SiteSettings } from './site.ts';
import type { Topic } from './topics.ts';
import { absoluteUrl, feedFormats, feedStylesheetPath, href, opmlPath, siteFeedPath, topicFeedPath, topicPath, type FeedFormat } from './urls.ts';
import type { RenderedPaper } from './views.ts';

export interface FeedLink {
  format: FeedFormat;
  /** The media type for `<link rel="alternate" type>`. */
  type: string;
  /** `RSS`, `Atom` or `JSON Feed`. */
  label: string;
  /** One line on who the format is for, for the feeds page. */
  hint: string;
  /** `<link title>`, e.g. `paperfeed: Federated Learning (Atom)`. */
  title: string;
  /** Root-relative, percent-encoded. */
  url: string;
  absoluteUrl: string;
}

export interface Feed {
  /** `site`, or the topic's slug. */
  key: string;
  kind: 'site' | 'topic';
  /** The site's title, or the topic's name. */
  name: string;
  title: string;
  description: string;
  language: string;
  /** The HTML page the feed follows (absolute), and the same root-relative. */
  homeUrl: string;
  pageUrl: string;
  /** Where each format is written (may hold non-ASCII) and its absolute URL. */
  paths: Record<FeedFormat, string>;
  urls: Record<FeedFormat, string>;
  links: FeedLink[];
  /** The XSL stylesheet RSS and Atom point browsers to (root-relative). */
  stylesheet: string;
  /** Who publishes the feed: the site. Readers use it for entries that name no authors. */
  publisher: { name: string; url: string };
  /** The newest entry's listing day; absent when the feed is empty. */
  updated?: string;
  entries: FeedEntry[];
}

export interface FeedSet {
  site: Feed;
  /** Topic feeds, in the order of the topic index (A–Z); {@link topicFeed} finds one by slug. */
  topics: Feed[];
  /** The site feed, then every topic feed: what the feed templates paginate over. */
  all: Feed[];
  /** The OPML list of every feed, root-relative and absolute. */
  opml: { url: string; absoluteUrl: string };
  /** Papers rendered for feeds, and how many of those came from the cache. */
  stats: { entries: number; cached: number };
}

const FORMAT_INFO: Record<FeedFormat, { type: string; label: string; hint: string }> = {
  rss: { type: 'application/rss+xml', label: 'RSS', hint: 'RSS 2.0: every feed reader and email-by-feed service takes it.' },
  atom: { type: 'application/atom+xml', label: 'Atom', hint: 'Atom 1.0: the same papers, in the stricter standard format.' },
  json: { type: 'application/feed+json', label: 'JSON Feed', hint: 'JSON Feed 1.1: for readers and scripts that prefer JSON.' },
};

interface FeedSpec {
  key: string;
  kind: Feed['kind'];
  name: string;
  title: string;
  description: string;
  page: string;
  path: (format: FeedFormat) => string;
}

function makeFeed(spec: FeedSpec, entries: FeedEntry[], settings: SiteSettings): Feed {
  const paths = Object.fromEntries(feedFormats.map((f) => [f, spec.path(f)])) as Record<FeedFormat, string>;
  const urls = Object.fromEntries(feedFormats.map((f) => [f, absoluteUrl(settings.url, paths[f])])) as Record<FeedFormat, string>;
  const links = feedFormats.map((format) => ({
    format, ...FORMAT_INFO[format], title: `${spec.title} (${FORMAT_INFO[format].label})`, url: href(paths[format]), absoluteUrl: urls[format],
  }));
  const feed: Feed = {
    key: spec.key, kind: spec.kind, name: spec.name, title: spec.title, description: spec.description, language: settings.language,
    homeUrl: absoluteUrl(settings.url, spec.page), pageUrl: href(spec.page), paths, urls, links,
    stylesheet: feedStylesheetPath(), publisher: { name: settings.title, url: `${settings.url}/` }, entries,
  };
  if (entries[0]) feed.updated = entries[0].date;
  return feed;
}

/** Builds every feed from the papers of this build; `topics` are the topic index's entries. */
export function buildFeeds(papers: RenderedPaper[], topics: Topic[], settings: SiteSettings, cache: RenderCache): FeedSet {
  const maker = createFeedEntryMaker(settings.url, new Map(topics.map((t) => [t.slug, t])), cache);
  const newest = (group: RenderedPaper[]) => group.slice(0, settings.feedSize).map(maker.entryOf);
  const site = makeFeed({
    key: 'site', kind: 'site', name: settings.title, title: settings.title, description: settings.description,
    page: '/', path: siteFeedPath,
  }, newest([...papers].sort(compareNewest)), settings);
  const byTopicPapers = groupByTopic(papers);
  const topicFeeds = topics.map((topic) => makeFeed({
    key: topic.slug, kind: 'topic', name: topic.label, title: `${settings.title}: ${topic.label}`,
    description: `Papers on ${topic.label} from ${settings.title}, newest first.`,
    page: topicPath(topic.slug), path: (format) => topicFeedPath(topic.slug, format),
  }, newest(byTopicPapers.get(topic.slug) ?? []), settings));
  const { rendered, cached } = maker.stats();
  return {
    site,
    topics: topicFeeds,
    all: [site, ...topicFeeds],
    opml: { url: href(opmlPath()), absoluteUrl: absoluteUrl(settings.url, opmlPath()) },
    stats: { entries: rendered, cached },
  };
}

const indexes = new WeakMap<Feed[], Map<string, Feed>>();

/**
 * The feed of the topic `slug` among `feeds`, indexed once per list. A lookup in a Map, not an
 * object key: Eleventy copies global data, and a topic named `constructor` must still be found.
 */
export function topicFeed(feeds: Feed[], slug: string): Feed {
  let index = indexes.get(feeds);
  if (!index) indexes.set(feeds, (index = new Map(feeds.map((feed) => [feed.key, feed]))));
  const feed = index.get(slug);
  if (!feed) throw new Error(`no feed for topic "${slug}"`);
  return feed;
}
