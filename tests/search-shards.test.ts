import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, type WatchedPage } from './helpers/browser.ts';
import { runBuildWithSettings } from './helpers/build-with-settings.ts';
import { HOSTILE, hostileCorpus } from './helpers/corpus.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { serveSite, type SiteServer } from './helpers/server.ts';
import { runBuild } from './helpers/site.ts';

const CODEWORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima', 'mike', 'november', 'oscar'];

/**
 * Fifteen papers about quasars, three on each of five listing days over two months, each with a
 * codeword of its own, indexed in shards of at most three papers: one shard per day, so a first
 * search covers the newest day.
 */
function quasarCorpus(): Record<string, string> {
  const days = ['2025-05-29', '2025-05-30', '2025-06-02', '2025-06-03', '2025-06-04'];
  const files: Record<string, string> = {};
  days.forEach((date, d) => {
    for (let i = 0; i < 3; i++) {
      const n = d * 3 + i;
      const word = CODEWORDS[n] as string;
      const fields = paperFields({ arxiv: undefined, date, title: `Quasar survey ${word.toUpperCase()}`, upvotes: (n * 7) % 23 });
      files[`q${n + 1}.md`] = paperSource(fields, `We observe quasar ${word} at redshift ${n + 30}.`);
    }
  });
  return files;
}

let sharded: SiteServer;
let hostile: SiteServer;
let browser: Browser;
let watched: WatchedPage[] = [];

beforeAll(async () => {
  const [shardRun, hostileRun, launched] = await Promise.all([
    runBuildWithSettings(await writePapers(quasarCorpus()), { searchShardPapers: 3 }),
    runBuild(await writePapers(hostileCorpus())),
    launchChromium(),
  ]);
  expect([shardRun.code, hostileRun.code]).toEqual([0, 0]);
  browser = launched;
  [sharded, hostile] = await Promise.all([serveSite(shardRun.outDir), serveSite(hostileRun.outDir)]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([sharded?.close(), hostile?.close()]);
});

afterEach(async () => {
  const problems = watched.flatMap((w) => w.problems);
  await Promise.all(watched.map((w) => w.close()));
  watched = [];
  expect(problems, 'console errors, exceptions, CSP violations, failed requests or dialogs').toEqual([]);
});

async function open(server: SiteServer, urlPath: string): Promise<Page> {
  const opened = await openWatchedPage(browser);
  watched.push(opened);
  await opened.page.goto(server.origin + urlPath);
  return opened.page;
}

/** Searching merges shards in the browser: give a loaded machine time. */
const eventually = <T>(value: () => Promise<T>) => expect.poll(value, { timeout: 20_000 });
const status = (page: Page) => page.locator('#search-status').textContent();
const scope = (page: Page) => page.locator('#search-scope-text').textContent().then((text) => text?.replace(/\s/g, ' '));
const shown = (page: Page) =>
  page.locator('.search-result').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('h2')?.textContent ?? '',
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
      upvotes: Number(/(\d+) upvotes?$/.exec(item.querySelector('.search-result-meta')?.textContent ?? '')?.[1]),
    })),
  );

async function showAll(page: Page): Promise<void> {
  while (await page.locator('#search-more').isVisible()) {
    const before = await page.locator('.search-result').count();
    await page.click('#search-more');
    await eventually(() => page.locator('.search-result').count()).toBeGreaterThan(before);
  }
}

describe('search over several shards', () => {
  it('searches the newest shard first and earlier ones when asked, keeping that in the address', async () => {
    const page = await open(sharded, '/search/?q=quasar');
    await eventually(() => status(page)).toBe('3 results for “quasar”.');
    expect(await scope(page)).toBe('Searched 3 papers listed on June 4, 2025. 12 earlier papers not searched yet.');
    expect(new Set((await shown(page)).map((r) => r.date))).toEqual(new Set(['2025-06-04']));
    await page.click('#search-earlier');
    await eventually(() => status(page)).toBe('6 results for “quasar”.');
    await page.waitForURL(/\?q=quasar&from=2025-06-03$/);
    expect(await scope(page)).toBe('Searched 6 papers listed June 3 – 4, 2025. 9 earlier papers not searched yet.');
  });

  it('searches earlier shards by itself when the newest has no match, until one has', async () => {
    const page = await open(sharded, '/search/?q=bravo');
    await eventually(() => status(page)).toBe('1 result for “bravo”.');
    expect((await shown(page)).map((r) => r.title)).toEqual(['Quasar survey BRAVO']);
    await page.waitForURL(/\?q=bravo&from=2025-05-29$/);
    expect(await scope(page)).toBe('Searched 15 papers listed May 29 – June 4, 2025.');
    await page.fill('#search-q', 'quasar');
    await page.waitForURL(/\?q=quasar$/);
    await eventually(() => status(page)).toBe('3 results for “quasar”.');
  });

  it('needs every word in one paper across shards, and ignores only words no paper has', async () => {
    const page = await open(sharded, '/search/?q=quasar+bravo');
    await eventually(() => status(page)).toBe('1 result for “quasar bravo”.');
    expect((await shown(page)).map((r) => r.title)).toEqual(['Quasar survey BRAVO']);
    await page.fill('#search-q', 'bravo oscar');
    await eventually(() => status(page)).toBe('No papers match “bravo oscar”.');
    await page.fill('#search-q', 'quasar zebra');
    await eventually(() => status(page)).toBe('15 results for “quasar zebra”.');
  });

  it('matches numbers in the text, never the listing day or upvotes', async () => {
    const page = await open(sharded, '/search/?q=2025');
    await eventually(() => status(page)).toBe('No papers match “2025”.');
    expect(await scope(page)).toBe('Searched 15 papers listed May 29 – June 4, 2025.');
    await page.fill('#search-q', 'redshift 43');
    await eventually(() => status(page)).toBe('1 result for “redshift 43”.');
    expect((await shown(page)).map((r) => r.title)).toEqual(['Quasar survey NOVEMBER']);
  });

  it('opens a shared link with its scope and shows ten results at a time', async () => {
    const page = await open(sharded, '/search/?q=quasar&from=2025-05-29');
    await eventually(() => status(page)).toBe('15 results for “quasar”.');
    expect(await page.locator('.search-result').count()).toBe(10);
    expect(await page.locator('#search-earlier').isHidden()).toBe(true);
    await page.click('#search-more');
    await eventually(() => page.locator('.search-result').count()).toBe(15);
    expect(await page.evaluate("document.activeElement?.closest('li') === document.querySelectorAll('.search-result')[10]")).toBe(true);
    expect(await page.locator('#search-more').isHidden()).toBe(true);
  });

  it('sorts by upvotes and newest first across shards', async () => {
    const byVotes = await open(sharded, '/search/?q=quasar&from=2025-05-29&sort=upvotes');
    await eventually(() => status(byVotes)).toBe('15 results for “quasar”.');
    await showAll(byVotes);
    const votes = (await shown(byVotes)).map((r) => r.upvotes);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    expect(votes).toHaveLength(15);
    const newest = await open(sharded, '/search/?q=quasar&from=2025-05-29&sort=date');
    await eventually(() => status(newest)).toBe('15 results for “quasar”.');
    await showAll(newest);
    const order = (await shown(newest)).map((r) => `${r.date} ${String(r.upvotes).padStart(3, '0')}`);
    expect(order).toEqual([...order].sort().reverse());
  });

  it('searches only the shards of the month filtered', async () => {
    const page = await open(sharded, '/search/?q=quasar&month=2025-05');
    await eventually(() => status(page)).toBe('3 results for “quasar”.');
    expect(new Set((await shown(page)).map((r) => r.date))).toEqual(new Set(['2025-05-30']));
    await page.click('#search-earlier');
    await eventually(() => status(page)).toBe('6 results for “quasar”.');
    expect(await scope(page)).toBe('Searched 6 papers listed May 29 – 30, 2025.');
    expect(await page.evaluate('document.activeElement?.id')).toBe('search-status');
    await page.selectOption('#search-month', '2025-06');
    await page.waitForURL(/\?q=quasar&month=2025-06$/);
    await eventually(() => status(page)).toBe('3 results for “quasar”.');
    expect(new Set((await shown(page)).map((r) => r.date))).toEqual(new Set(['2025-06-04']));
  });
});

describe('search over hostile content', () => {
  it('finds TeX by its commands and shows it as written', async () => {
    const page = await open(hostile, '/search/?q=mathbb');
    await eventually(() => status(page)).toBe('1 result for “mathbb”.');
    expect(await page.locator('.search-result h2').textContent()).toBe('Heavy $\\mathcal{O}(n^2)$ TeX');
    expect(await page.locator('.search-result-snippet').textContent()).toContain('\\(\\mathbb{R}^{d}\\)');
  });

  it('shows markup from titles, authors and abstracts as text, and runs none of it', async () => {
    const page = await open(hostile, '/search/?q=Title');
    await eventually(() => page.locator('.search-result').count()).toBeGreaterThan(0);
    const result = page.locator('.search-result', { hasText: 'Title <script>' });
    expect(await result.locator('h2').textContent()).toBe(`Title ${HOSTILE}`);
    expect(await result.locator('script, img, iframe').count()).toBe(0);
    await page.fill('#search-q', `${HOSTILE} Abstract`);
    await eventually(() => page.locator('.search-result mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results script, #search-results img').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });
});
