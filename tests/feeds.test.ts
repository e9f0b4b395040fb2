import { describe, expect, it } from 'vitest';
import { createMemoryCache, type RenderCache } from '../src/abstracts.ts';
import { buildFeeds, topicFeed } from '../src/feeds.ts';
import { feedPaper, feedSetOf, feedSettings, samplePapers } from './helpers/feeds.ts';

describe('buildFeeds', () => {
  it('puts the newest papers in the site feed: listing day descending, then trending order', () => {
    const papers = [
      feedPaper({ title: 'Old but popular', date: '2025-03-01', upvotes: 999 }),
      feedPaper({ title: 'New b', date: '2025-03-11', upvotes: 5 }),
      feedPaper({ title: 'New a', date: '2025-03-11', upvotes: 5 }),
      feedPaper({ title: 'New top', date: '2025-03-11', upvotes: 50 }),
      feedPaper({ title: 'Middle', date: '2025-03-05', upvotes: 0 }),
    ];
    const { site } = feedSetOf(papers, feedSettings({ feedSize: 4 }));
    expect(site.entries.map((e) => e.title)).toEqual(['New top', 'New a', 'New b', 'Middle']);
  });

  it('gives every topic a feed of its own newest papers, named and ordered like the topic index', () => {
    const feeds = feedSetOf(samplePapers());
    expect(feeds.topics.map((f) => [f.key, f.name, f.title])).toEqual([
      ['machine-learning', 'Machine Learning', 'paperfeed: Machine Learning'],
      ['transformers', 'Transformers', 'paperfeed: Transformers'],
    ]);
    expect(topicFeed(feeds.topics, 'transformers').entries.map((e) => e.title)).toEqual(['Attention with $\\mathcal{O}(n)$ memory', 'A paper without authors']);
    expect(feeds.all).toEqual([feeds.site, ...feeds.topics]);
  });

  it('finds a topic\'s feed by slug, whatever the slug, and refuses unknown topics', () => {
    const feeds = feedSetOf([feedPaper({ title: 'T', topics: ['constructor', 'toString'] })]);
    expect(topicFeed(feeds.topics, 'constructor').name).toBe('constructor');
    expect(topicFeed(feeds.topics, 'tostring').name).toBe('toString');
    expect(() => topicFeed(feeds.topics, 'hasOwnProperty')).toThrow(/no feed for topic "hasOwnProperty"/);
  });

  it('dates a feed by its newest entry, whatever the clock says', () => {
    const feeds = feedSetOf(samplePapers());
    expect(feeds.site.updated).toBe('2025-03-11');
    expect(topicFeed(feeds.topics, 'machine-learning').updated).toBe('2025-03-11');
    expect(feedSetOf([]).site.updated).toBeUndefined();
  });

  it('gives absolute URLs from the site URL, percent-encoded, and the paths files are written to', () => {
    const feeds = feedSetOf([feedPaper({ title: 'T', topics: ['機械学習'] })]);
    const topic = feeds.topics[0]!;
    expect(topic.paths).toEqual({ rss: '/topics/機械学習/rss.xml', atom: '/topics/機械学習/atom.xml', json: '/topics/機械学習/feed.json' });
    expect(topic.urls.atom).toBe('https://papers.example.org/topics/%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92/atom.xml');
    expect(topic.homeUrl).toBe('https://papers.example.org/topics/%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92/');
    expect(feeds.opml).toEqual({ url: '/feeds.opml', absoluteUrl: 'https://papers.example.org/feeds.opml' });
    expect(feeds.site.urls).toEqual({ rss: 'https://papers.example.org/rss.xml', atom: 'https://papers.example.org/atom.xml', json: 'https://papers.example.org/feed.json' });
    expect(feeds.site.links.map((l) => [l.type, l.title, l.url])).toEqual([
      ['application/rss+xml', 'paperfeed (RSS)', '/rss.xml'],
      ['application/atom+xml', 'paperfeed (Atom)', '/atom.xml'],
      ['application/feed+json', 'paperfeed (JSON Feed)', '/feed.json'],
    ]);
  });

  it('renders MathML only for papers that are in some feed, each once', () => {
    const keys: string[] = [];
    const inner = createMemoryCache();
    const cache: RenderCache = { ...inner, get: (k, shard) => inner.get(k, shard), set: (k, shard, v) => { keys.push(k); inner.set(k, shard, v); } };
    const papers = Array.from({ length: 30 }, (_, i) => feedPaper({
      title: `Paper ${i}`, date: `2025-01-${String(i + 1).padStart(2, '0')}`, abstract: `Abstract ${i}`, topics: i < 2 ? ['old topic'] : ['busy'],
    }));
    const feeds = buildFeeds(papers, [{ slug: 'old-topic', label: 'old topic' }, { slug: 'busy', label: 'busy' }], feedSettings({ feedSize: 5 }), cache);
    expect(feeds.site.entries.map((e) => e.title)).toEqual(['Paper 29', 'Paper 28', 'Paper 27', 'Paper 26', 'Paper 25']);
    expect(topicFeed(feeds.topics, 'old-topic').entries.map((e) => e.title)).toEqual(['Paper 1', 'Paper 0']);
    expect(keys).toHaveLength(7);
    expect(feeds.stats).toEqual({ entries: 7, cached: 0 });
  });
});
