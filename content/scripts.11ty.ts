/** Marker: the site's JavaScript files, bundled from src/browser/ by src/scripts.ts and named by their hashes. */
import type { Script } from '../src/scripts.ts';
import type { SiteData } from '../src/site-data.ts';

type Data = { paperfeed: SiteData; script: Script };

export const data = {
  pagination: { data: 'paperfeed.scripts', size: 1, alias: 'script', resolve: 'values' },
  permalink: (data: Data) => data.script.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return data.script.code;
}
