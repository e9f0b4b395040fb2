import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAtom } from '../src/atom.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { atomSchemaProblems, feedparserRead } from './helpers/feed-validators.ts';
import { feedPaper, feedSetOf, hostilePapers, samplePapers } from './helpers/feeds.ts';
import { child, childrenNamed, parseXml, type XmlNode } from './helpers/xml-tree.ts';

const A = '{http://www.w3.org/2005/Atom}';

async function tempFiles(texts: Record<string, string>): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-atom-'));
  return Promise.all(Object.entries(texts).map(async ([name, text]) => {
    await writeFile(path.join(dir, name), text);
    return path.join(dir, name);
  }));
}

const entries = (xml: string): XmlNode[] => childrenNamed(parseXml(xml).root, `${A}entry`);

describe('renderAtom', () => {
  afterEach(() => void vi.useRealTimers());

  it('writes the sample feed as in the snapshot', async () => {
    await expect(renderAtom(feedSetOf(samplePapers()).site)).toMatchFileSnapshot('__snapshots__/atom.xml');
  });

  it('is valid against RFC 4287\'s RELAX NG schema: sample, hostile, topic and empty feeds', async () => {
    const feeds = feedSetOf(samplePapers());
    const files = await tempFiles({
      'sample.xml': renderAtom(feeds.site),
      'topic.xml': renderAtom(feeds.topics[0]!),
      'hostile.xml': renderAtom(feedSetOf(hostilePapers()).site),
      'empty.xml': renderAtom(feedSetOf([]).site),
    });
    expect(await atomSchemaProblems(files)).toEqual([]);
  });

  it('gives the feed and every entry a non-empty absolute id: the feed\'s URL and each paper page', () => {
    const xml = renderAtom(feedSetOf([...samplePapers(), feedPaper({ title: 'No arXiv id, no authors', authors: [], topics: [] })]).site);
    const { root } = parseXml(xml);
    expect(child(root, `${A}id`).text).toBe('https://papers.example.org/atom.xml');
    const ids = entries(xml).map((e) => child(e, `${A}id`).text);
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id).toMatch(/^https:\/\/papers\.example\.org\/papers\/[^/]+\/$/);
    expect(entries(xml).map((e) => child(e, `${A}link`).attrs)).toContainEqual({ rel: 'alternate', type: 'text/html', href: 'https://papers.example.org/papers/no-arxiv-id-no-authors/' });
  });

  it('has one author per paper author, the site as the feed\'s author for papers that name none, and topics as categories', () => {
    const xml = renderAtom(feedSetOf(samplePapers()).site);
    const feedAuthor = child(parseXml(xml).root, `${A}author`);
    expect([child(feedAuthor, `${A}name`).text, child(feedAuthor, `${A}uri`).text]).toEqual(['paperfeed', 'https://papers.example.org/']);
    const [first, second] = entries(xml);
    expect(childrenNamed(first!, `${A}author`).map((a) => child(a, `${A}name`).text)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(childrenNamed(second!, `${A}author`)).toEqual([]);
    expect(childrenNamed(first!, `${A}category`).map((c) => c.attrs.term)).toEqual(['Machine Learning', 'Transformers']);
  });

  it('has plain-text titles and summaries and HTML content with MathML, dated by listing day', () => {
    const [first] = entries(renderAtom(feedSetOf(samplePapers()).site));
    expect(child(first!, `${A}title`)).toMatchObject({ attrs: { type: 'text' }, text: 'Attention with $\\mathcal{O}(n)$ memory' });
    expect(child(first!, `${A}summary`)).toMatchObject({ attrs: { type: 'text' }, text: 'We compute attention in $\\mathcal{O}(n)$ memory.\n\n$$\\sum_{i=1}^{n} a_i = 1$$' });
    expect(child(first!, `${A}content`).attrs.type).toBe('html');
    expect(cheerio.load(child(first!, `${A}content`).text)('math')).toHaveLength(2);
    expect([child(first!, `${A}published`).text, child(first!, `${A}updated`).text]).toEqual(['2025-03-11T00:00:00Z', '2025-03-11T00:00:00Z']);
  });

  it('is read fully by @rowanmanning/feed-parser and Python\'s feedparser', async () => {
    const xml = renderAtom(feedSetOf(samplePapers()).site);
    const feed = parseFeed(xml).toJSON();
    expect([feed.meta, feed.self, feed.language, feed.updated]).toEqual([{ type: 'atom', version: '1.0' }, 'https://papers.example.org/atom.xml', 'en', '2025-03-11T00:00:00.000Z']);
    expect(feed.items.map((i) => i.title)).toEqual(['Attention with $\\mathcal{O}(n)$ memory', 'A paper without authors', 'Yesterday\'s paper']);
    const [read] = await feedparserRead(await tempFiles({ 'atom.xml': xml }));
    expect(read).toMatchObject({ bozo: false, version: 'atom10', title: 'paperfeed' });
    expect(read?.entries.map((e) => [e.id, e.published, e.authors])).toEqual([
      ['https://papers.example.org/papers/2503.01234/', '2025-03-11', ['Ada Lovelace', 'Alan Turing']],
      ['https://papers.example.org/papers/a-paper-without-authors/', '2025-03-11', []],
      ['https://papers.example.org/papers/yesterday-s-paper/', '2025-03-10', ['Grace Hopper']],
    ]);
  });

  it('keeps hostile text as text: exact titles, no live markup, ]]> twice, no forbidden characters', async () => {
    const xml = renderAtom(feedSetOf(hostilePapers()).site);
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)).toBe(false);
    const [entry] = entries(xml);
    expect(child(entry!, `${A}title`).text).toBe(`Title ${HOSTILE} ]]> and ]]> &amp; `);
    expect(childrenNamed(entry!, `${A}category`).map((c) => c.attrs.term)).toEqual([`topic ${HOSTILE}`]);
    const $ = cheerio.load(child(entry!, `${A}content`).text);
    expect($('script, img, iframe, [onclick], [onerror], a[href^="javascript"]').length).toBe(0);
    expect($.root().text()).toContain(']]> twice ]]>');
    const [read] = await feedparserRead(await tempFiles({ 'atom.xml': xml }));
    expect(read?.bozo).toBe(false);
    expect(read?.entries[0]?.title).toBe(`Title ${HOSTILE} ]]> and ]]> &amp;`);
  });

  it('never writes the build\'s clock: the same bytes at any time, a fixed day for an empty feed', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const before = [renderAtom(feedSetOf(samplePapers()).site), renderAtom(feedSetOf([]).site)];
    vi.setSystemTime(new Date('2030-06-15T12:34:56Z'));
    expect([renderAtom(feedSetOf(samplePapers()).site), renderAtom(feedSetOf([]).site)]).toEqual(before);
    expect(child(parseXml(before[1]!).root, `${A}updated`).text).toBe('1970-01-01T00:00:00Z');
  });
});
