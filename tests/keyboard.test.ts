/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Keyboard only, in headless Chromium through `npm run preview`: Tab reaches every link and control
 * of a page, in the order of the page (skip link, site name, sections, search, content, footer), and
 * each one shows a focus ring that is really drawn (computed: a solid outline of at least 2 px, in a
 * colour with 3:1 against the page), in light and dark. The skip link appears and moves focus to
 * the main content; Enter on a calendar day follows it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../src/contrast.ts';
import { buildDesignSite, DESIGN_PAGES } from './helpers/design-site.ts';
import { launchChromium, startPreview, type Preview } from './helpers/preview.ts';

interface Stop {
  /** Tag, then id or href or text: what the reader lands on. */
  what: string;
  /** Whether the computed focus style draws a visible ring. */
  ring: boolean;
  /** Its outline colour against the page background. */
  contrast: number;
  inViewport: boolean;
}

let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  const site = await buildDesignSite();
  [preview, browser] = await Promise.all([startPreview(site), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

/** `rgb(1, 2, 3)` → `#010203` (opaque colours only, which the design uses). */
function hex(rgb: string): string {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** What has focus now, and how its focus is drawn. */
async function focused(page: Page): Promise<{ what: string; outline: { style: string; width: number; color: string }; background: string; inViewport: boolean } | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const label = el.id ? `#${el.id}` : el.getAttribute('href') ?? (el.textContent ?? '').trim().slice(0, 30);
    const box = el.getBoundingClientRect();
    return {
      what: `${el.tagName.toLowerCase()} ${label}`,
      outline: { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor },
      background: getComputedStyle(document.body).backgroundColor,
      inViewport: box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
    };
  });
}

/** Tabs through the whole page from the top, one stop per element, until focus leaves it. */
async function tabThrough(page: Page, limit = 400): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now) break;
    if (stops.length && now.what === stops[0]?.what) break;
    stops.push({
      what: now.what,
      ring: now.outline.style === 'solid' && now.outline.width >= 2,
      contrast: now.outline.style === 'none' ? 1 : contrastRatio(hex(now.outline.color), hex(now.background)),
      inViewport: now.inViewport,
    });
  }
  return stops;
}

/** Every element Tab should reach, in document order. */
function tabbables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !el.closest('[hidden]') && !(el as HTMLInputElement).disabled && el.getClientRects().length > 0)
      .map((el) => `${el.tagName.toLowerCase()} ${el.id ? `#${el.id}` : el.getAttribute('href') ?? (el.textContent ?? '').trim().slice(0, 30)}`),
  );
}

async function open(context: BrowserContext, path: string, ready?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${preview.url}${path}`, { waitUntil: 'networkidle' });
  if (ready) await page.locator(ready).first().waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return page;
}

describe.each(['light', 'dark'] as const)('keyboard only, %s theme', (colorScheme) => {
  it.each(DESIGN_PAGES.map((p) => [p.name, p] as const))('%s: Tab reaches every link and control in page order, each with a visible focus ring', async (_, design) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
    const page = await open(context, design.path, design.ready);
    const expected = await tabbables(page);
    const stops = await tabThrough(page);
    await context.close();
    expect(stops.map((s) => s.what)).toEqual(expected);
    expect(stops.slice(0, 2).map((s) => s.what)).toEqual(['a #main', 'a /']);
    expect(stops.filter((s) => !s.ring).map((s) => s.what)).toEqual([]);
    expect(stops.filter((s) => s.contrast < 3).map((s) => `${s.what}: ${s.contrast.toFixed(2)}`)).toEqual([]);
    expect(stops.filter((s) => !s.inViewport).map((s) => s.what)).toEqual([]);
  });
});

describe('the skip link and the calendar by keyboard', () => {
  it('shows the skip link on focus and moves focus into the main content', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await open(context, '/papers/date/2025-03-11/');
    await page.keyboard.press('Tab');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height >= 24).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    await context.close();
    expect(first).toBe(true);
  });

  it('follows a calendar day with Enter, and marks the day it leads to as the current page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await open(context, '/papers/month/2025-03/');
    await page.focus('.calendar a[href="/papers/date/2025-03-10/"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/papers\/date\/2025-03-10\/$/);
    const current = await page.locator('.calendar [aria-current="page"]').getAttribute('aria-label');
    await context.close();
    expect(current).toBe('March 10, 2025: 2 papers');
  });
});
