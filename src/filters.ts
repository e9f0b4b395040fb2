/**
 * The exact set of functions layouts may call. Anything a template would compute goes here as a
 * small, typed, tested function; layouts stay to looping, printing and testing for presence.
 */
import { citeFilters } from './cite-view.ts';
import { topicFeed } from './feeds.ts';

/** `1 paper`, `9 papers`, `1,024 papers`; `plural` defaults to `singular + "s"`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}

/** Joins a site origin and a root-relative, already-encoded URL. */
export function absoluteUrl(url: string, siteUrl: string): string {
  return new URL(url, `${siteUrl}/`).href;
}

/** The feed of a topic: `paperfeed.feeds.topics | topicFeed(listing.key)`. */
export { topicFeed };

export const templateFilters = { countOf, absoluteUrl, topicFeed, ...citeFilters };
