/** Marker: /feed.xsl, the XSL stylesheet that shows RSS and Atom feeds as a page in browsers (src/feed-stylesheet.ts). */
import { renderFeedStylesheet } from '../src/feed-stylesheet.ts';
import type { SiteData } from '../src/site-data.ts';
import { feedStylesheetPath } from '../src/urls.ts';

type Data = { paperfeed: SiteData };

export const data = {
  permalink: feedStylesheetPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderFeedStylesheet({ siteTitle: data.paperfeed.settings.title, cssPath: data.paperfeed.stylesheet.path });
}
