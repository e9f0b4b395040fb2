/** Marker: the site's stylesheet, compiled from styles/ by src/styles.ts and named by its hash. */
import type { SiteData } from '../src/site-data.ts';

type Data = { paperfeed: SiteData };

export const data = {
  permalink: (data: Data) => data.paperfeed.stylesheet.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return data.paperfeed.stylesheet.css;
}
