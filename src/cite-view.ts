/**
 * What a paper page's head and "Cite" section, a card's COinS and a day's export links print,
 * computed when the page is rendered (not held for every paper at once): the template filters of
 * the citation feature. Layouts call them and print the fields; all decisions are made here.
 */
import { bibtexEntry } from './bibtex.ts';
import { arxivDoi, type Citable } from './citable.ts';
import { citationKey } from './citation-key.ts';
import { coinsContext } from './coins.ts';
import { scholarlyArticle, scriptJson } from './json-ld.ts';
import { paperMetaTags, type MetaTag } from './meta-tags.ts';
import type { SiteSettings } from './site.ts';
import { apiDayPath, apiPaperPath, dayBibPath, href, paperBibPath } from './urls.ts';

export interface CiteView {
  key: string;
  bibtex: string;
  /** The `.bib` download, and the file name a browser saves it as. */
  bibUrl: string;
  bibFilename: string;
  /** The arXiv DOI and its resolver link, for arXiv papers. */
  doi?: string;
  doiUrl?: string;
  /** The paper's JSON in the API. */
  apiUrl: string;
  metaTags: MetaTag[];
  /** JSON-LD text, already safe to print inside `<script type="application/ld+json">`. */
  jsonLd: string;
}

export function toCiteView(cite: Citable, settings: SiteSettings): CiteView {
  const key = citationKey(cite);
  const view: CiteView = {
    key,
    bibtex: bibtexEntry(cite, settings.url, key),
    bibUrl: href(paperBibPath(cite.id)),
    bibFilename: `${key}.bib`,
    apiUrl: href(apiPaperPath(cite.id)),
    metaTags: paperMetaTags(cite, settings),
    jsonLd: scriptJson(scholarlyArticle(cite, settings)),
  };
  if (cite.arxiv) {
    view.doi = arxivDoi(cite.arxiv);
    view.doiUrl = `https://doi.org/${view.doi}`;
  }
  return view;
}

/** A listing day's downloads: the BibTeX of all its papers (saved as `papers-YYYY-MM-DD.bib`) and its JSON. */
export function dayExports(day: string): { bibUrl: string; bibFilename: string; apiUrl: string } {
  return { bibUrl: href(dayBibPath(day)), bibFilename: `papers-${day}.bib`, apiUrl: href(apiDayPath(day)) };
}

export const citeFilters = {
  citeView: toCiteView,
  coins: (cite: Citable, settings: SiteSettings) => coinsContext(cite, settings.url),
  dayExports,
};
