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

function item(entry: FeedEntry): Record<string, unknown> {
  return {
    id: entry.url,
    url: entry.url,
    ...(entry.externalUrl ? { external_url: entry.externalUrl } : {}),
    title: entry.title,
    content_html: entry.html,
    summary: entry.text,
    date_published: rfc3339DateTime(entry.date),
    ...(entry.authors.length ? { authors: entry.authors.map((name) => ({ name })) } : {}),
    ...(entry.categories.length ? { tags: entry.categories } : {}),
  };
}

export function renderJsonFeed(feed: Feed): string {
  const document = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher.name, url: feed.publisher.url }],
    items: feed.entries.map(item),
  };
  const clean = (_key: string, value: unknown) => (typeof value === 'string' ? dropUnsafeChars(value).text : value);
  return `${JSON.stringify(document, clean, 2)}\n`;
}
