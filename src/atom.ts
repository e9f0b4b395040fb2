/**
 * Atom 1.0 (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287): the feed's id is its own URL, an
 * entry's id is the paper page's URL; titles and summaries are `type="text"`, so no reader takes
 * them for markup; content is the abstract as `type="html"` with MathML, in a CDATA section; one `<author>` per paper
 * author, and the site as the feed's author for papers that name none (RFC 4287 §4.1.1).
 */
import { rfc3339DateTime } from './dates.ts';
import type { FeedEntry } from './feed-entries.ts';
import type { Feed } from './feeds.ts';
import { cdata, el, escapeXmlAttr, serializeXml, type XmlElement } from './xml.ts';

/** `updated` of a feed without entries: a fixed day, so even an empty site builds the same bytes. */
export const EMPTY_FEED_DAY = '1970-01-01';

function entry(item: FeedEntry): XmlElement {
  const day = rfc3339DateTime(item.date);
  return el('entry', {},
    el('id', {}, item.url),
    el('title', { type: 'text' }, item.title),
    el('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    el('published', {}, day),
    el('updated', {}, day),
    item.authors.map((name) => el('author', {}, el('name', {}, name))),
    item.categories.map((term) => el('category', { term })),
    el('summary', { type: 'text' }, item.text),
    el('content', { type: 'html' }, cdata(item.html)),
  );
}

export function renderAtom(feed: Feed): string {
  const root = el('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.language },
    el('id', {}, feed.urls.atom),
    el('title', { type: 'text' }, feed.title),
    el('subtitle', { type: 'text' }, feed.description),
    el('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
    el('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom }),
    el('updated', {}, rfc3339DateTime(feed.updated ?? EMPTY_FEED_DAY)),
    el('author', {}, el('name', {}, feed.publisher.name), el('uri', {}, feed.publisher.url)),
    el('generator', {}, 'paperfeed'),
    feed.entries.map(entry),
  );
  return serializeXml(root, { instructions: [['xml-stylesheet', `type="text/xsl" href="${escapeXmlAttr(feed.stylesheet)}"`]] });
}
