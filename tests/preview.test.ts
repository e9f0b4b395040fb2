/// <reference lib="dom" />
/**
 * End to end: the sample site (plus two fixture papers: an old-style id with math, and a paper with
 * its own PDF) is built, served by `npm run preview` with netlify.toml's and _redirects' rules, its
 * responses checked by fetching, and every page type visited in headless Chromium under the real
 * Content-Security-Policy. The tables below are the checklist; add new page types to PAGE_TYPES.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { launchChromium, startPreview, visit, type Preview } from './helpers/preview.ts';
import { root, runBuild } from './helpers/site.ts';

/** Every kind of page, visited in Chromium: it must load with no console error and no CSP violation. */
const PAGE_TYPES: { name: string; path: string; status?: number }[] = [
  { name: 'home (newest day)', path: '/' },
  { name: 'paper', path: '/papers/2310.02970/' },
  { name: 'paper with an old-style id and math (KaTeX CSS, fonts, inline styles)', path: '/papers/hep-th/9901001/' },
  { name: 'day', path: '/papers/date/2025-03-11/' },
  { name: 'week', path: '/papers/week/2025-W11/' },
  { name: 'month', path: '/papers/month/2025-03/' },
  { name: 'topic index', path: '/topics/' },
  { name: 'topic', path: '/topics/federated-learning/' },
  { name: 'feeds', path: '/feeds/' },
  { name: 'about', path: '/about/' },
  { name: 'search', path: '/search/?q=weight+sharing' },
  { name: 'subscribed', path: '/subscribed/' },
  { name: 'unsubscribe', path: '/unsubscribe/' },
  { name: 'not found', path: '/no/such/page', status: 404 },
];

/** Every redirect readers rely on: [request, status, Location]. */
const REDIRECTS: [string, number, string][] = [
  ['/abs/2310.02970', 301, '/papers/2310.02970/'],
  ['/abs/2310.02970v2', 301, '/papers/2310.02970/'],
  ['/abs/hep-th/9901001', 301, '/papers/hep-th/9901001/'],
  ['/abs/hep-th/9901001v2', 301, '/papers/hep-th/9901001/'],
  ['/papers/2310.02970v3/', 301, '/papers/2310.02970/'],
  ['/papers/2310.02970v3', 301, '/papers/2310.02970/'],
  ['/papers/hep-th/9901001v1/', 301, '/papers/hep-th/9901001/'],
  ['/pdf/2310.02970', 302, 'https://arxiv.org/pdf/2310.02970'],
  ['/pdf/2310.02970v2', 302, 'https://arxiv.org/pdf/2310.02970v2'],
  ['/pdf/hep-th/9901001', 302, 'https://arxiv.org/pdf/hep-th/9901001v2'],
  ['/pdf/2503.00001', 302, 'https://proceedings.example.org/2503.00001.pdf'],
  ['/papers/date/latest', 302, '/papers/date/2025-03-11/'],
  ['/papers/date/latest/?utm_source=feed', 302, '/papers/date/2025-03-11/?utm_source=feed'],
  ['/papers/week/latest', 302, '/papers/week/2025-W11/'],
  ['/papers/month/latest', 302, '/papers/month/2025-03/'],
  ['/topics', 301, '/topics/'],
  ['/papers/2310.02970?ref=x', 301, '/papers/2310.02970/?ref=x'],
];

const REVALIDATE = 'public, max-age=0, must-revalidate';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** What each kind of file carries, checked by fetching (pages: PAGE_TYPES); `path` may depend on the built site. */
const RESPONSES: { name: string; path: (site: Assets) => string; status: number; type: RegExp; cache: string }[] = [
  { name: 'the favicon', path: () => '/favicon.ico', status: 200, type: /^image\/x-icon$/, cache: REVALIDATE },
  { name: 'the SVG favicon', path: () => '/favicon.svg', status: 200, type: /^image\/svg\+xml$/, cache: REVALIDATE },
  { name: 'the web app manifest', path: () => '/manifest.webmanifest', status: 200, type: /^application\/manifest\+json; charset=utf-8$/, cache: REVALIDATE },
  { name: 'a manifest icon', path: () => '/icon-192.png', status: 200, type: /^image\/png$/, cache: REVALIDATE },
  { name: 'the hashed stylesheet', path: (site) => site.stylesheet, status: 200, type: /^text\/css; charset=utf-8$/i, cache: IMMUTABLE },
  { name: 'the stylesheet of pages with math (the site\'s and KaTeX\'s rules)', path: (site) => site.katexCss, status: 200, type: /^text\/css/, cache: IMMUTABLE },
  { name: 'a KaTeX font', path: (site) => site.katexFont, status: 200, type: /^font\/woff2$/, cache: IMMUTABLE },
  { name: 'an XSL-styled feed (fixture)', path: () => '/topics/xsl-fixture/rss.xml', status: 200, type: /^application\/xml; charset=utf-8$/, cache: REVALIDATE },
  { name: 'a feed stylesheet (fixture)', path: () => '/xsl-fixture/feed.xsl', status: 200, type: /^text\/xsl; charset=utf-8$/, cache: REVALIDATE },
  { name: 'the _redirects file, never published', path: () => '/_redirects', status: 404, type: /^text\/html/, cache: REVALIDATE },
  { name: 'the copy-BibTeX script', path: (site) => site.script, status: 200, type: /^(text|application)\/javascript/, cache: IMMUTABLE },
  { name: 'Pagefind\'s runtime (unhashed)', path: () => '/pagefind/pagefind.js', status: 200, type: /javascript/, cache: REVALIDATE },
  { name: 'the search shards manifest', path: () => '/pagefind/shards.json', status: 200, type: /^application\/json/, cache: REVALIDATE },
  { name: 'the site\'s RSS feed', path: () => '/rss.xml', status: 200, type: /^application\/xml; charset=utf-8$/, cache: REVALIDATE },
  { name: 'the site\'s Atom feed', path: () => '/atom.xml', status: 200, type: /^application\/xml; charset=utf-8$/, cache: REVALIDATE },
  { name: 'the site\'s JSON Feed', path: () => '/feed.json', status: 200, type: /^application\/feed\+json; charset=utf-8$/, cache: REVALIDATE },
  { name: 'a topic\'s JSON Feed', path: () => '/topics/federated-learning/feed.json', status: 200, type: /^application\/feed\+json; charset=utf-8$/, cache: REVALIDATE },
  { name: 'the OPML file', path: () => '/feeds.opml', status: 200, type: /^text\/x-opml; charset=utf-8$/, cache: REVALIDATE },
  { name: 'the feed stylesheet', path: () => '/feed.xsl', status: 200, type: /^text\/xsl; charset=utf-8$/, cache: REVALIDATE },
  { name: 'a paper\'s BibTeX', path: () => '/papers/2310.02970/cite.bib', status: 200, type: /^application\/x-bibtex; charset=utf-8$/, cache: REVALIDATE },
  { name: 'a day\'s BibTeX', path: () => '/papers/date/2025-03-11/papers.bib', status: 200, type: /^application\/x-bibtex; charset=utf-8$/, cache: REVALIDATE },
  { name: 'a paper in the JSON API', path: () => '/api/papers/hep-th/9901001.json', status: 200, type: /^application\/json; charset=utf-8$/, cache: REVALIDATE },
  { name: 'the latest day in the JSON API', path: () => '/api/daily_papers/latest.json', status: 200, type: /^application\/json; charset=utf-8$/, cache: REVALIDATE },
  { name: 'the sitemap', path: () => '/sitemap.xml', status: 200, type: /^application\/xml; charset=utf-8$/, cache: REVALIDATE },
  { name: 'robots.txt', path: () => '/robots.txt', status: 200, type: /^text\/plain/, cache: REVALIDATE },
  { name: 'a digest\'s text part', path: () => '/digest/2025-03-11.txt', status: 200, type: /^text\/plain; charset=utf-8$/, cache: REVALIDATE },
];

interface Assets {
  stylesheet: string;
  katexCss: string;
  katexFont: string;
  script: string;
}

/** An XSL-styled feed, to show that the headers let a browser apply a feed's stylesheet. */
const XSL_FIXTURE: Record<string, string> = {
  'topics/xsl-fixture/rss.xml':
    '<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/xsl" href="/xsl-fixture/feed.xsl"?>\n' +
    '<rss version="2.0"><channel><title>Fixture feed</title><link>https://papers.example.org/</link><description>d</description></channel></rss>\n',
  'xsl-fixture/feed.xsl':
    '<?xml version="1.0" encoding="utf-8"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n' +
    '<xsl:output method="html" encoding="utf-8"/>\n<xsl:template match="/"><html lang="en"><head><title>Feed</title>' +
    '<link rel="stylesheet" href="/xsl-fixture/feed.css"/></head><body><h1 style="margin: 0"><xsl:value-of select="rss/channel/title"/></h1></body></html>' +
    '</xsl:template>\n</xsl:stylesheet>\n',
  'xsl-fixture/feed.css': 'h1 { color: rgb(1, 2, 3); }\n',
};

async function fixturePapers(): Promise<string> {
  const dir = await writePapers({
    'fixtures/old-style.md': paperSource(
      paperFields({ arxiv: 'hep-th/9901001v2', date: '2025-03-10', title: 'An old-style id with math', topics: ['string theory'] }),
      'We show that $E = mc^2$ and\n\n$$\\int_0^1 x^2 \\, dx = \\frac{1}{3}$$',
    ),
    'fixtures/own-pdf.md': paperSource(paperFields({ arxiv: '2503.00001', date: '2025-03-10', pdf: 'https://proceedings.example.org/2503.00001.pdf' })),
  });
  await cp(path.join(root, 'content/papers'), path.join(dir, 'sample'), { recursive: true });
  return dir;
}

let preview: Preview;
let browser: Browser;
let context: BrowserContext;
let assets: Assets;

beforeAll(async () => {
  const run = await runBuild(await fixturePapers());
  expect(run.stderr).toBe('');
  for (const [file, text] of Object.entries(XSL_FIXTURE)) {
    await mkdir(path.dirname(path.join(run.outDir, file)), { recursive: true });
    await writeFile(path.join(run.outDir, file), text);
  }
  const $ = cheerio.load(await readFile(path.join(run.outDir, 'papers/hep-th/9901001/index.html'), 'utf8'));
  const katexCss = $('link[rel=stylesheet]').attr('href') as string;
  const fonts = await readFile(path.join(run.outDir, katexCss), 'utf8');
  const font = /url\(([^)]+\.woff2)\)/.exec(fonts)?.[1] as string;
  const script = $('script[src*="copy-bibtex"]').attr('src') as string;
  const home = cheerio.load(await readFile(path.join(run.outDir, 'index.html'), 'utf8'));
  assets = { stylesheet: home('link[rel=stylesheet]').attr('href') as string, katexCss, katexFont: new URL(font, `http://x${katexCss}`).pathname, script };
  [preview, browser] = await Promise.all([startPreview(run.outDir), launchChromium()]);
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await preview?.stop();
});

const fetchRaw = (p: string) => fetch(`${preview.url}${p}`, { redirect: 'manual' });

function expectSecurityHeaders(headers: Headers): void {
  expect(headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('permissions-policy')).toContain('camera=()');
}

describe('the preview server', () => {
  it.each(PAGE_TYPES)('answers the $name page as HTML that revalidates, with the security headers', async ({ path: p, status = 200 }) => {
    const response = await fetchRaw(p);
    expect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([status, 'text/html; charset=UTF-8', REVALIDATE]);
    expectSecurityHeaders(response.headers);
  });

  it.each(RESPONSES)('serves $name with its status, type, cache policy and security headers', async ({ path: pathOf, status, type, cache }) => {
    const response = await fetchRaw(pathOf(assets));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(type);
    expect(response.headers.get('cache-control')).toBe(cache);
    expectSecurityHeaders(response.headers);
  });

  it('answers a path that does not exist with the site\'s 404 page', async () => {
    const $ = cheerio.load(await (await fetchRaw('/papers/9999.99999/')).text());
    expect($('h1').text()).toBe('Page not found');
  });

  it('lets other sites read feeds, citations and the JSON API', async () => {
    for (const p of ['/rss.xml', '/atom.xml', '/feed.json', '/topics/federated-learning/atom.xml', '/feeds.opml', '/papers/2310.02970/cite.bib', '/api/daily_papers/latest.json']) {
      expect((await fetchRaw(p)).headers.get('access-control-allow-origin'), p).toBe('*');
    }
    expect((await fetchRaw('/papers/2310.02970/')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a revalidation of an unchanged page with 304', async () => {
    const first = await fetchRaw('/');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    expect((await fetch(`${preview.url}/`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it.each(REDIRECTS)('redirects %s with %i to %s', async (from, status, location) => {
    const response = await fetchRaw(from);
    expect([response.status, response.headers.get('location')]).toEqual([status, location]);
  });
});

describe('every page type in Chromium', () => {
  it.each(PAGE_TYPES)('shows the $name page with no console error or CSP violation', async ({ path: p, status = 200 }) => {
    const result = await visit(context, `${preview.url}${p}`, { expectedStatus: status });
    expect({ status: result.status, problems: result.problems }).toEqual({ status, problems: [] });
  });

  it('renders math with KaTeX\'s fonts and inline styles allowed', async () => {
    const result = await visit(context, `${preview.url}/papers/hep-th/9901001/`, {
      inspect: (page) =>
        page.evaluate(async () => {
          await document.fonts.ready;
          const strut = document.querySelector('.katex .katex-strut');
          const faces: FontFace[] = [];
          document.fonts.forEach((face) => faces.push(face));
          return { loaded: faces.some((f) => f.family.startsWith('KaTeX') && f.status === 'loaded'), strutHeight: strut ? getComputedStyle(strut).height : '' };
        }),
    });
    expect(result.problems).toEqual([]);
    expect(result.found.loaded).toBe(true);
    expect(result.found.strutHeight).not.toMatch(/^(0px|auto|)$/);
  });

  it('follows an arXiv-style link to the paper\'s page', async () => {
    const result = await visit(context, `${preview.url}/abs/hep-th/9901001v2`);
    expect({ finalUrl: result.finalUrl, problems: result.problems }).toEqual({ finalUrl: `${preview.url}/papers/hep-th/9901001/`, problems: [] });
  });

  it('applies a feed\'s XSL stylesheet and its CSS under the site\'s headers, where the browser still has XSLT', async () => {
    const result = await visit(context, `${preview.url}/topics/xsl-fixture/rss.xml`, {
      waitUntil: 'load',
      inspect: (page) =>
        page.evaluate(() => {
          const h1 = document.querySelector('h1');
          return { xslt: typeof XSLTProcessor !== 'undefined', type: document.contentType, title: h1?.textContent, color: h1 ? getComputedStyle(h1).color : '' };
        }),
    });
    expect(result.problems).toEqual([]);
    if (result.found.xslt) expect(result.found).toEqual({ xslt: true, type: 'text/html', title: 'Fixture feed', color: 'rgb(1, 2, 3)' });
    else expect(result.found.type).toBe('application/xml');
  });

  it.each(['/rss.xml', '/atom.xml'])('shows the site\'s %s as a page explaining how to subscribe, styled by the site', async (feed) => {
    const result = await visit(context, `${preview.url}${feed}`, {
      waitUntil: 'load',
      inspect: (page) =>
        page.evaluate(() => ({
          xslt: typeof XSLTProcessor !== 'undefined',
          type: document.contentType,
          h1: document.querySelector('h1')?.textContent ?? '',
          styled: Array.from({ length: document.styleSheets.length }, (_, i) => document.styleSheets.item(i)?.href ?? '').some((href) => href.includes('/assets/main.')),
          entries: document.querySelectorAll('main a[href*="/papers/"]').length,
        })),
    });
    expect(result.problems).toEqual([]);
    if (!result.found.xslt) return expect(result.found.type).toBe('application/xml');
    expect(result.found).toMatchObject({ type: 'text/html', styled: true });
    expect(result.found.h1.length).toBeGreaterThan(0);
    expect(result.found.entries).toBeGreaterThanOrEqual(9);
  });
});
