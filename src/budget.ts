/**
 * Page weight budgets (`npm run budget`): what a reader downloads for each page, gzip-compressed —
 * the HTML, the stylesheet it waits for, its deferred scripts and, on pages with math, the KaTeX
 * fonts its formulas use — and the limits: a listing of 50 papers at most 60 kB, a paper page
 * without math at most 25 kB, and no render-blocking request but the one stylesheet. The script
 * reads the files; everything decided about them is here, pure and tested.
 */

export type PageKind = 'home' | 'day' | 'week' | 'month' | 'topic' | 'topics' | 'paper' | 'paper with math' | 'search' | 'feeds' | 'about' | 'not found' | 'other';

/** A `<link>` or `<script>` of a page, as the script found it. */
export interface PageResource {
  tag: 'link' | 'script';
  attrs: Record<string, string | undefined>;
  /** In `<head>`, where a synchronous script blocks rendering. */
  inHead: boolean;
}

export interface PageWeight {
  path: string;
  kind: PageKind;
  /** Paper cards on the page (listings). */
  papers: number;
  /** Gzip bytes of each part. */
  html: number;
  css: number;
  js: number;
  fonts: number;
  /** What the first render waits for, besides the HTML. */
  blocking: string[];
}

export const KB = 1000;
export const LISTING_BUDGET = 60 * KB;
export const LISTING_PAPERS = 50;
export const PAPER_BUDGET = 25 * KB;

const LISTING_KINDS: readonly PageKind[] = ['home', 'day', 'week', 'month', 'topic'];

/** The kind of page at a site path (`hasMath`: the page shows formulas). */
export function pageKind(pathname: string, hasMath: boolean): PageKind {
  if (pathname === '/' || pathname === '/index.html') return 'home';
  if (pathname === '/404.html') return 'not found';
  // The pages that lead to the newest day, week and month (src/pages.ts LatestPage).
  if (/^\/papers\/(date|week|month)\/latest\/(index\.html)?$/.test(pathname)) return 'other';
  const period = /^\/papers\/(date|week|month)\/[^/]+\//.exec(pathname);
  if (period) return ({ date: 'day', week: 'week', month: 'month' } as const)[period[1] as 'date' | 'week' | 'month'];
  if (pathname.startsWith('/papers/')) return hasMath ? 'paper with math' : 'paper';
  if (pathname === '/topics/') return 'topics';
  if (pathname.startsWith('/topics/')) return 'topic';
  const pages: Record<string, PageKind> = { '/search/': 'search', '/feeds/': 'feeds', '/about/': 'about' };
  return pages[pathname] ?? 'other';
}

/**
 * Whether the first render waits for it: a stylesheet for the screen (not print-only, not
 * disabled), or a classic script in the head without `defer` or `async`. Modules are deferred.
 */
export function isRenderBlocking(resource: PageResource): boolean {
  const { attrs } = resource;
  if (resource.tag === 'link') {
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    return rel.includes('stylesheet') && !rel.includes('alternate') && attrs.disabled === undefined && !/^\s*print\s*$/i.test(attrs.media ?? '');
  }
  return resource.inHead && attrs.src !== undefined && attrs.defer === undefined && attrs.async === undefined && attrs.type !== 'module';
}

/** KaTeX's font files a page's formulas use, from the KaTeX classes in its HTML (its CSS names the font per class). */
const KATEX_FONTS: [string, string][] = [
  ['katex', 'KaTeX_Main-Regular'],
  ['mathnormal', 'KaTeX_Math-Italic'],
  ['mathbf', 'KaTeX_Main-Bold'],
  ['mathit', 'KaTeX_Main-Italic'],
  ['boldsymbol', 'KaTeX_Math-BoldItalic'],
  ['amsrm|mathbb|textbb', 'KaTeX_AMS-Regular'],
  ['mathcal', 'KaTeX_Caligraphic-Regular'],
  ['mathfrak|textfrak', 'KaTeX_Fraktur-Regular'],
  ['mathscr|textscr', 'KaTeX_Script-Regular'],
  ['mathsf|textsf', 'KaTeX_SansSerif-Regular'],
  ['mathtt|texttt', 'KaTeX_Typewriter-Regular'],
  ['small-op|delim-size1', 'KaTeX_Size1-Regular'],
  ['large-op', 'KaTeX_Size2-Regular'],
  ['delim-size4', 'KaTeX_Size4-Regular'],
];
const DELIMITER_SIZES = /class="delimsizing size([1-4])"/g;

export function katexFontsOf(html: string): string[] {
  const classes = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => (m[1] as string).split(/\s+/)));
  const fonts = KATEX_FONTS.filter(([names]) => names.split('|').some((name) => classes.has(name))).map(([, font]) => font);
  for (const match of html.matchAll(DELIMITER_SIZES)) fonts.push(`KaTeX_Size${match[1]}-Regular`);
  return [...new Set(fonts)].map((font) => `${font}.woff2`);
}

export const totalOf = (w: PageWeight) => w.html + w.css + w.js + w.fonts;

/** A page's limit: listings 60 kB per 50 papers (a page of up to 50 gets the full 60 kB), papers without math 25 kB. */
export function limitOf(weight: PageWeight): number | undefined {
  if (LISTING_KINDS.includes(weight.kind)) return Math.round(LISTING_BUDGET * Math.max(1, weight.papers / LISTING_PAPERS));
  if (weight.kind === 'paper') return PAPER_BUDGET;
  return undefined;
}

/** One line per page over its limit or with more than the one stylesheet to wait for. */
export function budgetFailures(weights: PageWeight[]): string[] {
  const failures: string[] = [];
  for (const weight of weights) {
    const limit = limitOf(weight);
    if (limit !== undefined && totalOf(weight) > limit) {
      failures.push(`${weight.path}: ${formatKb(totalOf(weight))} > ${formatKb(limit)} (${weight.kind}${weight.papers ? `, ${weight.papers} papers` : ''})`);
    }
    const extra = weight.blocking.length - 1;
    if (extra !== 0) failures.push(`${weight.path}: ${weight.blocking.length} render-blocking requests (${weight.blocking.join(', ') || 'none'}); the budget is the one stylesheet`);
  }
  return failures;
}

export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} kB`;
}

export interface KindSummary {
  kind: PageKind;
  pages: number;
  /** The heaviest page of the kind, whose figures the row shows. */
  heaviest: PageWeight;
  limit?: number;
}

/** The heaviest page of each kind, in the order of the site's navigation. */
export function summarize(weights: PageWeight[]): KindSummary[] {
  const order: PageKind[] = ['home', 'day', 'week', 'month', 'topic', 'topics', 'paper', 'paper with math', 'search', 'feeds', 'about', 'not found', 'other'];
  return order.flatMap((kind) => {
    const pages = weights.filter((w) => w.kind === kind);
    if (!pages.length) return [];
    const heaviest = pages.reduce((a, b) => (totalOf(b) > totalOf(a) ? b : a));
    const limit = limitOf(heaviest);
    return [{ kind, pages: pages.length, heaviest, ...(limit === undefined ? {} : { limit }) }];
  });
}

/** The report: one row per page kind (its heaviest page), then the verdict. */
export function formatReport(weights: PageWeight[]): string[] {
  const cell = (bytes: number) => (bytes ? (bytes / KB).toFixed(1) : '–').padStart(6);
  const lines = [`${'page type'.padEnd(16)} ${'pages'.padStart(5)} ${'papers'.padStart(6)} ${'html'.padStart(6)} ${'css'.padStart(6)} ${'js'.padStart(6)} ${'fonts'.padStart(6)} ${'total'.padStart(9)}  budget`];
  for (const row of summarize(weights)) {
    const w = row.heaviest;
    const verdict = row.limit === undefined ? '' : `≤ ${formatKb(row.limit)} ${totalOf(w) <= row.limit ? 'ok' : 'OVER'}`;
    lines.push(`${row.kind.padEnd(16)} ${String(row.pages).padStart(5)} ${String(w.papers || '–').padStart(6)} ${cell(w.html)} ${cell(w.css)} ${cell(w.js)} ${cell(w.fonts)} ${formatKb(totalOf(w)).padStart(9)}  ${verdict}`);
  }
  return lines;
}
