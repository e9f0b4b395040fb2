/** Marker: the site's and every topic's Atom 1.0 feed, written by src/atom.ts from the feed data of src/feeds.ts. */
import type { Feed } from '../src/feeds.ts';
import { renderAtom } from '../src/atom.ts';

type Data = { feed: Feed };

export const data = {
  pagination: { data: 'paperfeed.feeds.all', size: 1, alias: 'feed' },
  permalink: (data: Data) => data.feed.paths.atom,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderAtom(data.feed);
}
