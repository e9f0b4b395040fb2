import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAtom } from '../src/atom.ts';
import { renderFeedStylesheet } from '../src/feed-stylesheet.ts';
import { renderRss } from '../src/rss.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { transformXml } from './helpers/feed-validators.ts';
import { feedSetOf, hostilePapers, samplePapers } from './helpers/feeds.ts';
import { parseXml } from './helpers/xml-tree.ts';

const XSL = renderFeedStylesheet({ siteTitle: 'paperfeed & <friends>', cssPath: '/assets/main.0123456789.css' });

describe('the feed stylesheet', () => {
  let dir: string;
  const view = async (name: string, xml: string) => {
    await writeFile(path.join(dir, name), xml);
    return cheerio.load(await transformXml(path.join(dir, name), path.join(dir, 'feed.xsl')));
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-xsl-'));
    await writeFile(path.join(dir, 'feed.xsl'), XSL);
  });

  it('is a well-formed XSLT 1.0 stylesheet with the site\'s title and stylesheet escaped in', () => {
    const { root } = parseXml(XSL);
    expect(root.name).toBe('{http://www.w3.org/1999/XSL/Transform}stylesheet');
    expect(root.attrs.version).toBe('1.0');
    expect(XSL).toContain('paperfeed &amp; &lt;friends&gt;');
    const odd = renderFeedStylesheet({ siteTitle: 'a -- b @FEEDS@ {x}', cssPath: '/assets/{odd}.css' });
    expect(parseXml(odd).root.name).toBe('{http://www.w3.org/1999/XSL/Transform}stylesheet');
    expect(odd).toContain('a -- b @FEEDS@ {x}</a>');
    expect(odd).toContain('href="/assets/{{odd}}.css"');
  });

  it('shows an RSS feed as a page: what a feed is, the address to copy, and its papers with authors and days', async () => {
    const $ = await view('rss.xml', renderRss(feedSetOf(samplePapers()).site));
    expect($('html').attr('lang')).toBe('en');
    expect($('title').text()).toBe('paperfeed (RSS feed)');
    expect($('link[rel=stylesheet]').attr('href')).toBe('/assets/main.0123456789.css');
    expect($('.site-name').text()).toBe('paperfeed & <friends>');
    expect($('h1').text()).toBe('paperfeed');
    expect($('.feed-about h2').text()).toBe('This is a web feed');
    expect($('.feed-about code.feed-url').text()).toBe('https://papers.example.org/rss.xml');
    expect($('.feed-about a[href="/feeds/"]').length).toBe(1);
    expect($('.cards .card-title a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get()).toEqual([
      ['Attention with $\\mathcal{O}(n)$ memory', 'https://papers.example.org/papers/2503.01234/'],
      ['A paper without authors', 'https://papers.example.org/papers/a-paper-without-authors/'],
      ['Yesterday\'s paper', 'https://papers.example.org/papers/yesterday-s-paper/'],
    ]);
    expect($('.card-authors').first().text()).toBe('Ada Lovelace, Alan Turing');
    expect($('.card-meta').last().text()).toBe('Listed 10 Mar 2025');
  });

  it('shows an Atom feed the same way', async () => {
    const $ = await view('atom.xml', renderAtom(feedSetOf(samplePapers()).topics[0]!));
    expect($('title').text()).toBe('paperfeed: Machine Learning (Atom feed)');
    expect($('.feed-about code.feed-url').text()).toBe('https://papers.example.org/topics/machine-learning/atom.xml');
    expect($('.cards li')).toHaveLength(2);
    expect($('.card-meta').first().text()).toBe('Listed 2025-03-11');
    expect($('.feed-about a').last().attr('href')).toBe('https://papers.example.org/topics/machine-learning/');
  });

  it('prints hostile titles and names as text, never as markup', async () => {
    for (const [name, xml] of [['h.xml', renderRss(feedSetOf(hostilePapers()).site)], ['h-atom.xml', renderAtom(feedSetOf(hostilePapers()).site)]] as const) {
      const $ = await view(name, xml);
      expect($('script, img, iframe, [onclick], [onerror]').length).toBe(0);
      expect($('.card-title').text()).toContain(`Title ${HOSTILE}`);
      expect($('.card-authors').text()).toContain(`Eve ${HOSTILE}`);
    }
  });

  it('says so when a feed has no papers yet', async () => {
    const $ = await view('empty.xml', renderRss(feedSetOf([]).site));
    expect($('.cards').length).toBe(0);
    expect($('.empty-state').text()).toBe('No papers yet.');
  });
});
