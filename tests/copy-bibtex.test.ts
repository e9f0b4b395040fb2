import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// Code run in the page is passed as strings: the project's TypeScript has no DOM types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runBuild, type BuildRun } from './helpers/site.ts';
import { serveSite, type Server } from './helpers/serve.ts';

/** The policy issue 7 ships: scripts only from the site, no inline code. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
const PAPER = '/papers/2310.02970/';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

describe('the Copy BibTeX button in a real browser', () => {
  let run: BuildRun;
  let server: Server;
  let browser: Browser;
  let bib: string;
  beforeAll(async () => {
    run = await runBuild(path.join(root, 'content/papers'));
    bib = await readFile(path.join(run.outDir, 'papers/2310.02970/cite.bib'), 'utf8');
    server = await serveSite(run.outDir, { 'Content-Security-Policy': CSP });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the paper page, collecting console errors and CSP violations. */
  async function open(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // No favicon yet (issue 6 adds one): its 404 is not this feature's problem.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.origin + PAPER);
    return { page, problems };
  }

  it('copies the BibTeX on click and announces it, under a strict CSP', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const { page, problems } = await open(context);
    const button = page.getByRole('button', { name: 'Copy BibTeX' });
    await button.click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('BibTeX copied to the clipboard.');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(bib);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is reached and used with the keyboard', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const { page } = await open(context);
    await page.locator('.cite pre').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Copy BibTeX');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string>('navigator.clipboard.readText()')).toBe(bib);
    await context.close();
  });

  it('selects the BibTeX and says so when the clipboard refuses', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await page.evaluate("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))");
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/selected/);
    expect(await page.evaluate<string>('window.getSelection().toString().trimEnd()')).toBe(bib.trimEnd());
    await context.close();
  });

  it('without JavaScript shows the BibTeX as text and a working download, and no dead button', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(context);
    expect(await page.locator('.cite pre').isVisible()).toBe(true);
    expect(await page.locator('.cite pre code').textContent()).toBe(bib);
    expect(await page.getByRole('button', { name: 'Copy BibTeX' }).count()).toBe(0);
    const link = page.getByRole('link', { name: 'Download BibTeX (.bib)' });
    const response = await page.request.get(server.origin + (await link.getAttribute('href')));
    expect([response.status(), await response.text()]).toEqual([200, bib]);
    await context.close();
  });

  it('is loaded on paper pages only', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script' && request.url().includes('copy-bibtex')) scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.origin}/papers/date/2025-03-11/`);
    await page.goto(server.origin + PAPER);
    expect(scripts).toEqual([expect.stringMatching(/^\/assets\/copy-bibtex\.[0-9a-f]{10}\.js$/)]);
    await context.close();
  });
});
