/**
 * Headless Debian Chromium through playwright-core (no browser download), and a page that records
 * every problem a reader's browser would show: console errors, uncaught exceptions, Content-
 * Security-Policy violations, failed requests and dialogs (an `alert` would mean content ran).
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface WatchedPage {
  page: Page;
  /** One line per problem seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** The site has no favicon; the browser's automatic request for one is not the page's doing. */
const isFavicon = (url: string) => new URL(url).pathname === '/favicon.ico';

export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  // Runs in the page before its own scripts (Playwright injects it outside the page's CSP).
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code')));`,
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !isFavicon(message.location().url || 'http://x/')) problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation cancels what the previous page was still loading; that is not a failure.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isFavicon(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems, close: () => context.close() };
}
