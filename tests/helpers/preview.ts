/// <reference lib="dom" />
/**
 * A built site served the way Netlify serves it (`scripts/preview.ts` in a child process on a free
 * port of 127.0.0.1), and visits to it in headless Debian Chromium (playwright-core) that collect
 * every console error, page error, Content-Security-Policy violation and failed request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import path from 'node:path';
import { root } from './site.ts';

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/** Starts `npm run preview` for `siteDir` and resolves once it listens. */
export function startPreview(siteDir: string): Promise<Preview> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/preview.ts'), '--dir', siteDir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /serving .* at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found) resolve({ url: found[1] as string, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)));
  });
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Visit<T = undefined> {
  /** The status of the document's response. */
  status: number;
  /** Where the browser ended up, after redirects. */
  finalUrl: string;
  /** Everything that went wrong, one line each; empty for a clean page. */
  problems: string[];
  /** What `inspect` found on the loaded page. */
  found: T;
}

/**
 * Chromium 156 draws its own banner over XSLT-styled documents (XSLT is being removed); the banner's
 * close button is an inline event handler that any strict CSP refuses. That violation is the
 * browser's, not the site's, and is told apart by the element it comes from.
 */
const BROWSER_BANNER = 'XSLT-WARNING-BANNER';

/**
 * Opens `url` in a fresh page and collects its problems. A document expected to answer 404 (the
 * not-found page) may log that one failed load of itself. XSLT-styled documents need `waitUntil:
 * 'load'`: Chromium never reports their stylesheet request as finished, so the network never idles.
 */
export async function visit<T = undefined>(
  context: BrowserContext,
  url: string,
  options: { expectedStatus?: number; inspect?: (page: Page) => Promise<T>; waitUntil?: 'load' | 'networkidle' } = {},
): Promise<Visit<T>> {
  const expectedStatus = options.expectedStatus ?? 200;
  const page = await context.newPage();
  const problems: string[] = [];
  const errors: ConsoleMessage[] = [];
  let bannerViolations = 0;
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const target = event.target instanceof Element ? event.target.nodeName : '';
      console.debug(`csp-violation ${JSON.stringify({ directive: event.violatedDirective, blocked: event.blockedURI, target })}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'debug' && message.text().startsWith('csp-violation ')) {
      const violation = JSON.parse(message.text().slice(14)) as { directive: string; blocked: string; target: string };
      if (violation.target === BROWSER_BANNER) bannerViolations++;
      else problems.push(`CSP violation: ${violation.directive} blocked ${violation.blocked || 'inline'} (${violation.target})`);
    } else if (message.type() === 'error') errors.push(message);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') problems.push(`${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(url, { waitUntil: options.waitUntil ?? 'networkidle' });
  const found = (options.inspect ? await options.inspect(page) : undefined) as T;
  const documentUrl = response?.url();
  for (const error of errors) {
    if (bannerViolations > 0 && error.text().startsWith('Executing inline event handler violates')) bannerViolations--;
    else if (expectedStatus === 404 && error.location().url === documentUrl && /status of 404/.test(error.text())) continue;
    else problems.push(`console error: ${error.text()} (${error.location().url})`);
  }
  const result = { status: response?.status() ?? 0, finalUrl: page.url(), problems, found };
  await page.close();
  return result;
}
