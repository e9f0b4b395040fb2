import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarCorpus, hostileCorpus } from './helpers/corpus.ts';
import { launchChromium } from './helpers/chromium.ts';
import { atomSchemaProblems, feedparserRead, jsonFeedProblems } from './helpers/feed-validators.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { serveSite, type Server } from './helpers/serve.ts';
import { fileFor, readPage, root, runBuild, type BuildRun } from './helpers/site.ts';
import { htmlFilesUnder } from './helpers/validators.ts';
import { childrenNamed, parseXml } from './helpers/xml-tree.ts';

const SITE = 'https://papers.example.org';

/** A paper whose topics are names objects have: a topic's feed must still be found by its slug. */
const protoPaper = () => paperSource(paperFields({ arxiv: undefined, date: '2025-01-05', topics: ['constructor', '__proto__', 'toString'] }));

async function filesNamed(dir: string, names: string[]): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && names.includes(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** Topic slugs of a built site, from the topic index. */
async function topicPaths(outDir: string): Promise<string[]> {
  const $ = await readPage(outDir, '/topics/');
  return $('.topic-index a').map((_, a) => decodeURIComponent($(a).attr('href') as string)).get();
}

function checkFeedsOf(label: string, getRun: () => BuildRun) {
  describe(`the feeds of ${label}`, () => {
    it('exist for the site and for every topic, in all three formats', async () => {
      const run = getRun();
      const topics = await topicPaths(run.outDir);
      expect(topics.length).toBeGreaterThan(3);
      for (const base of ['/', ...topics]) {
        for (const name of ['rss.xml', 'atom.xml', 'feed.json']) await expect(readFile(fileFor(run.outDir, base + name))).resolves.toBeTruthy();
      }
    });

    it('are well-formed and read by @rowanmanning/feed-parser and Python\'s feedparser with every entry', async () => {
      const files = await filesNamed(getRun().outDir, ['rss.xml', 'atom.xml']);
      const counts = new Map<string, number>();
      for (const file of files) {
        const xml = await readFile(file, 'utf8');
        const parsed = parseXml(xml);
        const entries = parsed.root.name === 'rss' ? childrenNamed(parsed.root.children[0]!, 'item') : childrenNamed(parsed.root, '{http://www.w3.org/2005/Atom}entry');
        counts.set(file, entries.length);
        expect(parseFeed(xml).items.length, file).toBe(entries.length);
      }
      for (const read of await feedparserRead(files)) {
        expect([read.file, read.bozo, read.bozoException]).toEqual([read.file, false, null]);
        expect(read.version).toBe(read.file.endsWith('rss.xml') ? 'rss20' : 'atom10');
        expect(read.entries.length, read.file).toBe(counts.get(read.file));
        for (const entry of read.entries) {
          expect(entry.id).toMatch(/^https:\/\/papers\.example\.org\/papers\/.+\/$/);
          expect(entry.link).toBe(entry.id);
          expect(entry.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    });

    it('are valid: Atom against RFC 4287\'s RELAX NG schema, JSON Feed against its 1.1 schema', async () => {
      expect(await atomSchemaProblems(await filesNamed(getRun().outDir, ['atom.xml']))).toEqual([]);
      for (const file of await filesNamed(getRun().outDir, ['feed.json'])) {
        expect(jsonFeedProblems(JSON.parse(await readFile(file, 'utf8'))), file).toEqual([]);
      }
    });

    it('carry no live markup, script or javascript: link in any entry\'s content', async () => {
      for (const file of await filesNamed(getRun().outDir, ['feed.json'])) {
        const feed = JSON.parse(await readFile(file, 'utf8')) as { items: { content_html: string }[] };
        for (const item of feed.items) {
          const $ = cheerio.load(item.content_html);
          expect($('script, style, img, iframe, object, embed, form, svg, [onclick], [onerror], [onload]').length, file).toBe(0);
          $('a').each((_, a) => void expect($(a).attr('href'), file).toMatch(/^(https?:|mailto:)/));
        }
      }
    });
  });
}

describe('feeds of built sites', () => {
  let sample: BuildRun;
  let hostile: BuildRun;
  beforeAll(async () => {
    [sample, hostile] = await Promise.all([
      runBuild(path.join(root, 'content/papers')),
      runBuild(await writePapers({ ...hostileCorpus(), ...calendarCorpus(), 'proto.md': protoPaper() })),
    ]);
    expect([sample.code, hostile.code]).toEqual([0, 0]);
  });

  checkFeedsOf('the sample site', () => sample);
  checkFeedsOf('a hostile site', () => hostile);

  it('advertise the site feeds on every page, a topic\'s own on its pages, and link /feeds/ from the header', async () => {
    for (const run of [sample, hostile]) {
      for (const file of await htmlFilesUnder(run.outDir)) {
        if (path.relative(run.outDir, file).startsWith('digest/')) continue; // email, not a page of the site
        const $ = cheerio.load(await readFile(file, 'utf8'));
        const alternates = $('link[rel=alternate][type$="xml"], link[rel=alternate][type="application/feed+json"]').map((_, l) => `${$(l).attr('type')} ${decodeURIComponent($(l).attr('href') as string)}`).get();
        expect(alternates.slice(0, 3), file).toEqual(['application/rss+xml /rss.xml', 'application/atom+xml /atom.xml', 'application/feed+json /feed.json']);
        const topic = /^topics\/([^/]+)\//.exec(path.relative(run.outDir, file))?.[1];
        const own = topic ? [`application/rss+xml /topics/${topic}/rss.xml`, `application/atom+xml /topics/${topic}/atom.xml`, `application/feed+json /topics/${topic}/feed.json`] : [];
        expect(alternates.slice(3), file).toEqual(own);
        expect($('.feed-links a[type]').map((_, a) => `${$(a).attr('type')} ${decodeURIComponent($(a).attr('href') as string)}`).get(), file).toEqual(own);
        expect($('.site-nav a[href="/feeds/"]').text(), file).toBe('Feeds');
      }
    }
    const $ = await readPage(hostile.outDir, '/topics/constructor/');
    expect($('.feed-links a').first().attr('href')).toBe('/topics/constructor/rss.xml');
  });

  it('list every feed on /feeds/ with copyable absolute addresses', async () => {
    const $ = await readPage(sample.outDir, '/feeds/');
    expect($('h1').text()).toBe('Feeds');
    expect($('#subscribe').length).toBe(1);
    expect($('code.feed-url').map((_, c) => $(c).text()).get()).toEqual([`${SITE}/rss.xml`, `${SITE}/atom.xml`, `${SITE}/feed.json`, `${SITE}/feeds.opml`]);
    const topics = await topicPaths(sample.outDir);
    const links = $('.topic-feeds tbody a[type]').map((_, a) => $(a).attr('href')).get();
    expect(links).toEqual(topics.flatMap((t) => [`${t}rss.xml`, `${t}atom.xml`, `${t}feed.json`]));
    for (const link of [...links, ...$('.feed-table a[type]').map((_, a) => $(a).attr('href')).get()]) {
      await expect(readFile(fileFor(sample.outDir, link))).resolves.toBeTruthy();
    }
  });

  it('list every feed in /feeds.opml, each with a feed that exists', async () => {
    const { root: opml } = parseXml(await readFile(path.join(sample.outDir, 'feeds.opml'), 'utf8'));
    const body = opml.children.find((c) => c.name === 'body')!;
    const urls = [body.children[0]!.attrs.xmlUrl, ...body.children[1]!.children.map((o) => o.attrs.xmlUrl)];
    expect(urls).toHaveLength(1 + (await topicPaths(sample.outDir)).length);
    for (const url of urls) await expect(readFile(fileFor(sample.outDir, new URL(url as string).pathname))).resolves.toBeTruthy();
  });

  describe('opened in Chromium', () => {
    let browser: Browser;
    let server: Server;
    beforeAll(async () => {
      [browser, server] = await Promise.all([launchChromium(), serveSite(sample.outDir)]);
    });
    afterAll(async () => {
      await Promise.all([browser?.close(), server?.close()]);
    });

    it.each(['/rss.xml', '/topics/federated-learning/atom.xml'])('%s shows as a page in the site\'s style that explains feeds', async (url) => {
      const page = await browser.newPage();
      const failures: string[] = [];
      page.on('requestfailed', (request) => failures.push(request.url()));
      page.on('pageerror', (error) => failures.push(error.message));
      await page.goto(server.origin + url, { waitUntil: 'load' });
      expect(await page.locator('h2#about-heading').textContent()).toBe('This is a web feed');
      expect(await page.locator('code.feed-url').textContent()).toBe(SITE + url);
      expect(await page.locator('.cards > li').count()).toBeGreaterThan(2);
      expect(await page.locator('.card-title a').first().getAttribute('href')).toMatch(/^https:\/\/papers\.example\.org\/papers\//);
      type Window = { getComputedStyle(element: unknown): { borderBottomStyle: string } };
      const styled = await page.locator('.site-header').evaluate((el) => (globalThis as unknown as Window).getComputedStyle(el).borderBottomStyle);
      expect(styled).toBe('solid');
      expect(failures).toEqual([]);
      await page.close();
    });
  });
});
