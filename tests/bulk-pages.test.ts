import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createNunjucks } from '../src/nunjucks.ts';
import { bulkGlobals, dayBulkPages, dayFiles, listingBulkPages, listingPages, pageFile, paperBulkPages, paperPages, PAPER_TEMPLATE, writePages } from '../src/bulk-pages.ts';
import { openPageCache } from '../src/page-cache.ts';
import { inlinePageWriter, startPageWriter, type PageWriter } from '../src/page-writer.ts';
import { defaultSettings } from '../src/site.ts';
import { loadSite } from '../src/site-data.ts';
import { parseBibtex } from './helpers/bibtex.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { root } from './helpers/site.ts';

async function site(files: Record<string, string>) {
  const papersDir = await writePapers(files);
  const { data, problems } = await loadSite({ papersDir, stylesDir: path.join(root, 'styles'), settings: defaultSettings, includeDrafts: false });
  if (!data) throw new Error(problems.map((p) => p.message).join('\n'));
  return data;
}

/** A project folder whose paper layout is `source` alone. */
async function projectWithPaperLayout(source: string): Promise<string> {
  const project = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-layouts-'));
  await mkdir(path.join(project, 'layouts/pages'), { recursive: true });
  await writeFile(path.join(project, 'layouts', PAPER_TEMPLATE), source);
  return project;
}

describe('pageFile', () => {
  it('puts a page for a folder URL in its index.html', () => {
    expect(pageFile('/papers/2310.02970/')).toBe('/papers/2310.02970/index.html');
    expect(pageFile('/404.html')).toBe('/404.html');
  });
});

describe('paperPages', () => {
  it('renders one page per paper from the paper layout, each marked as its own URL, escaping what authors wrote', async () => {
    const data = await site({
      'a.md': paperSource(paperFields({ title: `Hostile ${HOSTILE}`, arxiv: '2501.00001', date: '2025-01-06' })),
      'b.md': paperSource(paperFields({ title: 'Second', arxiv: '2501.00002', date: '2025-01-07' }), 'Math $x^2$ here.'),
    });
    const files = [...paperPages(createNunjucks(root), data)];
    expect(files.map((p) => p.path)).toEqual([
      '/papers/2501.00001/index.html', '/papers/2501.00001/cite.bib', '/api/papers/2501.00001.json',
      '/papers/2501.00002/index.html', '/papers/2501.00002/cite.bib', '/api/papers/2501.00002.json',
    ]);
    const pages = files.filter((f) => f.path.endsWith('.html'));
    for (const id of ['2501.00001', '2501.00002']) {
      const bib = files.find((f) => f.path === `/papers/${id}/cite.bib`)!.body;
      expect(cheerio.load(pages.find((p) => p.path.includes(id))!.body)('#bibtex').text()).toBe(bib);
      expect(JSON.parse(files.find((f) => f.path === `/api/papers/${id}.json`)!.body)).toMatchObject({ id });
    }
    for (const page of pages) {
      const $ = cheerio.load(page.body);
      const id = page.path.split('/')[2];
      expect($('link[rel=canonical]').attr('href')).toBe(`${defaultSettings.url}/papers/${id}/`);
      expect($('script:not([src]):not([type="application/ld+json"])')).toHaveLength(0);
      expect($('h1').text()).toMatch(id === '2501.00001' ? /^Hostile <script>/ : /^Second$/);
    }
    const hostile = pages.find((p) => p.path.includes('00001'))!.body;
    expect(hostile).not.toContain('<script>alert');
    expect(hostile).not.toContain('<img src=x');
    expect(pages.find((p) => p.path.includes('00002'))!.body).toContain('class="katex"');
  });

  it('renders pages lazily, one at a time, as they are asked for', async () => {
    const data = await site({ 'a.md': paperSource(paperFields({ arxiv: '2501.00001' })) });
    const env = createNunjucks(root);
    let renders = 0;
    const template = env.getTemplate(PAPER_TEMPLATE, true);
    const render = template.render.bind(template);
    template.render = ((context: object) => (renders++, render(context))) as typeof template.render;
    const pages = paperPages(env, data);
    expect(renders).toBe(0);
    pages.next();
    expect(renders).toBe(1);
  });

  it('fails naming the template when the layout prints something that is not there', async () => {
    const data = await site({ 'a.md': paperSource(paperFields({ arxiv: '2501.00001' })) });
    const project = await projectWithPaperLayout('<p>{{ paper.title }} {{ paper.nosuch }}</p>');
    expect(() => [...paperPages(createNunjucks(project), data)]).toThrow(/pages\/paper\.njk[\s\S]*undefined/);
  });
});

describe('listingPages', () => {
  it('renders every listing page from the listing layout at its URL, its section marked current, its cards in order', async () => {
    const data = await site({
      'a.md': paperSource(paperFields({ title: 'Few votes', arxiv: '2501.00001', date: '2025-01-06', upvotes: 1, topics: ['Robotics'] })),
      'b.md': paperSource(paperFields({ title: 'Many votes', arxiv: '2501.00002', date: '2025-01-06', upvotes: 9, topics: ['Robotics'] })),
    });
    const pages = [...listingPages(createNunjucks(root), data)];
    expect(pages.map((p) => p.path).sort()).toEqual(data.pages.listings.map((l) => pageFile(l.path)).sort());
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining([
      '/papers/date/2025-01-06/index.html', '/papers/week/2025-W02/index.html', '/papers/month/2025-01/index.html', '/topics/robotics/index.html',
    ]));
    const $ = cheerio.load(pages.find((p) => p.path === '/papers/date/2025-01-06/index.html')!.body);
    expect($('h1').text()).toMatch(/^Papers of /);
    expect($('ol.cards .card-title a').map((_, a) => $(a).text()).get()).toEqual(['Many votes', 'Few votes']);
    expect($('.site-nav a[aria-current]').length).toBe(1);
    expect($('link[rel=canonical]').attr('href')).toBe(`${defaultSettings.url}/papers/date/2025-01-06/`);
  });
});

describe('dayFiles', () => {
  it('writes each listing day\'s BibTeX and JSON API file in trending order, and the newest day\'s again as latest.json', async () => {
    const data = await site({
      'a.md': paperSource(paperFields({ title: 'Few votes', arxiv: '2501.00001', date: '2025-01-06', upvotes: 1 })),
      'b.md': paperSource(paperFields({ title: 'Many votes', arxiv: '2501.00002', date: '2025-01-06', upvotes: 9 })),
      'c.md': paperSource(paperFields({ title: 'Next day', arxiv: '2501.00003', date: '2025-01-07', upvotes: 2 })),
    });
    const files = new Map([...dayFiles(data)].map((file) => [file.path, file.body]));
    expect([...files.keys()].sort()).toEqual([
      '/api/daily_papers/2025-01-06.json', '/api/daily_papers/2025-01-07.json', '/api/daily_papers/latest.json',
      '/papers/date/2025-01-06/papers.bib', '/papers/date/2025-01-07/papers.bib',
    ]);
    const titles = (file: string) => (JSON.parse(files.get(file)!) as { title: string }[]).map((entry) => entry.title);
    expect(titles('/api/daily_papers/2025-01-06.json')).toEqual(['Many votes', 'Few votes']);
    expect(files.get('/api/daily_papers/latest.json')).toBe(files.get('/api/daily_papers/2025-01-07.json'));
    const bib = parseBibtex(files.get('/papers/date/2025-01-06/papers.bib')!);
    expect(bib.entries.map((entry) => entry.fields.title)).toEqual(['Many votes', 'Few votes']);
  });

  it('writes an empty latest.json for a site without papers', async () => {
    const data = await site({});
    expect([...dayFiles(data)]).toEqual([{ path: '/api/daily_papers/latest.json', body: '[]' }]);
  });

  it('keys a day by its own papers: a paper added to the newest day leaves the earlier day\'s inputs as they were', async () => {
    const a = paperSource(paperFields({ title: 'First day', arxiv: '2501.00001', date: '2025-01-06', upvotes: 1 }));
    const b = paperSource(paperFields({ title: 'Second day', arxiv: '2501.00002', date: '2025-01-07', upvotes: 2 }));
    const before = await site({ 'a.md': a, 'b.md': b });
    const after = await site({ 'a.md': a, 'b.md': b, 'c.md': paperSource(paperFields({ title: 'Added', arxiv: '2501.00003', date: '2025-01-07', upvotes: 3 })) });
    const inputs = (data: typeof before) => [...dayBulkPages(data)].map((page) => JSON.stringify(page.inputs));
    const [earlier, newest] = inputs(before);
    expect(inputs(after)[0]).toBe(earlier);
    expect(inputs(after)[1]).not.toBe(newest);
  });
});

describe('createNunjucks', () => {
  it('escapes output, keeps the site\'s filters and reads layouts', async () => {
    const env = createNunjucks(root);
    expect(env.renderString('{{ x }}', { x: '<b>' })).toBe('&lt;b&gt;');
    expect(env.renderString('{{ 2 | noun("paper") }}', {})).toBe('papers');
    expect(env.render('partials/routes.njk', { paperfeed: { pages: { latest: undefined, topics: [] } } })).toContain('href="/feeds/"');
  });
});

describe('written through writeOutputFiles', () => {
  it('lands on disk where the URL contract says', async () => {
    const { writeOutputFiles } = await import('../src/bulk-files.ts');
    const data = await site({ 'a.md': paperSource(paperFields({ arxiv: '2501.00001' })) });
    const out = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    expect(writeOutputFiles(out, paperPages(createNunjucks(root), data))).toBe(3);
    const html = await readFile(path.join(out, 'papers/2501.00001/index.html'), 'utf8');
    expect(cheerio.load(html)('html').attr('lang')).toBe(defaultSettings.language);
  });
});

describe('what bulk pages are made from', () => {
  it('is plain JSON data: a page’s inputs read back as they are, so its cache key sees all of them', async () => {
    const data = await site({
      'a.md': paperSource(paperFields({ title: 'One', arxiv: '2501.00001', date: '2025-01-06', topics: ['Robotics'] }), 'With $x^2$.'),
      'b.md': paperSource(paperFields({ title: 'Two', arxiv: '2501.00002', date: '2025-01-06', topics: ['Robotics'] })),
    });
    const env = createNunjucks(root);
    const pages = [...paperBulkPages(env, data), ...listingBulkPages(env, data), ...dayBulkPages(data)];
    expect(pages.length).toBe(data.pages.papers.length + data.pages.listings.length + 2);
    for (const page of pages) expect(JSON.parse(JSON.stringify(page.inputs))).toStrictEqual(page.inputs);
    expect(JSON.parse(JSON.stringify(bulkGlobals(data)))).toStrictEqual(bulkGlobals(data));
  });

  it('leaves out of the site-wide data what changes daily: the newest day, the feeds’ entries', async () => {
    const data = await site({ 'a.md': paperSource(paperFields({ arxiv: '2501.00001', date: '2025-01-06' })) });
    const globals = JSON.stringify(bulkGlobals(data));
    expect(globals).not.toContain('2025-01-06');
    expect(Object.keys(bulkGlobals(data)).sort()).toEqual(['citeScript', 'feeds', 'manifest', 'mathStylesheet', 'scripts', 'settings', 'stylesheet', 'subscription']);
  });

  it('fails a layout that reads site-wide data the page cache does not see, naming the template', async () => {
    const data = await site({ 'a.md': paperSource(paperFields({ arxiv: '2501.00001' })) });
    const project = await projectWithPaperLayout('<a href="{{ paperfeed.pages.latest.day.url }}">{{ paper.title }}</a>');
    expect(() => [...paperPages(createNunjucks(project), data)]).toThrow(/pages\/paper\.njk[\s\S]*undefined/);
  });
});

describe('a writer thread that cannot start', () => {
  it('fails the pages with its error instead of waiting for it', async () => {
    const data = await site({ 'a.md': paperSource(paperFields({ arxiv: '2501.00001' })), 'b.md': paperSource(paperFields({ arxiv: '2501.00002' })) });
    const out = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    const writer = startPageWriter(undefined, { batch: 1, limit: 1, stallMs: 500, threadModule: new URL('./fixtures/no-such-writer-thread.ts', import.meta.url) });
    await expect(writePages(out, paperBulkPages(createNunjucks(root), data), undefined, writer)).rejects.toThrow(/no-such-writer-thread/);
  });
});

describe.each([
  ['on this thread', inlinePageWriter],
  ['on a writer thread', (cacheDir?: string) => startPageWriter(cacheDir, { batch: 1, limit: 1 })],
])('writePages, writing %s', (_, startWriter: (cacheDir?: string) => PageWriter) => {
  async function twoPapers() {
    return site({
      'a.md': paperSource(paperFields({ arxiv: '2501.00001', date: '2025-01-06' })),
      'b.md': paperSource(paperFields({ arxiv: '2501.00002', date: '2025-01-07' })),
    });
  }
  const counted = (env: ReturnType<typeof createNunjucks>, data: Awaited<ReturnType<typeof twoPapers>>) => {
    const rendered: string[] = [];
    const pages = [...paperBulkPages(env, data)].map((page) => ({ ...page, render: () => (rendered.push(page.paths[0] as string), page.render()) }));
    return { pages, rendered };
  };
  const FILES = ['papers/2501.00001/index.html', 'papers/2501.00001/cite.bib', 'api/papers/2501.00001.json', 'papers/2501.00002/index.html', 'papers/2501.00002/cite.bib', 'api/papers/2501.00002.json'];

  it('renders what the page cache does not hold, and only that, and writes the same files either way', async () => {
    const data = await twoPapers();
    const env = createNunjucks(root);
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-page-cache-'));
    const open = () => openPageCache(cacheDir, 'code', bulkGlobals(data));
    const first = counted(env, data);
    const out1 = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    const cache1 = open();
    expect(await writePages(out1, first.pages, cache1, startWriter(cacheDir))).toEqual({ pages: 2, files: 6, cached: 0 });
    expect(first.rendered).toEqual(['/papers/2501.00001/index.html', '/papers/2501.00002/index.html']);
    expect(cache1.stats).toEqual({ hits: 0, misses: 2 });

    const second = counted(env, data);
    const out2 = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    const cache2 = open();
    expect(await writePages(out2, second.pages, cache2, startWriter(cacheDir))).toEqual({ pages: 2, files: 6, cached: 2 });
    expect(second.rendered).toEqual([]);
    expect(cache2.stats).toEqual({ hits: 2, misses: 0 });
    expect(cache2.prune()).toBe(0);
    for (const file of FILES) expect(await readFile(path.join(out2, file), 'utf8')).toBe(await readFile(path.join(out1, file), 'utf8'));

    const out3 = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    expect(await writePages(out3, paperBulkPages(env, data), undefined, startWriter())).toEqual({ pages: 2, files: 6, cached: 0 });
    for (const file of FILES) expect(await readFile(path.join(out3, file), 'utf8')).toBe(await readFile(path.join(out1, file), 'utf8'));
  });

  it('renders a page again when its cache entry goes missing after the cache was listed', async () => {
    const data = await twoPapers();
    const env = createNunjucks(root);
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-page-cache-'));
    const out1 = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    await writePages(out1, paperBulkPages(env, data), openPageCache(cacheDir, 'code', bulkGlobals(data)), startWriter(cacheDir));

    const cache = openPageCache(cacheDir, 'code', bulkGlobals(data));
    const [, second] = [...paperBulkPages(env, data)];
    const key = cache.key(second?.inputs);
    expect(cache.has(key, 3)).toBe(true); // listed now
    await rm(path.join(cacheDir, key.slice(0, 2), `${key}-2`));
    const again = counted(env, data);
    const out2 = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    expect(await writePages(out2, again.pages, cache, startWriter(cacheDir))).toEqual({ pages: 2, files: 6, cached: 1 });
    expect(again.rendered).toEqual(['/papers/2501.00002/index.html']);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    for (const file of FILES) expect(await readFile(path.join(out2, file), 'utf8')).toBe(await readFile(path.join(out1, file), 'utf8'));
    expect(openPageCache(cacheDir, 'code', bulkGlobals(data)).has(key, 3)).toBe(true); // kept again, complete
  });

  it('fails with the file system\'s error when a page cannot be written, and stops', async () => {
    const data = await twoPapers();
    const env = createNunjucks(root);
    const out = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    await writeFile(path.join(out, 'papers'), 'a file where a folder must go');
    const run = counted(env, data);
    await expect(writePages(out, run.pages, undefined, startWriter())).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(run.rendered.length).toBeLessThanOrEqual(2);
  });

  it('fails with the template\'s error when a page cannot be rendered, and lets the writer go', async () => {
    const data = await twoPapers();
    const project = await projectWithPaperLayout('{{ paper.title | noSuchFilter }}');
    const out = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-pages-'));
    await expect(writePages(out, paperBulkPages(createNunjucks(project), data), undefined, startWriter())).rejects.toThrow(/noSuchFilter/);
  });
});
