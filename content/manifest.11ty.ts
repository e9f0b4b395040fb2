/** Marker: the web app manifest, `/manifest.webmanifest`, made by src/manifest.ts. */
import type { SiteData } from '../src/site-data.ts';

type Data = { paperfeed: SiteData };

export const data = {
  permalink: (data: Data) => data.paperfeed.manifest.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return data.paperfeed.manifest.json;
}
