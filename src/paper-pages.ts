/**
 * Paper pages — one per paper, the bulk of a site — rendered from `layouts/pages/paper.njk` with the
 * site's Nunjucks environment (src/nunjucks.ts) and written straight to disk with each paper's other
 * files by the build and the dev server, after Eleventy (content/bulk-files.md marks them). Through Eleventy's pagination each page
 * also paid about a millisecond of its pipeline (permalink, data cascade, page object, and every
 * page's HTML held until the run ends); rendered here, a page costs its template alone and is
 * written and dropped at once: about 50 s less and a gigabyte less on a 60,000-paper site.
 */
import { paperFiles, type OutputFile } from './bulk-files.ts';
import { toCiteView } from './cite-view.ts';
import type { NunjucksEnvironment } from './nunjucks.ts';
import type { SiteData } from './site-data.ts';

export const PAPER_TEMPLATE = 'pages/paper.njk';

/** Where a page for a URL path goes: `/papers/x/` → `/papers/x/index.html`. */
export function pageFile(urlPath: string): string {
  return urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
}

/**
 * Every paper's page, then its BibTeX and JSON API files (src/bulk-files.ts), rendered one paper at
 * a time as the files are written. The page's citation (BibTeX, meta tags, JSON-LD) is computed
 * once, here, for the page and its `.bib` file; the layout expects it as `citation`.
 */
export function* paperPages(env: NunjucksEnvironment, data: SiteData): Generator<OutputFile> {
  const template = env.getTemplate(PAPER_TEMPLATE, true);
  for (const paper of data.pages.papers) {
    const citation = toCiteView(paper.cite, data.settings);
    yield { path: pageFile(paper.path), body: template.render({ paperfeed: data, paper, citation, page: { url: paper.url } }) };
    yield* paperFiles(paper, citation);
  }
}
