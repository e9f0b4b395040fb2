/** Marker: the stylesheet of pages with math (the site's rules and KaTeX's), built by src/styles.ts and named by its hash. */
import type { SiteData } from '../src/site-data.ts';

type Data = { paperfeed: SiteData };

export const data = {
  permalink: (data: Data) => data.paperfeed.mathStylesheet.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return data.paperfeed.mathStylesheet.css;
}
