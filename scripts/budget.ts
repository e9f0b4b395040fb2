/**
 * `npm run budget`: what each kind of page costs a reader, gzip-compressed — HTML, the one
 * stylesheet, deferred scripts, KaTeX fonts on math pages — against the budgets of src/budget.ts.
 * Without `--site` it builds 50 real arXiv papers listed on one day (src/budget-corpus.ts) into a
 * temporary folder and measures that; `--site DIR` measures a site already built (e.g. `_site`).
 * Exits 1 when a page is over its budget or waits for more than the one stylesheet.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { budgetFailures, formatReport, isRenderBlocking, katexFontsOf, pageKind, type PageResource, type PageWeight } from '../src/budget.ts';
import { buildBudgetSite } from '../src/budget-corpus.ts';
import { katexAssetsPath } from '../src/styles.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { site: { type: 'string' }, keep: { type: 'boolean', default: false } } });

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}digest${path.sep}`))
    .sort();
}

function measure(site: string): PageWeight[] {
  const sizes = new Map<string, number>();
  /** Gzip bytes of a site file (`raw`: as stored, for WOFF2, which is compressed already). */
  const size = (url: string, raw = false) => {
    const key = `${raw}:${url}`;
    if (!sizes.has(key)) {
      const bytes = readFileSync(path.join(site, decodeURIComponent(new URL(url, 'http://site').pathname)));
      sizes.set(key, raw ? bytes.length : gzipSync(bytes).length);
    }
    return sizes.get(key) as number;
  };
  return htmlFiles(site).map((file) => {
    const html = readFileSync(file, 'utf8');
    const $ = cheerio.load(html);
    const resources: PageResource[] = $('link[href], script[src]').map((_, el) => ({
      tag: el.tagName as 'link' | 'script', attrs: { ...el.attribs }, inHead: $(el).closest('head').length > 0,
    })).get();
    const blocking = resources.filter(isRenderBlocking);
    const hasMath = $('.katex').length > 0;
    const urlPath = `/${path.relative(site, file).split(path.sep).join('/')}`.replace(/index\.html$/, '');
    return {
      path: urlPath,
      kind: pageKind(urlPath, hasMath),
      papers: $('li.card').length,
      html: gzipSync(html).length,
      css: blocking.filter((r) => r.tag === 'link').reduce((sum, r) => sum + size(r.attrs.href as string), 0),
      js: resources.filter((r) => r.tag === 'script' && !isRenderBlocking(r)).reduce((sum, r) => sum + size(r.attrs.src as string), 0),
      fonts: hasMath ? katexFontsOf(html).reduce((sum, font) => sum + size(`${katexAssetsPath}fonts/${font}`, true), 0) : 0,
      blocking: blocking.map((r) => (r.attrs.href ?? r.attrs.src) as string),
    };
  });
}

const work = values.site ? undefined : mkdtempSync(path.join(os.tmpdir(), 'paperfeed-budget-'));
try {
  const site = values.site ? path.resolve(values.site) : buildBudgetSite(root, work as string);
  const weights = measure(site);
  console.log(`budget: ${weights.length} pages of ${values.site ? site : '50 real arXiv papers listed on one day'}; gzip bytes, the heaviest page of each type`);
  for (const line of formatReport(weights)) console.log(line);
  const failures = budgetFailures(weights);
  for (const failure of failures) console.log(`over budget: ${failure}`);
  console.log(failures.length ? `budget: FAIL (${failures.length} problems)` : 'budget: ok, every page within budget and waiting for one stylesheet only');
  process.exitCode = failures.length ? 1 : 0;
} finally {
  if (work && !values.keep) rmSync(work, { recursive: true, force: true });
  else if (work) console.log(`budget: site kept in ${work}`);
}
