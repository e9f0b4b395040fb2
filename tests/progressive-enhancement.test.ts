/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Progressive enhancement and page structure. With JavaScript off (headless Chromium through
 * `npm run preview`) every page type reads and navigates: its heading, content and navigation are
 * there, nothing waits for a script, the header's search form still submits. In the built HTML, on
 * every page: one `h1`, `lang`, the skip link first, landmarks, and scripts only as deferred files
 * where they are used (the "/" shortcut everywhere, "Copy BibTeX" on papers, search on /search/).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDesignSite, DESIGN_PAGES } from './helpers/design-site.ts';
import { launchChromium, startPreview, visit, type Preview } from './helpers/preview.ts';
import { htmlFilesUnder } from './helpers/validators.ts';

let site: string;
let preview: Preview;
let browser: Browser;
let noScript: BrowserContext;

beforeAll(async () => {
  site = await buildDesignSite();
  [preview, browser] = await Promise.all([startPreview(site), launchChromium()]);
  noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
}, 120_000);

afterAll(async () => {
  await noScript?.close();
  await browser?.close();
  await preview?.stop();
});

/** What a page shows a reader without scripts. */
async function shown(urlPath: string, status = 200) {
  return visit(noScript, `${preview.url}${urlPath}`, {
    expectedStatus: status,
    inspect: (page) =>
      page.evaluate(() => {
        const visible = (el: Element | null) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        return {
          h1: visible(document.querySelector('h1')) ? document.querySelector('h1')?.textContent?.trim() : undefined,
          nav: [...document.querySelectorAll('.site-nav a')].filter(visible).map((a) => a.textContent),
          cards: [...document.querySelectorAll('.card-title a')].filter(visible).length,
          abstract: visible(document.querySelector('.abstract')),
          hiddenButtons: [...document.querySelectorAll('button')].filter((b) => !visible(b)).map((b) => b.textContent),
          scrollWidth: document.documentElement.scrollWidth,
          text: document.querySelector('main')?.textContent ?? '',
        };
      }),
  });
}

describe('with JavaScript off', () => {
  it.each(DESIGN_PAGES.map((p) => [p.name, p] as const))('%s: shows its heading, content and the site navigation, and fits the screen', async (_, design) => {
    const { problems, found } = await shown(design.path, design.status);
    expect(problems).toEqual([]);
    expect(found.h1).toBeTruthy();
    expect(found.nav).toEqual(['Today', 'This week', 'This month', 'Topics', 'Feeds']);
    expect(found.scrollWidth).toBe(375);
  });

  it('lists the papers of listings and shows a paper’s abstract and BibTeX, hiding only the copy button', async () => {
    for (const name of ['home', 'day', 'week', 'month', 'topic']) {
      const design = DESIGN_PAGES.find((p) => p.name === name);
      expect((await shown(design?.path as string)).found.cards, name).toBeGreaterThan(1);
    }
    const paper = await shown('/papers/hep-th/9901001/');
    expect(paper.found.abstract).toBe(true);
    expect(paper.found.hiddenButtons).toEqual(['Copy BibTeX']);
    expect(paper.found.text).toMatch(/@inproceedings\{\w+,/);
  });

  it('says that search needs JavaScript and offers the listings instead', async () => {
    const { found } = await shown('/search/?q=federated');
    expect(found.text).toContain('Search runs in your browser and needs JavaScript.');
    expect(found.h1).toBe('Search papers');
  });

  it('still submits the header’s search form to the search page', async () => {
    const page = await noScript.newPage();
    await page.goto(`${preview.url}/about/`);
    await page.fill('#site-search-q', 'lora');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=lora$/);
    await page.close();
  });
});

describe('printed', () => {
  it('a paper page drops navigation, forms and the cite buttons, and writes every link’s full URL after it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${preview.url}/papers/hep-th/9901001/`);
    const printed = await page.evaluate(() => {
      const display = (selector: string) => getComputedStyle(document.querySelector(selector) as Element).display;
      const after = (selector: string) => getComputedStyle(document.querySelector(selector) as Element, '::after').content;
      return {
        hidden: ['.site-nav', '.site-search', '.site-footer', '.cite-actions', '.paper-nav', '.skip-link'].map(display),
        address: display('.print-only'),
        ownLink: after('.paper-day a'),
        arxivLink: after('.paper-links a'),
      };
    });
    await context.close();
    expect(printed.hidden).toEqual(['none', 'none', 'none', 'none', 'none', 'none']);
    expect(printed.address).toBe('block');
    expect(printed.ownLink).toBe('" <https://papers.example.org/papers/date/2025-03-10/>"');
    expect(printed.arxivLink).toBe('" <https://arxiv.org/abs/hep-th/9901001>"');
  });
});

describe('the structure of every built page', () => {
  let pages: { file: string; $: cheerio.CheerioAPI }[];
  beforeAll(async () => {
    const files = (await htmlFilesUnder(site)).filter((file) => !file.includes(`${path.sep}digest${path.sep}`));
    pages = await Promise.all(files.map(async (file) => ({ file: path.relative(site, file), $: cheerio.load(await readFile(file, 'utf8')) })));
  });

  it('has one h1, a language, and the landmarks: banner, main navigation, main, content info', () => {
    expect(pages.length).toBeGreaterThan(30);
    const wrong = pages.filter(({ $ }) =>
      $('h1').length !== 1 || !$('html').attr('lang') || $('body > header.site-header').length !== 1 || $('nav[aria-label=Main]').length !== 1 ||
      $('main#main').length !== 1 || $('body > footer').length !== 1 || $('main header.site-header, main footer').length !== 0);
    expect(wrong.map((p) => p.file)).toEqual([]);
  });

  it('starts with a skip link to the main content', () => {
    const wrong = pages.filter(({ $ }) => $('body a[href]').first().attr('href') !== '#main' || $('body a[href]').first().text() !== 'Skip to content');
    expect(wrong.map((p) => p.file)).toEqual([]);
  });

  it('gives every navigation landmark its own name', () => {
    const wrong = pages.filter(({ $ }) => {
      const names = $('nav').map((_, nav) => $(nav).attr('aria-label') ?? $(`#${$(nav).attr('aria-labelledby')}`).text()).get();
      return names.some((name) => !name) || new Set(names).size !== names.length;
    });
    expect(wrong.map((p) => p.file)).toEqual([]);
  });

  it('loads scripts only as deferred files, and each only where it is used', () => {
    const scripts = (file: string) => {
      const $ = (pages.find((p) => p.file === file) as { $: cheerio.CheerioAPI }).$;
      return $('script[src]').map((_, s) => `${($(s).attr('src') as string).replace(/\.[0-9a-f]{10}\.js$/, '')} ${$(s).attr('type') === 'module' ? 'module' : $(s).attr('defer') !== undefined ? 'defer' : 'blocking'}`).get();
    };
    expect(scripts('index.html')).toEqual(['/assets/shortcut defer']);
    expect(scripts('about/index.html')).toEqual(['/assets/shortcut defer']);
    expect(scripts('papers/hep-th/9901001/index.html')).toEqual(['/assets/shortcut defer', '/assets/copy-bibtex defer']);
    expect(scripts('search/index.html')).toEqual(['/assets/shortcut defer', '/assets/search module']);
    for (const { file, $ } of pages) {
      expect($('script:not([src])').map((_, s) => $(s).attr('type')).get().filter((type) => type !== 'application/ld+json'), file).toEqual([]);
      expect($('[onclick], [onload], [onerror]').length, file).toBe(0);
    }
  });

  it('links one stylesheet per page, and no web fonts but KaTeX’s on pages with math', () => {
    for (const { file, $ } of pages) {
      expect($('link[rel=stylesheet]').length, file).toBe(1);
      expect($('link[rel=preload][as=font], link[href*="fonts.googleapis"]').length, file).toBe(0);
    }
  });

  it('names the manifest, icons and theme colours in every page’s head', () => {
    const { $ } = pages.find((p) => p.file === 'index.html') as { $: cheerio.CheerioAPI };
    expect($('link[rel=manifest]').attr('href')).toBe('/manifest.webmanifest');
    expect($('link[rel=icon][type="image/svg+xml"]').attr('href')).toBe('/favicon.svg');
    expect($('link[rel=apple-touch-icon]').attr('href')).toBe('/apple-touch-icon.png');
    expect($('meta[name=theme-color]').map((_, m) => $(m).attr('media')).get()).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
  });
});
