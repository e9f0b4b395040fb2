/** Marker: the HTML part of each email digest (/digest/YYYY-MM-DD.html), made by src/digest.ts. */
import type { DigestFile } from '../src/digest.ts';
import type { SiteData } from '../src/site-data.ts';
import { digestPath } from '../src/urls.ts';

type Data = { paperfeed: SiteData; digest: DigestFile };

export const data = {
  pagination: { data: 'paperfeed.digests', size: 1, alias: 'digest' },
  permalink: (data: Data) => digestPath(data.digest.day, 'html'),
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return data.digest.html;
}
