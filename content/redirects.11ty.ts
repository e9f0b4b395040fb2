/** Marker: the site's _redirects file (per-paper and "latest" redirects), made by src/site-redirects.ts. */
import type { SiteData } from '../src/site-data.ts';
import { formatRedirects } from '../src/site-redirects.ts';

type Data = { paperfeed: SiteData };

export const data = {
  permalink: '/_redirects',
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return formatRedirects(data.paperfeed.redirects);
}
