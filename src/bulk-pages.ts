/**
 * The bulk of a site — a page per paper (with its BibTeX and JSON API files) and the listing pages
 * of every day, week, month and topic — rendered from `layouts/pages/paper.njk` and
 * `layouts/pages/listing.njk` with the site's Nunjucks environment (src/nunjucks.ts) and written
 * straight to disk by the build and the dev server, after Eleventy (content/bulk-files.md marks
 * them). Through Eleventy's pagination each page also paid its pipeline (permalink, data cascade,
 * page object; about a millisecond for a paper page, five for a listing) and Eleventy held every
 * page's HTML until its run ended; rendered here, a page costs its template alone and is written
 * and dropped at once: about 70 s and more than a gigabyte less on a 60,000-paper site.
 */
import { paperFiles, writeOutputFiles, type OutputFile } from './bulk-files.ts';
import { toCiteView } from './cite-view.ts';
import type { NunjucksEnvironment } from './nunjucks.ts';
import type { SiteData } from './site-data.ts';

export const PAPER_TEMPLATE = 'pages/paper.njk';
export const LISTING_TEMPLATE = 'pages/listing.njk';

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

/** Every listing page (days, weeks, months, topics, and their numbered pages), rendered one at a time as they are written. */
export function* listingPages(env: NunjucksEnvironment, data: SiteData): Generator<OutputFile> {
  const template = env.getTemplate(LISTING_TEMPLATE, true);
  for (const listing of data.pages.listings) {
    yield { path: pageFile(listing.path), body: template.render({ paperfeed: data, listing, page: { url: listing.url } }) };
  }
}

/** Writes every listing page, then every paper's page and files, under `outDir`; one progress line each. */
export function writeBulkPages(env: NunjucksEnvironment, data: SiteData, outDir: string, log: (line: string) => void = () => {}, now = () => performance.now()): number {
  let started = now();
  const listings = writeOutputFiles(outDir, listingPages(env, data));
  log(`listings: ${listings} listing pages (${Math.round(now() - started)} ms)`);
  started = now();
  const perPaper = writeOutputFiles(outDir, paperPages(env, data));
  log(`papers: ${data.pages.papers.length} paper pages with their BibTeX and JSON API files, ${perPaper} files (${Math.round(now() - started)} ms)`);
  return listings + perPaper;
}
