/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification), following the RSS Advisory Board's Best
 * Practices Profile (https://www.rssboard.org/rss-profile): guid = the paper page's URL with
 * isPermaLink="true"; authors as `dc:creator` (RSS `<author>` must be an email address); topics as
 * categories; the plain-text abstract as an HTML `description` that shows exactly that text; the
 * full abstract with MathML in `content:encoded`, both as CDATA sections; plain text (titles, names, topics) written with
 * hexadecimal character references, which readers that take it for HTML and readers that do not
 * both show as written.
 */
import { rfc822DateTime } from './dates.ts';
import { plainTextHtml, type FeedEntry } from './feed-entries.ts';
import type { Feed } from './feeds.ts';
import { cdata, el, escapeXmlAttr, serializeXml, type XmlElement } from './xml.ts';

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
};

function item(entry: FeedEntry): XmlElement {
  return el('item', {},
    el('title', {}, entry.title),
    el('link', {}, entry.url),
    el('guid', { isPermaLink: 'true' }, entry.url),
    el('pubDate', {}, rfc822DateTime(entry.date)),
    entry.authors.map((author) => el('dc:creator', {}, author)),
    entry.categories.map((category) => el('category', {}, category)),
    el('description', {}, cdata(plainTextHtml(entry.text))),
    el('content:encoded', {}, cdata(entry.html)),
  );
}

export function renderRss(feed: Feed): string {
  const channel = el('channel', {},
    el('title', {}, feed.title),
    el('link', {}, feed.homeUrl),
    el('description', {}, feed.description),
    el('language', {}, feed.language),
    feed.updated !== undefined && el('lastBuildDate', {}, rfc822DateTime(feed.updated)),
    el('generator', {}, 'paperfeed'),
    el('docs', {}, 'https://www.rssboard.org/rss-specification'),
    el('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' }),
    feed.entries.map(item),
  );
  return serializeXml(el('rss', { version: '2.0', ...NAMESPACES }, channel), {
    instructions: [['xml-stylesheet', `type="text/xsl" href="${escapeXmlAttr(feed.stylesheet)}"`]],
    charRefs: 'hex',
  });
}
