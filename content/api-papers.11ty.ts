/** Marker: the JSON API's paper objects at `/api/papers/<id>.json`, shaped by src/api.ts. */
import { apiPaper } from '../src/api.ts';
import type { SiteData } from '../src/site-data.ts';
import { apiPaperPath } from '../src/urls.ts';
import type { PaperView } from '../src/views.ts';

type Data = { paperfeed: SiteData; paper: PaperView };

export const data = {
  pagination: { data: 'paperfeed.pages.papers', size: 1, alias: 'paper' },
  permalink: (data: Data) => apiPaperPath(data.paper.id),
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return JSON.stringify(apiPaper(data.paper.cite));
}
