/**
 * `npm run lighthouse`: Lighthouse 12 (mobile: a mid-range phone on a slow 4G connection, simulated)
 * in Debian's Chromium on the home page, a paper page, a paper page with math and the search page
 * with results, served by `npm run preview` (netlify.toml's headers, the Content-Security-Policy
 * included). Without `--site` it builds the 50 real papers of `npm run budget`; `--site DIR` runs on
 * a built site. Prints each page's scores and what lost points, keeps the reports in
 * test-results/lighthouse/, and exits 1 when a score is under its minimum (src/lighthouse.ts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildBudgetSite } from '../src/budget-corpus.ts';
import { belowMinimum, CATEGORIES, formatScores, lostPoints, metricsOf, scoresOf, type LighthouseResult } from '../src/lighthouse.ts';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'test-results/lighthouse');
const { values } = parseArgs({ options: { site: { type: 'string' }, query: { type: 'string', default: 'retrieval' } } });

/** A paper page with math and one without, found in the built site. */
function paperPages(site: string): { plain: string; math?: string } {
  const dir = path.join(site, 'papers');
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !/^(date|week|month)\//.test(file))
    .sort()
    .map((file) => ({ url: `/papers/${path.dirname(file)}/`, math: readFileSync(path.join(dir, file), 'utf8').includes('class="katex"') }));
  const plain = pages.find((p) => !p.math);
  if (!plain) throw new Error(`no paper page without math in ${site}`);
  const math = pages.find((p) => p.math)?.url;
  return math ? { plain: plain.url, math } : { plain: plain.url };
}

/** Starts `npm run preview` on a free port; resolves with its origin and a stop function. */
function startPreview(site: string): Promise<{ origin: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/preview.ts'), '--dir', site, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found) resolve({ origin: found[1] as string, stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)));
  });
}

const work = values.site ? undefined : mkdtempSync(path.join(os.tmpdir(), 'paperfeed-lighthouse-'));
const site = values.site ? path.resolve(values.site) : buildBudgetSite(root, work as string);
const papers = paperPages(site);
const pages: [string, string][] = [['home', '/'], ['paper', papers.plain], ...(papers.math ? [['paper-with-math', papers.math] as [string, string]] : []), ['search', `/search/?q=${encodeURIComponent(values.query)}`]];
const preview = await startPreview(site);
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let failed = 0;
try {
  mkdirSync(reports, { recursive: true });
  for (const [name, urlPath] of pages) {
    const run = await lighthouse(`${preview.origin}${urlPath}`, { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!run) throw new Error(`Lighthouse returned nothing for ${urlPath}`);
    const result = run.lhr as unknown as LighthouseResult;
    const [json, html] = run.report as string[];
    writeFileSync(path.join(reports, `${name}.json`), json as string);
    writeFileSync(path.join(reports, `${name}.html`), html as string);
    if (result.runtimeError) throw new Error(`Lighthouse: ${result.runtimeError.code}: ${result.runtimeError.message}`);
    const scores = scoresOf(result);
    const below = belowMinimum(scores);
    failed += below.length;
    console.log(`${formatScores(`lighthouse: ${urlPath}`, scores)} -> ${below.length ? `FAIL (${below.join(', ')})` : 'ok'}`);
    console.log(`  ${result.configSettings.formFactor}, Lighthouse ${result.lighthouseVersion}: ${metricsOf(result)}`);
    for (const line of lostPoints(result)) console.log(`  ${line}`);
  }
  console.log(`lighthouse: ${failed ? `FAIL, ${failed} scores under their minimum` : 'ok'}; reports in ${path.relative(root, reports)}/`);
  process.exitCode = failed ? 1 : 0;
} finally {
  chrome.kill();
  preview.stop();
  if (work) rmSync(work, { recursive: true, force: true });
}
