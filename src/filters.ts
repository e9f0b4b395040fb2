/**
 * The exact set of functions layouts may call. Anything a template would compute goes here as a
 * small, typed, tested function; layouts stay to looping, printing and testing for presence.
 */
import { aboutView } from './about.ts';
import { citeFilters } from './cite-view.ts';
import { topicFeed } from './feeds.ts';
import { footerLinks, siteNav } from './navigation.ts';
import { topicSections } from './topic-index.ts';

/** `1 paper`, `9 papers`, `1,024 papers`; `plural` defaults to `singular + "s"`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}

/** The noun that goes with a count: `upvote` for 1, `upvotes` otherwise (for markup that sets the number apart). */
export function noun(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/** Joins a site origin and a root-relative, already-encoded URL. */
export function absoluteUrl(url: string, siteUrl: string): string {
  return new URL(url, `${siteUrl}/`).href;
}

/** The feed of a topic: `paperfeed.feeds.topics | topicFeed(listing.key)`. */
export { topicFeed };

/** The header's sections with the current one marked: `paperfeed.pages.latest | siteNav(page.url)`; the footer's links: `page.url | footerLinks`. */
export { footerLinks, siteNav };

/** What the about page states: `paperfeed.pages | aboutView(paperfeed.settings)`. */
export { aboutView };

/** The topic index in sections by first letter: `paperfeed.pages.topics | topicSections`. */
export { topicSections };

export const templateFilters = { countOf, noun, absoluteUrl, topicFeed, siteNav, footerLinks, topicSections, aboutView, ...citeFilters };
