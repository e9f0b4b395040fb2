import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, type WatchedPage } from './helpers/browser.ts';
import { serveSite, type SiteServer } from './helpers/server.ts';
import { root, runBuild } from './helpers/site.ts';

/** The sample site, served under the site's Content-Security-Policy, in headless Chromium. */
let server: SiteServer;
let browser: Browser;
let watched: WatchedPage[] = [];

beforeAll(async () => {
  const [run, launched] = await Promise.all([runBuild(path.join(root, 'content/papers')), launchChromium()]);
  expect(run.code).toBe(0);
  browser = launched;
  server = await serveSite(run.outDir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(urlPath: string, options: Parameters<typeof openWatchedPage>[1] = {}): Promise<Page> {
  const opened = await openWatchedPage(browser, options);
  watched.push(opened);
  await opened.page.goto(server.origin + urlPath);
  return opened.page;
}

afterEach(async () => {
  const problems = watched.flatMap((w) => w.problems);
  await Promise.all(watched.map((w) => w.close()));
  watched = [];
  expect(problems, 'console errors, exceptions, CSP violations or failed requests').toEqual([]);
});

/** Pagefind loads in a worker: give a loaded machine time. */
const eventually = <T>(value: () => Promise<T>) => expect.poll(value, { timeout: 20_000 });
const titles = (page: Page) => page.locator('#search-results .search-result-title').allTextContents();
const status = (page: Page) => page.locator('#search-status');

async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
  await eventually(() => status(page).textContent()).toMatch(/results? for|No papers match/);
  return titles(page);
}

describe('search on the sample site', () => {
  it('searches from the header form, with "/" to focus it, and shows results on /search/?q=', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.id')).toBe('site-search-q');
    await page.keyboard.type('federated learning');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=federated\+learning$/);
    await eventually(() => status(page).textContent()).toBe('3 results for “federated learning”.');
    expect(await page.inputValue('#search-q')).toBe('federated learning');
    const found = await titles(page);
    expect(found.slice(0, 2).every((title) => title.includes('Federated Learning'))).toBe(true);
    expect(found[2]).toContain('Federated Averaging');
    const first = page.locator('.search-result').first();
    expect(await first.locator('time').getAttribute('datetime')).toBe('2025-03-11');
    expect(await first.locator('.search-result-meta').textContent()).toMatch(/^March 11, 2025 · .+ · 0 upvotes$/);
    expect(await first.locator('mark').first().textContent()).toMatch(/^federated/i);
    expect(await page.locator('#search-scope-text').textContent()).toBe('Searched 9 papers listed on March 11, 2025.');
  });

  it('does not take "/" from a reader typing in a field', async () => {
    const page = await open('/search/');
    await page.locator('#search-q').waitFor();
    await page.focus('#search-q');
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#search-q')).toBe('a/b');
  });

  it('keeps the address in step with typing, filters and sort, and opens the same search from it', async () => {
    const page = await open('/search/?q=federated+learning');
    await eventually(() => titles(page)).toHaveLength(3);
    await page.fill('#search-q', 'fairness');
    await page.waitForURL(/\?q=fairness$/);
    await page.fill('#search-q', 'federated');
    await page.selectOption('#search-topic', 'fairness');
    await page.waitForURL(/\?q=federated&topic=fairness$/);
    await eventually(() => titles(page)).toEqual(['Demystifying Local and Global Fairness Trade-offs in Federated Learning Using Partial Information Decomposition']);
    await page.selectOption('#search-topic', '');
    await page.check('#search-code');
    await page.selectOption('#search-sort', 'date');
    await page.waitForURL(/\?q=federated&code=yes&sort=date$/);
    await eventually(() => status(page).textContent()).toBe('2 results for “federated”.');
    const url = page.url();
    const again = await open(new URL(url).pathname + new URL(url).search);
    await eventually(() => titles(again)).toHaveLength(2);
    expect(await again.isChecked('#search-code')).toBe(true);
    expect(await again.inputValue('#search-sort')).toBe('date');
  });

  it('lists a topic\'s papers without words, newest first', async () => {
    const page = await open('/search/?topic=weight-sharing');
    await eventually(() => status(page).textContent()).toBe('5 papers match these filters.');
    expect(await page.inputValue('#search-sort')).toBe('');
  });

  it('finds what a reader of the seed page looks for first', async () => {
    const page = await open('/search/');
    const expected: [string, RegExp][] = [
      ['weight sharing', /Weight-Sharing/],
      ['federated learning', /Federated Learning/],
      ['LoRA', /^MoS: Unleashing Parameter Efficiency of Low-Rank Adaptation/],
      ['neural architecture search', /^Weight-Entanglement Meets Gradient-Based Neural Architecture Search$/],
      ['equivariant', /^Fast, Expressive SE\(n\) Equivariant Networks/],
      ['Bekkers', /^Fast, Expressive SE\(n\) Equivariant Networks/],
      ['2310.02970', /^Fast, Expressive SE\(n\) Equivariant Networks/],
      ['proportional odds', /^Predicting Rare Events by Shrinking Towards Proportional Odds$/],
    ];
    for (const [query, first] of expected) {
      const found = await searchFor(page, query);
      expect(found[0], query).toMatch(first);
    }
    expect((await searchFor(page, 'weight sharing')).slice(0, 2).every((title) => /Weight-Sharing/.test(title))).toBe(true);
  });

  it('says when nothing matches', async () => {
    const page = await open('/search/');
    expect(await searchFor(page, 'xylophone')).toEqual([]);
    expect(await status(page).textContent()).toBe('No papers match “xylophone”.');
    expect(await page.locator('#search-results').isHidden()).toBe(true);
  });

  it('meets WCAG 2.2 AA with results shown, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open('/search/?q=weight+sharing', { colorScheme });
      await eventually(() => titles(page)).toHaveLength(5);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  it('fits a 320 px wide screen, header search included', async () => {
    for (const urlPath of ['/', '/search/?q=weight+sharing&topic=weight-sharing']) {
      const page = await open(urlPath, { viewport: { width: 320, height: 640 } });
      await page.locator('#site-search-q, #search-q').first().waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth'), urlPath).toBe(320);
    }
  });

  it('explains that search needs JavaScript, and links to the listings and topics, when scripts are off', async () => {
    const page = await open('/search/?q=lora', { javaScriptEnabled: false });
    expect(await page.locator('main').textContent()).toContain('Search runs in your browser and needs JavaScript.');
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/papers/date/2025-03-11/', '/papers/month/2025-03/', '/topics/']));
    expect(await page.locator('#search-form').isHidden()).toBe(true);
    const home = await open('/', { javaScriptEnabled: false });
    await home.fill('#site-search-q', 'lora');
    await home.click('.site-search button');
    await home.waitForURL(/\/search\/\?q=lora$/);
  });
});
