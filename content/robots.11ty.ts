/** Marker: `/robots.txt`, made by src/sitemap.ts. */
import type { SiteData } from '../src/site-data.ts';
import { robotsPath } from '../src/urls.ts';
import { robotsTxt } from '../src/sitemap.ts';

type Data = { paperfeed: SiteData };

export const data = {
  permalink: () => robotsPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return robotsTxt(data.paperfeed.settings.url).body;
}
