import { parseOpml } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { renderOpml } from '../src/opml.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { feedPaper, feedSetOf, samplePapers } from './helpers/feeds.ts';
import { child, childrenNamed, parseXml } from './helpers/xml-tree.ts';

describe('renderOpml', () => {
  it('writes the sample list as in the snapshot', async () => {
    await expect(renderOpml(feedSetOf(samplePapers()))).toMatchFileSnapshot('__snapshots__/feeds.opml');
  });

  it('is OPML 2.0 listing the site feed, then every topic feed in a folder, each once as RSS', () => {
    const feeds = feedSetOf(samplePapers());
    const { root } = parseXml(renderOpml(feeds));
    expect([root.name, root.attrs.version]).toEqual(['opml', '2.0']);
    expect(child(child(root, 'head'), 'dateCreated').text).toBe('Tue, 11 Mar 2025 00:00:00 +0000');
    const [site, folder] = childrenNamed(child(root, 'body'), 'outline');
    expect(site?.attrs).toMatchObject({ type: 'rss', text: 'paperfeed', xmlUrl: 'https://papers.example.org/rss.xml', htmlUrl: 'https://papers.example.org/' });
    expect(folder?.attrs.type).toBeUndefined();
    expect(childrenNamed(folder!, 'outline').map((o) => [o.attrs.text, o.attrs.xmlUrl])).toEqual(
      feeds.topics.map((f) => [f.title, f.urls.rss]),
    );
  });

  it('imports with a reader\'s OPML parser (feedsmith): every feed, with its page', () => {
    const feeds = feedSetOf(samplePapers());
    const opml = parseOpml(renderOpml(feeds));
    const [site, folder] = opml.body?.outlines ?? [];
    expect([site?.text, site?.xmlUrl, site?.htmlUrl]).toEqual(['paperfeed', 'https://papers.example.org/rss.xml', 'https://papers.example.org/']);
    expect(folder?.outlines?.map((o) => [o.text, o.xmlUrl, o.htmlUrl])).toEqual(feeds.topics.map((f) => [f.title, f.urls.rss, f.homeUrl]));
  });

  it('gives every outline the text attribute OPML requires, and keeps hostile topic names as text', () => {
    const { root } = parseXml(renderOpml(feedSetOf([feedPaper({ title: 'T', topics: [`x ${HOSTILE}`] })])));
    const topic = childrenNamed(childrenNamed(child(root, 'body'), 'outline')[1]!, 'outline')[0]!;
    expect(topic.attrs.text).toBe(`paperfeed: x ${HOSTILE}`);
  });

  it('has no folder and no date when the site has no papers yet', () => {
    const { root } = parseXml(renderOpml(feedSetOf([])));
    expect(childrenNamed(child(root, 'body'), 'outline')).toHaveLength(1);
    expect(childrenNamed(child(root, 'head'), 'dateCreated')).toEqual([]);
  });
});
