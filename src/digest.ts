/**
 * The email digest of a listing day: the day's most upvoted papers as an email-sized summary, built
 * for the newest `digestDays` days and written by the build as `/digest/YYYY-MM-DD.html` and `.txt`
 * (rendered by ./digest-html.ts and ./digest-text.ts). This module decides what a digest holds —
 * which days, which papers, the subject, every link as an absolute URL — and cuts the list so the
 * HTML stays under the size Gmail clips at; `npm run digest -- send` mails the files as built.
 */
import { excerpt } from './text.ts';
import type { ListingPage } from './pages.ts';
import type { SiteSettings } from './site.ts';
import { renderDigestHtml } from './digest-html.ts';
import { renderDigestText } from './digest-text.ts';
import {
  absoluteUrl, atomPath, dayPath, feedsPath, href, jsonFeedPath, rssPath, unsubscribePath,
} from './urls.ts';

/** Gmail clips a message whose HTML is larger than about 102 kB; a digest's HTML stays under this. */
export const MAX_DIGEST_HTML_BYTES = 100_000;

/** Characters of the top paper's title in a subject line. */
const SUBJECT_TITLE_LENGTH = 70;

export interface DigestPaper {
  title: string;
  /** Absolute URL of the paper's page. */
  url: string;
  /** `A, B, C et al.`; empty when the paper lists no authors. */
  authors: string;
  authorCount: number;
  topics: string[];
  upvotes: number;
  /** The first ~300 characters of the abstract as plain text, TeX as written. */
  excerpt: string;
}

export interface DigestLink {
  label: string;
  url: string;
}

export interface Digest {
  day: string;
  /** `March 11, 2025`. */
  dayLabel: string;
  subject: string;
  siteTitle: string;
  siteUrl: string;
  /** BCP 47 tag of the digest's own text (settings.language). */
  language: string;
  /** The day's listing on the site: the digest's "web version". */
  webUrl: string;
  /** Papers listed that day. */
  count: number;
  /** The papers in this digest, most upvoted first: the first `papers.length` of `count`. */
  papers: DigestPaper[];
  /** The site and its feeds, for the footer. */
  feeds: DigestLink[];
  /** The unsubscribe page (each message's headers also carry a one-click link of its own). */
  unsubscribeUrl: string;
}

/** One day's digest as written by the build. */
export interface DigestFile {
  day: string;
  subject: string;
  html: string;
  text: string;
  /** Papers listed that day, and how many of them the digest shows. */
  count: number;
  shown: number;
}

/** The first pages of the newest `days` day listings, newest first. */
export function newestDays(listings: ListingPage[], days: number): ListingPage[] {
  return listings
    .filter((page) => page.kind === 'day' && page.pageNumber === 1)
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .slice(0, Math.max(0, days));
}

/** `March 11, 2025: <top title> and 8 more`. */
export function digestSubject(dayLabel: string, papers: { title: string }[], count: number): string {
  const top = papers[0];
  if (!top) return `Trending papers of ${dayLabel}`;
  const more = count > 1 ? ` and ${count - 1} more` : '';
  return `${dayLabel}: ${excerpt(top.title, SUBJECT_TITLE_LENGTH)}${more}`;
}

/** The digest of one day listing (its first page holds at least `digestPapers` papers when the day has them). */
export function toDigest(listing: ListingPage, settings: SiteSettings): Digest {
  const url = (path: string) => absoluteUrl(settings.url, path);
  const abs = (encoded: string) => settings.url + encoded;
  const papers = listing.papers.slice(0, settings.digestPapers).map((card) => ({
    title: card.title,
    url: abs(card.url),
    authors: card.authorsShort,
    authorCount: card.authorCount,
    topics: card.topics.map((topic) => topic.label),
    upvotes: card.upvotes,
    excerpt: card.excerpt,
  }));
  return {
    day: listing.key,
    dayLabel: listing.title,
    subject: digestSubject(listing.title, papers, listing.count),
    siteTitle: settings.title,
    siteUrl: `${settings.url}/`,
    language: settings.language,
    webUrl: abs(href(dayPath(listing.key))),
    count: listing.count,
    papers,
    feeds: [
      { label: 'RSS', url: url(rssPath()) },
      { label: 'Atom', url: url(atomPath()) },
      { label: 'JSON Feed', url: url(jsonFeedPath()) },
      { label: 'All feeds', url: url(feedsPath()) },
    ],
    unsubscribeUrl: url(unsubscribePath()),
  };
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Renders a digest, showing as many of its papers as fit in `maxBytes` of HTML (binary search over
 * the count: a few renders, only for days whose papers are unusually long).
 */
export function renderDigest(digest: Digest, maxBytes = MAX_DIGEST_HTML_BYTES): DigestFile {
  const render = (shown: number) => {
    const trimmed = { ...digest, papers: digest.papers.slice(0, shown) };
    return { trimmed, html: renderDigestHtml(trimmed) };
  };
  let best = render(digest.papers.length);
  if (byteLength(best.html) > maxBytes) {
    let low = 0;
    let high = digest.papers.length - 1;
    best = render(0);
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const attempt = render(middle);
      if (byteLength(attempt.html) <= maxBytes) {
        best = attempt;
        low = middle + 1;
      } else high = middle - 1;
    }
  }
  const { trimmed, html } = best;
  return { day: digest.day, subject: digest.subject, html, text: renderDigestText(trimmed), count: digest.count, shown: trimmed.papers.length };
}

/** The digests of the newest `settings.digestDays` listing days, newest first. */
export function buildDigests(listings: ListingPage[], settings: SiteSettings): DigestFile[] {
  return newestDays(listings, settings.digestDays).map((listing) => renderDigest(toDigest(listing, settings)));
}
