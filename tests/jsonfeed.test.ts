import * as cheerio from 'cheerio';
import { parseJsonFeed } from 'feedsmith';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JSON_FEED_VERSION, renderJsonFeed } from '../src/jsonfeed.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { jsonFeedProblems } from './helpers/feed-validators.ts';
import { feedSetOf, hostilePapers, samplePapers } from './helpers/feeds.ts';

interface JsonItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  content_html: string;
  summary: string;
  date_published: string;
  authors?: { name: string }[];
  author?: unknown;
  tags?: string[];
}

const read = (text: string) => JSON.parse(text) as Record<string, unknown> & { items: JsonItem[] };

describe('renderJsonFeed', () => {
  afterEach(() => void vi.useRealTimers());

  it('writes the sample feed as in the snapshot', async () => {
    await expect(renderJsonFeed(feedSetOf(samplePapers()).site)).toMatchFileSnapshot('__snapshots__/feed.json');
  });

  it('matches the JSON Feed 1.1 schema: sample, topic, hostile and empty feeds', () => {
    const feeds = feedSetOf(samplePapers());
    for (const feed of [feeds.site, feeds.topics[1]!, feedSetOf(hostilePapers()).site, feedSetOf([]).site]) {
      expect(jsonFeedProblems(read(renderJsonFeed(feed)))).toEqual([]);
    }
  });

  it('is read fully by a JSON Feed reader (feedsmith)', () => {
    const feed = parseJsonFeed(JSON.parse(renderJsonFeed(feedSetOf(samplePapers()).site)));
    expect([feed.title, feed.feed_url, feed.language]).toEqual(['paperfeed', 'https://papers.example.org/feed.json', 'en']);
    expect(feed.items?.map((i) => [i.id, i.date_published, i.authors?.map((a) => a.name)])).toEqual([
      ['https://papers.example.org/papers/2503.01234/', '2025-03-11T00:00:00Z', ['Ada Lovelace', 'Alan Turing']],
      ['https://papers.example.org/papers/a-paper-without-authors/', '2025-03-11T00:00:00Z', undefined],
      ['https://papers.example.org/papers/yesterday-s-paper/', '2025-03-10T00:00:00Z', ['Grace Hopper']],
    ]);
  });

  it('is version 1.1 with authors arrays and language, never the deprecated author object', () => {
    const feed = read(renderJsonFeed(feedSetOf(samplePapers()).site));
    expect(feed.version).toBe(JSON_FEED_VERSION);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('en');
    expect(feed.authors).toEqual([{ name: 'paperfeed', url: 'https://papers.example.org/' }]);
    expect('author' in feed).toBe(false);
    expect(feed.items.map((i) => i.authors)).toEqual([[{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }], undefined, [{ name: 'Grace Hopper' }]]);
    expect(feed.items.some((i) => 'author' in i)).toBe(false);
  });

  it('gives each item its page as id and url, arXiv as external_url, MathML content, plain summary, tags and RFC 3339 date', () => {
    const [item] = read(renderJsonFeed(feedSetOf(samplePapers()).site)).items;
    expect(item).toMatchObject({
      id: 'https://papers.example.org/papers/2503.01234/',
      url: 'https://papers.example.org/papers/2503.01234/',
      external_url: 'https://arxiv.org/abs/2503.01234',
      summary: 'We compute attention in $\\mathcal{O}(n)$ memory.\n\n$$\\sum_{i=1}^{n} a_i = 1$$',
      date_published: '2025-03-11T00:00:00Z',
      tags: ['Machine Learning', 'Transformers'],
    });
    expect(cheerio.load(item!.content_html)('math')).toHaveLength(2);
  });

  it('keeps hostile text as text, ]]> twice included, and drops characters XML forbids from every string', () => {
    const text = renderJsonFeed(feedSetOf(hostilePapers()).site);
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\\u000[0-8]|\\u001[0-9a-f]|\\ufff[ef]/i.test(text)).toBe(false);
    const [item] = read(text).items;
    expect(item?.title).toBe(`Title ${HOSTILE} ]]> and ]]> &amp; `);
    const $ = cheerio.load(item!.content_html);
    expect($('script, img, iframe, [onclick], [onerror], a[href^="javascript"]').length).toBe(0);
    expect(item?.summary).toContain(']]> twice ]]> & < bell');
  });

  it('never writes the build\'s clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const before = renderJsonFeed(feedSetOf(samplePapers()).site);
    vi.setSystemTime(new Date('2030-06-15T12:34:56Z'));
    expect(renderJsonFeed(feedSetOf(samplePapers()).site)).toBe(before);
  });
});
