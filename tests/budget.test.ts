import { execFile } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { budgetFailures, formatReport, isRenderBlocking, katexFontsOf, limitOf, pageKind, summarize, type PageResource, type PageWeight } from '../src/budget.ts';
import { root } from './helpers/site.ts';

const run = promisify(execFile);

const weight = (overrides: Partial<PageWeight> = {}): PageWeight => ({
  path: '/papers/date/2025-06-03/', kind: 'day', papers: 50, html: 20_000, css: 6_000, js: 300, fonts: 0, blocking: ['/assets/main.0123456789.css'], ...overrides,
});
const link = (attrs: Record<string, string>): PageResource => ({ tag: 'link', attrs, inHead: true });
const script = (attrs: Record<string, string>, inHead = true): PageResource => ({ tag: 'script', attrs, inHead });

describe('pageKind', () => {
  it.each([
    ['/', false, 'home'], ['/papers/date/2025-06-03/', false, 'day'], ['/papers/date/2025-06-03/page/2/', false, 'day'],
    ['/papers/week/2025-W23/', false, 'week'], ['/papers/month/2025-06/', false, 'month'], ['/papers/2506.01218/', false, 'paper'],
    ['/papers/hep-th/9901001/', true, 'paper with math'], ['/topics/', false, 'topics'], ['/topics/nlp/page/2/', false, 'topic'],
    ['/search/', false, 'search'], ['/feeds/', false, 'feeds'], ['/about/', false, 'about'], ['/404.html', false, 'not found'], ['/subscribed/', false, 'other'],
    ['/papers/week/latest/', false, 'other'], ['/papers/date/latest/index.html', false, 'other'],
  ] as const)('calls %s (math: %s) a %s page', (pathname, math, kind) => {
    expect(pageKind(pathname, math)).toBe(kind);
  });
});

describe('isRenderBlocking', () => {
  it('counts screen stylesheets and synchronous head scripts, not deferred, async, module or print ones', () => {
    expect(isRenderBlocking(link({ rel: 'stylesheet', href: '/a.css' }))).toBe(true);
    expect(isRenderBlocking(link({ rel: 'stylesheet', href: '/a.css', media: 'print' }))).toBe(false);
    expect(isRenderBlocking(link({ rel: 'alternate stylesheet', href: '/a.css' }))).toBe(false);
    expect(isRenderBlocking(link({ rel: 'icon', href: '/favicon.svg' }))).toBe(false);
    expect(isRenderBlocking(script({ src: '/a.js' }))).toBe(true);
    expect(isRenderBlocking(script({ src: '/a.js', defer: '' }))).toBe(false);
    expect(isRenderBlocking(script({ src: '/a.js', async: '' }))).toBe(false);
    expect(isRenderBlocking(script({ src: '/a.js', type: 'module' }))).toBe(false);
    expect(isRenderBlocking(script({ src: '/a.js' }, false))).toBe(false);
  });
});

describe('katexFontsOf', () => {
  it('finds the fonts of the KaTeX classes on a page, not of TeX written in its annotations', () => {
    const html = '<span class="katex"><annotation>\\mathcal{O} \\mathbb{R}</annotation><span class="mord mathnormal">x</span><span class="mop op-symbol large-op">∑</span><span class="delimsizing size3">(</span></span>';
    expect(katexFontsOf(html)).toEqual(['KaTeX_Main-Regular.woff2', 'KaTeX_Math-Italic.woff2', 'KaTeX_Size2-Regular.woff2', 'KaTeX_Size3-Regular.woff2']);
    expect(katexFontsOf('<p>no math</p>')).toEqual([]);
  });
});

describe('budgets', () => {
  it('gives a listing 60 kB for up to 50 papers and more in proportion, and a paper without math 25 kB', () => {
    expect(limitOf(weight({ papers: 12 }))).toBe(60_000);
    expect(limitOf(weight({ papers: 100 }))).toBe(120_000);
    expect(limitOf(weight({ kind: 'paper', papers: 0 }))).toBe(25_000);
    expect(limitOf(weight({ kind: 'paper with math', papers: 0 }))).toBeUndefined();
  });

  it('fails a page over its budget, and a page that waits for anything but one stylesheet', () => {
    expect(budgetFailures([weight()])).toEqual([]);
    expect(budgetFailures([weight({ html: 54_001 })])).toEqual(['/papers/date/2025-06-03/: 60.3 kB > 60.0 kB (day, 50 papers)']);
    expect(budgetFailures([weight({ kind: 'paper', path: '/papers/x/', papers: 0, html: 19_000 })])).toEqual(['/papers/x/: 25.3 kB > 25.0 kB (paper)']);
    expect(budgetFailures([weight({ blocking: ['/assets/main.css', '/assets/katex.css'] })])).toEqual([
      '/papers/date/2025-06-03/: 2 render-blocking requests (/assets/main.css, /assets/katex.css); the budget is the one stylesheet',
    ]);
    expect(budgetFailures([weight({ blocking: [] })])[0]).toMatch(/0 render-blocking requests \(none\)/);
  });

  it('reports the heaviest page of each kind with its parts', () => {
    const rows = summarize([weight(), weight({ path: '/papers/date/2025-06-04/', html: 30_000 }), weight({ kind: 'paper', path: '/papers/x/', papers: 0, html: 4_000 })]);
    expect(rows.map((r) => [r.kind, r.pages, r.heaviest.path, r.limit])).toEqual([['day', 2, '/papers/date/2025-06-04/', 60_000], ['paper', 1, '/papers/x/', 25_000]]);
    const report = formatReport([weight()]);
    expect(report[1]).toMatch(/^day\s+1\s+50\s+20\.0\s+6\.0\s+0\.3\s+–\s+26\.3 kB\s+≤ 60\.0 kB ok$/);
  });
});

describe('npm run budget', () => {
  it('builds 50 real papers of one day and finds every page within budget, waiting for one stylesheet', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/budget.ts')], { cwd: root });
    expect(stdout).toMatch(/^day\s+1\s+50\s/m);
    expect(stdout).toMatch(/^paper\s+49\s/m);
    expect(stdout).toMatch(/^paper with math\s+1\s/m);
    expect(stdout.trim().split('\n').at(-1)).toBe('budget: ok, every page within budget and waiting for one stylesheet only');
  }, 120_000);

  it('fails a built site whose page blocks on a script', async () => {
    const work = path.join(os.tmpdir(), `paperfeed-budget-test-${process.pid}`);
    await cp(path.join(root, 'content/papers'), path.join(work, 'papers'), { recursive: true });
    await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build.ts'), '--papers', path.join(work, 'papers'), '--out', path.join(work, '_site'), '--no-cache', '--quiet'], { cwd: root });
    const about = path.join(work, '_site/about/index.html');
    await writeFile(about, (await readFile(about, 'utf8')).replace('</head>', '<script src="/assets/shortcut.js"></script></head>'));
    await writeFile(path.join(work, '_site/assets/shortcut.js'), '');
    const result = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/budget.ts'), '--site', path.join(work, '_site')], { cwd: root }).catch((error: { code: number; stdout: string }) => error);
    await rm(work, { recursive: true, force: true });
    expect('code' in result ? result.code : 0).toBe(1);
    expect(result.stdout).toContain('over budget: /about/: 2 render-blocking requests');
  }, 120_000);
});
