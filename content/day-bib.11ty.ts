/** Marker: the BibTeX of every paper of a listing day at `/papers/date/YYYY-MM-DD/papers.bib`, by src/bibtex.ts. */
import { bibliography } from '../src/bibtex.ts';
import { citablesByDay, type DayOfCitables } from '../src/citable.ts';
import type { SiteData } from '../src/site-data.ts';
import { dayBibPath } from '../src/urls.ts';
import type { PaperView } from '../src/views.ts';

type Data = { paperfeed: SiteData; day: DayOfCitables };

export const data = {
  pagination: { data: 'paperfeed.pages.papers', size: 1, alias: 'day', before: (papers: PaperView[]) => citablesByDay(papers) },
  permalink: (data: Data) => dayBibPath(data.day.day),
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return bibliography(data.day.cites, data.paperfeed.settings.url);
}
