/**
 * OPML 2.0 (http://opml.org/spec2.opml) list of every feed, so a reader imports them all in one go:
 * the site's feed first, then the topics' feeds in a folder. Each feed is listed once, as RSS (the
 * format every reader takes), with its page, description and language.
 */
import { rfc822DateTime } from './dates.ts';
import type { Feed, FeedSet } from './feeds.ts';
import { el, serializeXml, type XmlElement } from './xml.ts';

function outline(feed: Feed): XmlElement {
  return el('outline', {
    type: 'rss', version: 'RSS2', text: feed.title, title: feed.title, xmlUrl: feed.urls.rss, htmlUrl: feed.homeUrl,
    description: feed.description, language: feed.language,
  });
}

export function renderOpml(feeds: FeedSet): string {
  const { site, topics } = feeds;
  const head = el('head', {},
    el('title', {}, `${site.title}: all feeds`),
    site.updated !== undefined && el('dateCreated', {}, rfc822DateTime(site.updated)),
    el('docs', {}, 'http://opml.org/spec2.opml'),
  );
  const folder = topics.length > 0 && el('outline', { text: `${site.title} topics`, title: `${site.title} topics` }, topics.map(outline));
  return serializeXml(el('opml', { version: '2.0' }, head, el('body', {}, outline(site), folder)));
}
