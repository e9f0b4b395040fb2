/**
 * What the about page states about the site itself: how many papers, listing days and topics it
 * holds, from which day to which, and where readers write to (the digest's sender address, the one
 * mailbox a paperfeed site is sure to have). Computed from the pages, never typed into the layout.
 */
import type { Pages } from './pages.ts';
import type { SiteSettings } from './site.ts';

export interface AboutView {
  papers: number;
  days: number;
  topics: number;
  /** The oldest and newest listing days, as labels; absent on an empty site. */
  first?: string;
  newest?: string;
  contact: { address: string; url: string };
}

/** The address of `Name <address>` or of a bare address. */
export function mailboxAddress(mailbox: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(mailbox)?.[1] ?? mailbox).trim();
}

export function aboutView(pages: Pages, settings: SiteSettings): AboutView {
  const days = pages.listings.filter((page) => page.kind === 'day' && page.pageNumber === 1);
  const address = mailboxAddress(settings.digestFrom);
  const view: AboutView = {
    papers: pages.papers.length,
    days: days.length,
    topics: pages.topics.length,
    contact: { address, url: `mailto:${address}` },
  };
  if (days.length) {
    view.first = (days[0] as (typeof days)[number]).title;
    view.newest = (days.at(-1) as (typeof days)[number]).title;
  }
  return view;
}
