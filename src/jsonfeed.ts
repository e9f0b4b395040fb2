/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `authors` arrays (1.1 deprecates
 * `author`), `language`, the abstract as `content_html` with MathML and as a plain-text `summary`,
 * the arXiv page as `external_url`, topics as `tags`. Every string passes through the same filter
 * as the XML formats, so no output carries a character XML forbids.
 */
import { rfc3339DateTime } from './dates.ts';
import type { FeedEntry } from './feed-entries.ts';
import type { Feed } from './feeds.ts';
import { dropUnsafeChars } from './text.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** Text without the characters XML forbids (JSON could escape them; no output of the site carries them). */
const clean = (text: string) => dropUnsafeChars(text).text;

function item(entry: FeedEntry): Record<string, unknown> {
  return {
    id: clean(entry.url),
    url: clean(entry.url),
    ...(entry.externalUrl ? { external_url: clean(entry.externalUrl) } : {}),
    title: clean(entry.title),
    content_html: clean(entry.html),
    summary: clean(entry.text),
    date_published: rfc3339DateTime(entry.date),
    ...(entry.authors.length ? { authors: entry.authors.map((name) => ({ name: clean(name) })) } : {}),
    ...(entry.categories.length ? { tags: entry.categories.map(clean) } : {}),
  };
}

export function renderJsonFeed(feed: Feed): string {
  const document = {
    version: JSON_FEED_VERSION,
    title: clean(feed.title),
    home_page_url: clean(feed.homeUrl),
    feed_url: clean(feed.urls.json),
    description: clean(feed.description),
    language: clean(feed.language),
    authors: [{ name: clean(feed.publisher.name), url: clean(feed.publisher.url) }],
    items: feed.entries.map(item),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
