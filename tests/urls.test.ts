import { describe, expect, it } from 'vitest';
import {
  aboutPath, absoluteUrl, absPath, apiDayPath, apiLatestPath, apiPaperPath, atomPath, dayBibPath, dayPath, digestPath, feedsPath, feedStylesheetPath, href, jsonFeedPath, latestPath, manifestPath, monthPath, oneClickUnsubscribePath, opmlPath, pagePath, paperBibPath, paperPath, pdfPath, robotsPath, rssPath, searchIndexPath, searchManifestPath, searchPath, searchShardPath, siteFeedPath, sitemapPartPath, sitemapPath, subscribedPath, topicFeedPath, topicPath, unsubscribedPath, unsubscribePath, weekPath,
} from '../src/urls.ts';

describe('urls', () => {
  it('follows the URL contract', () => {
    expect(paperPath('2310.02970')).toBe('/papers/2310.02970/');
    expect(paperPath('hep-th/9901001')).toBe('/papers/hep-th/9901001/');
    expect(dayPath('2025-03-11')).toBe('/papers/date/2025-03-11/');
    expect(weekPath('2025-W01')).toBe('/papers/week/2025-W01/');
    expect(monthPath('2025-03')).toBe('/papers/month/2025-03/');
    expect(topicPath('federated-learning')).toBe('/topics/federated-learning/');
  });

  it('keeps arXiv\'s paths for redirects and a moving "latest" per period', () => {
    expect(absPath('hep-th/9901001')).toBe('/abs/hep-th/9901001');
    expect(pdfPath('2310.02970')).toBe('/pdf/2310.02970');
    expect(latestPath('date')).toBe('/papers/date/latest');
    expect(latestPath('month')).toBe('/papers/month/latest');
  });

  it('puts search at /search/ and its index under /pagefind/, older shards in folders named by their first day', () => {
    expect(searchPath()).toBe('/search/');
    expect(searchIndexPath()).toBe('/pagefind/');
    expect(searchShardPath('2025-06-02', true)).toBe('/pagefind/');
    expect(searchShardPath('2025-05-06', false)).toBe('/pagefind/2025-05-06/');
    expect(searchManifestPath()).toBe('/pagefind/shards.json');
  });

  it('puts the about page at /about/ and the web app manifest at /manifest.webmanifest', () => {
    expect(aboutPath()).toBe('/about/');
    expect(manifestPath()).toBe('/manifest.webmanifest');
  });

  it('puts later pages of a listing under page/N/', () => {
    expect(pagePath('/papers/date/2025-03-11/', 1)).toBe('/papers/date/2025-03-11/');
    expect(pagePath('/papers/date/2025-03-11/', 3)).toBe('/papers/date/2025-03-11/page/3/');
  });

  it('percent-encodes non-ASCII slugs for links and keeps slashes', () => {
    expect(href(topicPath('機械学習'))).toBe('/topics/%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92/');
    expect(absoluteUrl('https://p.example.org', paperPath('hep-th/9901001'))).toBe('https://p.example.org/papers/hep-th/9901001/');
  });

  it('puts citations, the JSON API and crawler files at their documented paths, old-style ids keeping their slash', () => {
    expect(paperBibPath('2310.02970')).toBe('/papers/2310.02970/cite.bib');
    expect(paperBibPath('hep-th/9901001')).toBe('/papers/hep-th/9901001/cite.bib');
    expect(dayBibPath('2025-03-11')).toBe('/papers/date/2025-03-11/papers.bib');
    expect(apiPaperPath('hep-th/9901001')).toBe('/api/papers/hep-th/9901001.json');
    expect(apiDayPath('2025-03-11')).toBe('/api/daily_papers/2025-03-11.json');
    expect(apiLatestPath()).toBe('/api/daily_papers/latest.json');
    expect([sitemapPath(), sitemapPartPath(2), robotsPath()]).toEqual(['/sitemap.xml', '/sitemap-2.xml', '/robots.txt']);
  });

  it('names the feeds, the email digests and the subscription pages', () => {
    expect([rssPath(), atomPath(), jsonFeedPath(), feedsPath()]).toEqual(['/rss.xml', '/atom.xml', '/feed.json', '/feeds/']);
    expect([digestPath('2025-03-11', 'html'), digestPath('2025-03-11', 'txt')]).toEqual(['/digest/2025-03-11.html', '/digest/2025-03-11.txt']);
    expect([subscribedPath(), unsubscribePath(), unsubscribedPath(), oneClickUnsubscribePath()]).toEqual(['/subscribed/', '/unsubscribe/', '/unsubscribed/', '/api/unsubscribe']);
  });

  it('puts the site feeds at the root and a topic\'s feeds in its folder', () => {
    expect([siteFeedPath('rss'), siteFeedPath('atom'), siteFeedPath('json')]).toEqual(['/rss.xml', '/atom.xml', '/feed.json']);
    expect([topicFeedPath('nlp', 'rss'), topicFeedPath('nlp', 'atom'), topicFeedPath('nlp', 'json')]).toEqual(['/topics/nlp/rss.xml', '/topics/nlp/atom.xml', '/topics/nlp/feed.json']);
    expect([feedsPath(), opmlPath(), feedStylesheetPath()]).toEqual(['/feeds/', '/feeds.opml', '/feed.xsl']);
  });
});
