import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRss } from '../src/rss.ts';
import { feedSetOf, hostilePapers, samplePapers } from './helpers/feeds.ts';
import { feedparserRead } from './helpers/feed-validators.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { child, childrenNamed, parseXml } from './helpers/xml-tree.ts';

const DC = '{http://purl.org/dc/elements/1.1/}';
const CONTENT = '{http://purl.org/rss/1.0/modules/content/}';
const ATOM = '{http://www.w3.org/2005/Atom}';

async function tempFile(name: string, text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-rss-')), name);
  await writeFile(file, text);
  return file;
}

describe('renderRss', () => {
  afterEach(() => void vi.useRealTimers());

  it('writes the sample feed as in the snapshot', async () => {
    await expect(renderRss(feedSetOf(samplePapers()).site)).toMatchFileSnapshot('__snapshots__/rss.xml');
  });

  it('is RSS 2.0 with a self link, language, the newest entry\'s date and the XSL stylesheet', () => {
    const { root, instructions } = parseXml(renderRss(feedSetOf(samplePapers()).site));
    expect(root.name).toBe('rss');
    expect(root.attrs.version).toBe('2.0');
    expect(instructions).toEqual([{ target: 'xml-stylesheet', body: 'type="text/xsl" href="/feed.xsl"' }]);
    const channel = child(root, 'channel');
    expect(child(channel, 'lastBuildDate').text).toBe('Tue, 11 Mar 2025 00:00:00 +0000');
    expect(child(channel, 'language').text).toBe('en');
    expect(child(channel, `${ATOM}link`).attrs).toEqual({ href: 'https://papers.example.org/rss.xml', rel: 'self', type: 'application/rss+xml' });
  });

  it('gives each item a permalink guid, dc:creator per author, categories, RFC 822 date, summary and MathML content', () => {
    const item = childrenNamed(child(parseXml(renderRss(feedSetOf(samplePapers()).site)).root, 'channel'), 'item')[0]!;
    expect(child(item, 'guid').attrs.isPermaLink).toBe('true');
    expect(child(item, 'guid').text).toBe('https://papers.example.org/papers/2503.01234/');
    expect(child(item, 'link').text).toBe(child(item, 'guid').text);
    expect(child(item, 'pubDate').text).toBe('Tue, 11 Mar 2025 00:00:00 +0000');
    expect(childrenNamed(item, `${DC}creator`).map((c) => c.text)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(childrenNamed(item, 'author')).toEqual([]);
    expect(childrenNamed(item, 'category').map((c) => c.text)).toEqual(['Machine Learning', 'Transformers']);
    expect(cheerio.load(child(item, 'description').text)('p').first().text()).toBe('We compute attention in $\\mathcal{O}(n)$ memory.');
    const content = cheerio.load(child(item, `${CONTENT}encoded`).text);
    expect(content('math').length).toBe(2);
    expect(content('a').map((_, a) => content(a).text()).get()).toEqual(['arXiv', 'PDF', 'Code']);
  });

  it('is read fully by @rowanmanning/feed-parser', () => {
    const feed = parseFeed(renderRss(feedSetOf(samplePapers()).site)).toJSON();
    expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    expect(feed.self).toBe('https://papers.example.org/rss.xml');
    expect(feed.items.map((i) => [i.id, i.published])).toEqual([
      ['https://papers.example.org/papers/2503.01234/', '2025-03-11T00:00:00.000Z'],
      ['https://papers.example.org/papers/a-paper-without-authors/', '2025-03-11T00:00:00.000Z'],
      ['https://papers.example.org/papers/yesterday-s-paper/', '2025-03-10T00:00:00.000Z'],
    ]);
    expect(feed.items[0]?.authors.map((a) => a.name)).toEqual(['Ada Lovelace', 'Alan Turing']);
  });

  it('keeps hostile text as text: well-formed, exact titles and authors, no live markup, ]]> twice, no forbidden characters', async () => {
    const xml = renderRss(feedSetOf(hostilePapers()).site);
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)).toBe(false);
    const item = child(child(parseXml(xml).root, 'channel'), 'item');
    expect(child(item, 'title').text).toBe(`Title ${HOSTILE} ]]> and ]]> &amp; `);
    expect(childrenNamed(item, `${DC}creator`).map((c) => c.text)).toEqual([`Eve ${HOSTILE}`, 'Mallory & <b>Co</b> ]]>']);
    for (const html of [child(item, 'description').text, child(item, `${CONTENT}encoded`).text]) {
      const $ = cheerio.load(html);
      expect($('script, img, iframe, [onclick], [onerror], a[href^="javascript"]').length).toBe(0);
      expect($.root().text()).toContain(']]> twice ]]>');
    }
    const [read] = await feedparserRead([await tempFile('rss.xml', xml)]);
    expect(read?.bozo).toBe(false);
    expect(read?.entries[0]?.authors).toEqual([`Eve ${HOSTILE}`, 'Mallory & <b>Co</b> ]]>']);
  });

  it('is read by Python\'s feedparser without complaint', async () => {
    const [read] = await feedparserRead([await tempFile('rss.xml', renderRss(feedSetOf(samplePapers()).site))]);
    expect(read).toMatchObject({ bozo: false, version: 'rss20', title: 'paperfeed' });
    expect(read?.entries.map((e) => [e.id, e.published, e.tags])).toEqual([
      ['https://papers.example.org/papers/2503.01234/', '2025-03-11', ['Machine Learning', 'Transformers']],
      ['https://papers.example.org/papers/a-paper-without-authors/', '2025-03-11', ['Transformers']],
      ['https://papers.example.org/papers/yesterday-s-paper/', '2025-03-10', ['Machine Learning']],
    ]);
  });

  it('never writes the build\'s clock: the same bytes at any time, and no lastBuildDate for an empty feed', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const before = renderRss(feedSetOf(samplePapers()).site);
    const empty = renderRss(feedSetOf([]).site);
    vi.setSystemTime(new Date('2030-06-15T12:34:56Z'));
    expect(renderRss(feedSetOf(samplePapers()).site)).toBe(before);
    expect(renderRss(feedSetOf([]).site)).toBe(empty);
    expect(empty).not.toContain('lastBuildDate');
  });
});
