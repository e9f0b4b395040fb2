/** Marker: the site's and every topic's RSS 2.0 feed, written by src/rss.ts from the feed data of src/feeds.ts. */
import type { Feed } from '../src/feeds.ts';
import { renderRss } from '../src/rss.ts';

type Data = { feed: Feed };

export const data = {
  pagination: { data: 'paperfeed.feeds.all', size: 1, alias: 'feed' },
  permalink: (data: Data) => data.feed.paths.rss,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderRss(data.feed);
}
