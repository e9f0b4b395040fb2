/** Marker: each paper's BibTeX at `/papers/<id>/cite.bib`, written by src/bibtex.ts. */
import { bibtexEntry } from '../src/bibtex.ts';
import type { SiteData } from '../src/site-data.ts';
import { paperBibPath } from '../src/urls.ts';
import type { PaperView } from '../src/views.ts';

type Data = { paperfeed: SiteData; paper: PaperView };

export const data = {
  pagination: { data: 'paperfeed.pages.papers', size: 1, alias: 'paper' },
  permalink: (data: Data) => paperBibPath(data.paper.id),
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return bibtexEntry(data.paper.cite, data.paperfeed.settings.url);
}
