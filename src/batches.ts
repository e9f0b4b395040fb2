/**
 * Eleventy keeps every page it renders in memory until its run ends, so a 60,000-paper site would
 * hold a gigabyte or two of HTML at once. The build therefore renders the bulk of the site — paper
 * pages and listing pages — in batches, one Eleventy run each, and only the first run renders the
 * site's other pages. This module decides the batches; `paperfeed.batch` is what the paper and
 * listing templates paginate over (the whole site when nothing is batched, as in the dev server).
 */
import type { ListingPage } from './pages.ts';
import type { PaperView } from './views.ts';

export interface Batch {
  papers: PaperView[];
  listings: ListingPage[];
}

/** A listing card is about a tenth of a paper page's HTML: a batch holds this many cards per paper page. */
const CARDS_PER_PAPER = 10;

/** Splits paper pages into runs of `size` and listing pages into runs of about as much HTML; at least one batch. */
export function planBatches(papers: PaperView[], listings: ListingPage[], size: number): Batch[] {
  const listingRuns: ListingPage[][] = [];
  let run: ListingPage[] = [];
  let cards = 0;
  for (const listing of listings) {
    if (run.length > 0 && cards + listing.papers.length > size * CARDS_PER_PAPER) {
      listingRuns.push(run);
      [run, cards] = [[], 0];
    }
    run.push(listing);
    cards += listing.papers.length;
  }
  if (run.length > 0) listingRuns.push(run);
  const count = Math.max(1, Math.ceil(papers.length / size), listingRuns.length);
  return Array.from({ length: count }, (_, i) => ({ papers: papers.slice(i * size, (i + 1) * size), listings: listingRuns[i] ?? [] }));
}
