/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End to end, in headless Debian Chromium through `npm run preview` (the site's real headers and
 * Content-Security-Policy): every page type, in the light and the dark theme, has no axe-core
 * violation of WCAG 2.0–2.2 A and AA, no console error, failed request or CSP violation, and no
 * horizontal scrolling at 320 px. Screenshots at 375 and 1280 px go to test-results/screenshots/
 * (not committed) for people to look at.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDesignSite, DESIGN_PAGES, type DesignPage } from './helpers/design-site.ts';
import { launchChromium, startPreview, visit, type Preview } from './helpers/preview.ts';
import { root } from './helpers/site.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCHEMES = ['light', 'dark'] as const;
const SCREENSHOTS = path.join(root, 'test-results/screenshots');

let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  const site = await buildDesignSite();
  [preview, browser] = await Promise.all([startPreview(site), launchChromium()]);
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

async function ready(page: Page, design: DesignPage): Promise<void> {
  if (design.ready) await page.locator(design.ready).first().waitFor();
}

/** Visits a page at a width and scheme, runs `inspect` on it once ready, and returns what it found with the page's problems. */
async function visitAt<T>(design: DesignPage, width: number, colorScheme: 'light' | 'dark', inspect: (page: Page) => Promise<T>) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  try {
    return await visit(context, `${preview.url}${design.path}`, {
      expectedStatus: design.status ?? 200,
      inspect: async (page) => {
        await ready(page, design);
        return inspect(page);
      },
    });
  } finally {
    await context.close();
  }
}

describe.each(SCHEMES)('every page type in the %s theme', (scheme) => {
  it.each(DESIGN_PAGES.map((p) => [p.name, p] as const))('%s: no axe violation of WCAG 2.2 A/AA, no console error, screenshots saved', async (_, design) => {
    const result = await visitAt(design, 1280, scheme, async (page) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, scheme, `${design.name}-1280.png`), fullPage: true });
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    expect(result.status).toBe(design.status ?? 200);
    expect(result.problems).toEqual([]);
    expect(result.found).toEqual([]);
  });

  it.each(DESIGN_PAGES.map((p) => [p.name, p] as const))('%s: fits 320 and 375 px screens without scrolling sideways', async (_, design) => {
    for (const width of [320, 375]) {
      const result = await visitAt(design, width, scheme, async (page) => {
        if (width === 375) await page.screenshot({ path: path.join(SCREENSHOTS, scheme, `${design.name}-375.png`), fullPage: true });
        return page.evaluate(() => {
          /** Inside a box that scrolls or clips on its own (a formula, the BibTeX, KaTeX's hidden MathML). */
          const contained = (el: Element) => {
            for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true;
            return false;
          };
          return {
            scrollWidth: document.documentElement.scrollWidth,
            wide: [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !contained(el))
              .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
          };
        });
      });
      expect(result.problems, `${width} px`).toEqual([]);
      expect(result.found, `${width} px`).toEqual({ scrollWidth: width, wide: [] });
    }
  });
});

describe('boxes that scroll on their own', () => {
  it('keep a wide formula inside the page at 320 px, scrollable and reachable by keyboard', async () => {
    const design = DESIGN_PAGES.find((p) => p.name === 'paper-with-math') as DesignPage;
    const result = await visitAt(design, 320, 'light', (page) =>
      page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.abstract .math-display')].map((box) => ({
        scrolls: box.scrollWidth > box.clientWidth,
        inside: box.getBoundingClientRect().right <= window.innerWidth,
        tabIndex: box.tabIndex,
      }))),
    );
    expect(result.found[0]).toEqual({ scrolls: true, inside: true, tabIndex: 0 });
    expect(result.found.every((box) => box.inside && box.tabIndex === 0)).toBe(true);
  });

  it('shows the math with KaTeX’s fonts and CSS from the one stylesheet of the page', async () => {
    const design = DESIGN_PAGES.find((p) => p.name === 'paper-with-math') as DesignPage;
    const result = await visitAt(design, 1280, 'light', (page) =>
      page.evaluate(() => ({
        sheets: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')),
        mathmlHidden: getComputedStyle(document.querySelector('.katex-mathml') as Element).position,
        font: getComputedStyle(document.querySelector('.katex .mord.mathnormal') as Element).fontFamily,
        fontsLoaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      })),
    );
    expect(result.problems).toEqual([]);
    expect(result.found.sheets).toEqual([expect.stringMatching(/^\/assets\/main-math\.[0-9a-f]{10}\.css$/)]);
    expect(result.found.mathmlHidden).toBe('absolute');
    expect(result.found.font).toContain('KaTeX_Math');
    expect(result.found.fontsLoaded).toContain('KaTeX_Math');
  });
});
