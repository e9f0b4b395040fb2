/**
 * Eleventy keeps every page it renders in memory until its run ends, so a 60,000-paper site's
 * listing pages (a hundred cards each) would hold about half a gigabyte of HTML at once. The build
 * therefore renders listing pages in batches, one Eleventy run each, and only the first run renders
 * the site's other pages. This module decides the batches; `paperfeed.batch` is what the listing
 * template paginates over (every listing when nothing is batched, as in the dev server). Paper pages
 * do not go through Eleventy at all (src/paper-pages.ts).
 */
import type { ListingPage } from './pages.ts';

export interface Batch {
  listings: ListingPage[];
}

/** Splits listing pages into runs of at most `cards` cards (a page bigger than that gets a run of its own); at least one batch. */
export function planBatches(listings: ListingPage[], cards: number): Batch[] {
  const batches: Batch[] = [];
  let run: ListingPage[] = [];
  let inRun = 0;
  for (const listing of listings) {
    if (run.length > 0 && inRun + listing.papers.length > cards) {
      batches.push({ listings: run });
      [run, inRun] = [[], 0];
    }
    run.push(listing);
    inRun += listing.papers.length;
  }
  if (run.length > 0 || batches.length === 0) batches.push({ listings: run });
  return batches;
}
