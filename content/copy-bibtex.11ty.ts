/** Marker: the "Copy BibTeX" script of paper pages (src/client/copy-bibtex.js), named by its hash by src/cite-script.ts. */
import type { SiteData } from '../src/site-data.ts';

type Data = { paperfeed: SiteData };

export const data = {
  permalink: (data: Data) => data.paperfeed.citeScript.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return data.paperfeed.citeScript.js;
}
