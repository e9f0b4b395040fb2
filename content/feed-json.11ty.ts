/** Marker: the site's and every topic's JSON Feed 1.1 feed, written by src/jsonfeed.ts from the feed data of src/feeds.ts. */
import type { Feed } from '../src/feeds.ts';
import { renderJsonFeed } from '../src/jsonfeed.ts';

type Data = { feed: Feed };

export const data = {
  pagination: { data: 'paperfeed.feeds.all', size: 1, alias: 'feed' },
  permalink: (data: Data) => data.feed.paths.json,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderJsonFeed(data.feed);
}
