/** Marker: /feeds.opml, every feed in one OPML 2.0 file for importing into a reader (src/opml.ts). */
import { renderOpml } from '../src/opml.ts';
import type { SiteData } from '../src/site-data.ts';
import { opmlPath } from '../src/urls.ts';

type Data = { paperfeed: SiteData };

export const data = {
  permalink: opmlPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderOpml(data.paperfeed.feeds);
}
