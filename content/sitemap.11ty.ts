/** Marker: `/sitemap.xml` (an index over `/sitemap-N.xml` parts on large sites), made by src/sitemap.ts. */
import type { SiteData } from '../src/site-data.ts';
import { sitemapEntries, sitemapFiles, type TextFile } from '../src/sitemap.ts';

type Data = { paperfeed: SiteData; file: TextFile };

// Pagination needs a data key to start from; `before` replaces the papers with the sitemap's files.
export const data = {
  pagination: {
    data: 'paperfeed.pages.papers',
    size: 1,
    alias: 'file',
    before: (_: unknown, data: Data) => sitemapFiles(sitemapEntries(data.paperfeed.pages), data.paperfeed.settings.url),
  },
  permalink: (data: Data) => data.file.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return data.file.body;
}
