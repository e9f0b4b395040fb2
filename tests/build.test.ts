import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarCorpus, hostileCorpus } from './helpers/corpus.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { readSiteFragments } from './helpers/search.ts';
import { readPage, root, runBuild, type BuildRun } from './helpers/site.ts';
import { loadPapers } from '../src/content.ts';
import { compareTrending } from '../src/listings.ts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

async function treeHash(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex'));
  }
  return hashes;
}

const cardLinks = ($: Awaited<ReturnType<typeof readPage>>) =>
  $('ol.cards .card-title a').map((_, a) => $(a).attr('href')).get();

describe('the sample site', () => {
  let run: BuildRun;
  beforeAll(async () => {
    run = await runBuild(path.join(root, 'content/papers'));
  });

  it('builds without errors or warnings', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('gives every paper a page with its exact title', async () => {
    const { papers } = await loadPapers(path.join(root, 'content/papers'));
    expect(papers).toHaveLength(9);
    for (const paper of papers) {
      const $ = await readPage(run.outDir, `/papers/${paper.id}/`);
      expect($('h1').text()).toBe(paper.title);
      expect($('link[rel=canonical]').attr('href')).toBe(`https://papers.example.org/papers/${paper.id}/`);
      expect($('.abstract p').first().text().length).toBeGreaterThan(100);
    }
  });

  it('lists exactly the day\'s papers in trending order on the day, week, month and home pages', async () => {
    const { papers } = await loadPapers(path.join(root, 'content/papers'));
    const expected = [...papers].sort(compareTrending).map((p) => `/papers/${p.id}/`);
    for (const url of ['/', '/papers/date/2025-03-11/', '/papers/week/2025-W11/', '/papers/month/2025-03/']) {
      expect(cardLinks(await readPage(run.outDir, url))).toEqual(expected);
    }
  });

  it('links a day to its week and month, and the week and month back to the day', async () => {
    const day = await readPage(run.outDir, '/papers/date/2025-03-11/');
    expect(day('.period-switch a').map((_, a) => [[day(a).text(), day(a).attr('href'), day(a).attr('aria-current') ?? null]]).get()).toEqual([
      ['Day', '/papers/date/2025-03-11/', 'page'], ['Week', '/papers/week/2025-W11/', null], ['Month', '/papers/month/2025-03/', null],
    ]);
    expect(day('.calendar a[href="/papers/date/2025-03-11/"]').attr('aria-current')).toBe('page');
    expect(day('.listing-up a').map((_, a) => day(a).attr('href')).get()).toEqual(['/papers/week/2025-W11/', '/papers/month/2025-03/']);
    for (const url of ['/papers/week/2025-W11/', '/papers/month/2025-03/']) {
      const $ = await readPage(run.outDir, url);
      expect($('.calendar a[href="/papers/date/2025-03-11/"]').attr('aria-label')).toBe('March 11, 2025: 9 papers');
      expect($('.period-switch a[href="/papers/date/2025-03-11/"]').text()).toBe('Day');
    }
  });

  it('merges topics and lists a topic\'s papers', async () => {
    const $ = await readPage(run.outDir, '/topics/');
    expect($('.topic-index a').length).toBe(12);
    const fl = await readPage(run.outDir, '/topics/federated-learning/');
    expect(cardLinks(fl)).toHaveLength(3);
  });

  it('links a hashed stylesheet and leaves KaTeX out of pages without math', async () => {
    const $ = await readPage(run.outDir, '/papers/2310.02970/');
    const sheets = $('link[rel=stylesheet]').map((_, l) => $(l).attr('href')).get();
    expect(sheets).toEqual([expect.stringMatching(/^\/assets\/main\.[0-9a-f]{10}\.css$/)]);
    expect((await readFile(path.join(run.outDir, sheets[0] as string), 'utf8')).length).toBeGreaterThan(1000);
  });

  it('indexes every paper page for search, and no other page', async () => {
    const { papers } = await loadPapers(path.join(root, 'content/papers'));
    const fragments = await readSiteFragments(run.outDir);
    expect(fragments.map((f) => f.url).sort()).toEqual(papers.map((p) => `/papers/${p.id}/`).sort());
    expect(run.stdout).toMatch(/^search: 9 papers in 1 index, \d+ files \(\d+ ms\)$/m);
  });

  it('has a 404 page that links to today and topics', async () => {
    const $ = await readPage(run.outDir, '/404.html');
    expect($('main a').map((_, a) => $(a).attr('href')).get()).toEqual(expect.arrayContaining(['/papers/date/2025-03-11/', '/topics/']));
  });

  it('leads the header to addresses that never change, which send readers on to the newest day, week and month', async () => {
    const $ = await readPage(run.outDir, '/papers/2310.02970/');
    expect($('.site-nav a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get()).toEqual([
      ['Today', '/'], ['This week', '/papers/week/latest/'], ['This month', '/papers/month/latest/'], ['Topics', '/topics/'], ['Feeds', '/feeds/'],
    ]);
    for (const [from, to] of [['/papers/date/latest/', '/papers/date/2025-03-11/'], ['/papers/week/latest/', '/papers/week/2025-W11/'], ['/papers/month/latest/', '/papers/month/2025-03/']] as const) {
      const page = await readPage(run.outDir, from);
      expect(page('meta[http-equiv=refresh]')).toHaveLength(0);
      expect(page('link[rel=canonical]').attr('href')).toBe(`https://papers.example.org${to}`);
      expect(page('meta[name=robots]').attr('content')).toBe('noindex');
      expect(page('main a').attr('href')).toBe(to);
    }
    // Netlify answers the same addresses with a redirect before any file.
    expect(await readFile(path.join(run.outDir, '_redirects'), 'utf8')).toContain('/papers/week/latest  /papers/week/2025-W11/  302!');
  });
});

describe('listings over a calendar', () => {
  let run: BuildRun;
  beforeAll(async () => {
    run = await runBuild(await writePapers(calendarCorpus()));
  });

  it('builds', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('files days into ISO weeks across year ends', async () => {
    expect(cardLinks(await readPage(run.outDir, '/papers/week/2020-W53/'))).toEqual(['/papers/w53-c/', '/papers/w53-b/', '/papers/w53-a/']);
    expect(cardLinks(await readPage(run.outDir, '/papers/week/2025-W01/'))).toEqual(['/papers/y25-a/']);
    expect(cardLinks(await readPage(run.outDir, '/papers/week/2025-W02/'))).toEqual(['/papers/y25-b/']);
  });

  it('orders by upvotes, then title', async () => {
    expect(cardLinks(await readPage(run.outDir, '/papers/date/2021-01-03/'))).toEqual(['/papers/w53-c/', '/papers/w53-b/']);
  });

  it('links previous and next days, skipping empty ones', async () => {
    const $ = await readPage(run.outDir, '/papers/date/2021-01-04/');
    expect($('.period-nav a[rel=prev]').attr('href')).toBe('/papers/date/2021-01-03/');
    expect($('.period-nav a[rel=next]').attr('href')).toBe('/papers/date/2024-12-30/');
    const first = await readPage(run.outDir, '/papers/date/2020-12-31/');
    expect(first('.period-nav a[rel=prev]')).toHaveLength(0);
    const months = await readPage(run.outDir, '/papers/month/2021-01/');
    expect(months('.period-nav a[rel=prev]').attr('href')).toBe('/papers/month/2020-12/');
    expect(months('.period-nav a[rel=next]').attr('href')).toBe('/papers/month/2024-12/');
  });

  it('links a paper to the previous and next paper of its day', async () => {
    const $ = await readPage(run.outDir, '/papers/w53-c/');
    expect($('.paper-nav a[rel=next]').attr('href')).toBe('/papers/w53-b/');
    expect($('.paper-nav a[rel=prev]')).toHaveLength(0);
  });

  it('merges topic spellings into one topic named by the most common spelling', async () => {
    const $ = await readPage(run.outDir, '/topics/federated-learning/');
    expect($('h1').text()).toBe('Topic: federated learning');
    expect(cardLinks($)).toEqual(['/papers/w01-a/', '/papers/w53-c/', '/papers/w53-b/', '/papers/w53-a/']);
  });

  it('leaves drafts out of the search index', async () => {
    const titles = (await readSiteFragments(run.outDir)).map((f) => f.meta.title);
    expect(titles).toHaveLength(6);
    expect(titles).not.toContain('A draft never published');
  });

  it('leaves drafts out of a production build', async () => {
    const files = await listFiles(run.outDir);
    expect(files.some((f) => f.includes('draft'))).toBe(false);
    expect(files).not.toContain('papers/date/2025-01-07/index.html');
    expect(cardLinks(await readPage(run.outDir, '/'))).toEqual(['/papers/y25-b/']);
  });
});

describe('a day with more papers than a listing page holds', () => {
  it('spills onto numbered pages, every paper listed once', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 130; i++) files[`p${i}.md`] = paperSource(paperFields({ date: '2025-02-03', upvotes: i % 7 }));
    const run = await runBuild(await writePapers(files));
    expect(run.code).toBe(0);
    const first = await readPage(run.outDir, '/papers/date/2025-02-03/');
    const second = await readPage(run.outDir, '/papers/date/2025-02-03/page/2/');
    expect(cardLinks(first)).toHaveLength(100);
    expect(cardLinks(second)).toHaveLength(30);
    expect(new Set([...cardLinks(first), ...cardLinks(second)]).size).toBe(130);
    expect(second('ol.cards').attr('start')).toBe('101');
    expect(first('.pagination a[aria-current=page]').text()).toBe('1');
  });
});

describe('invalid content', () => {
  it('fails with one line per problem naming file and field, and writes nothing', async () => {
    const dir = await writePapers({
      'a.md': paperSource(paperFields({ autors: ['x'], date: '2025-02-30' })),
      'b.md': paperSource(paperFields({ arxiv: '2310.02970' })),
      'c.md': paperSource(paperFields({ arxiv: '2310.02970' })),
      'd.md': '---\ntitle: [unclosed\n---\nBody\n',
    });
    const run = await runBuild(dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${dir}/a\\.md:3: error: date: "2025-02-30" is not a real calendar day`)),
      expect.stringMatching(/a\.md:11: error: autors: unknown field; did you mean "authors"\?$/),
      expect.stringMatching(/c\.md: error: arxiv: id "2310\.02970" is also the id of .*b\.md/),
      expect.stringMatching(/d\.md:2: error: front matter is not valid YAML/),
      expect.stringMatching(/^build failed: 4 content errors/),
    ]);
    await expect(readdir(run.outDir)).rejects.toThrow();
  });

  it('leaves the previous output untouched', async () => {
    const good = await runBuild(await writePapers(calendarCorpus()));
    expect(good.code).toBe(0);
    const before = await treeHash(good.outDir);
    const bad = await runBuild(await writePapers({ 'x.md': paperSource(paperFields({ title: '' })) }), { outDir: good.outDir });
    expect(bad.code).toBe(1);
    expect(await treeHash(good.outDir)).toEqual(before);
    expect(await readdir(path.dirname(good.outDir))).toEqual(['_site']);
  });
});

describe('a search index that cannot be written', () => {
  it('fails the build with Pagefind\'s message and leaves the previous output untouched', async () => {
    const good = await runBuild(await writePapers(calendarCorpus()));
    expect(good.code).toBe(0);
    const before = await treeHash(good.outDir);
    const failing = path.join(root, 'tests/fixtures/failing-pagefind.mjs');
    const bad = await runBuild(await writePapers(calendarCorpus()), { outDir: good.outDir, env: { PAGEFIND_EXTENDED_BINARY_PATH: failing } });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([
      'search index: starting Pagefind failed: No space left on device (os error 28)',
      'build failed: the previous output was kept',
    ]);
    expect(await treeHash(good.outDir)).toEqual(before);
    expect(await readdir(path.dirname(good.outDir))).toEqual(['_site']);
  });
});

describe('an output folder whose parents do not exist yet', () => {
  it('is made, parents and all, with nothing left beside it', async () => {
    const parent = path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-out-')), 'deploys', 'today');
    const run = await runBuild(await writePapers(calendarCorpus()), { outDir: path.join(parent, 'site') });
    expect(run.code).toBe(0);
    expect(await readdir(parent)).toEqual(['site']);
    expect((await listFiles(path.join(parent, 'site'))).filter((f) => /^papers\/[^/]+\/index\.html$/.test(f)).length).toBeGreaterThan(5);
  });
});

describe('determinism', () => {
  it('builds byte-identical output in any time zone', async () => {
    const dir = await writePapers({ ...calendarCorpus(), ...hostileCorpus() });
    const utc = await runBuild(dir, { env: { TZ: 'UTC' } });
    const kiritimati = await runBuild(dir, { env: { TZ: 'Pacific/Kiritimati' } });
    const honolulu = await runBuild(dir, { env: { TZ: 'Pacific/Honolulu', LANG: 'de_DE.UTF-8' } });
    expect(utc.code).toBe(0);
    const reference = await treeHash(utc.outDir);
    expect(reference.size).toBeGreaterThan(30);
    expect(await treeHash(kiritimati.outDir)).toEqual(reference);
    expect(await treeHash(honolulu.outDir)).toEqual(reference);
  });
});

describe('daily builds from the page cache', () => {
  it('link unchanged pages from the last build and write exactly what a build without a cache writes', async () => {
    const files = calendarCorpus();
    const dir = await writePapers(files);
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-page-cache-'));
    const cold = await runBuild(dir, { cacheDir });
    expect(cold.code).toBe(0);
    expect(cold.stdout).not.toContain('from the page cache');

    const same = await runBuild(dir, { cacheDir });
    // The render cache is saved while the pages are made, and before the build ends.
    expect(cold.stdout).toMatch(/^cache: (\d+) of \1 shards written/m);
    expect(same.stdout).toMatch(/render: (\d+) abstracts, \1 from cache/);
    expect(same.stdout).toMatch(/listings: (\d+) listing pages, \1 from the page cache/);
    expect(same.stdout).toMatch(/papers: 6 paper pages with their BibTeX and JSON API files, 18 files, 6 from the page cache/);
    expect(await treeHash(same.outDir)).toEqual(await treeHash(cold.outDir));

    // The next day: a new paper on a new newest day, and a maintainer's edit to an old one.
    await writeFile(path.join(dir, 'next-day.md'), paperSource(paperFields({ arxiv: undefined, date: '2025-01-08', title: 'The next day', upvotes: 2, topics: [] })));
    await writeFile(path.join(dir, 'w53-a.md'), paperSource(paperFields({ arxiv: undefined, date: '2020-12-31', title: 'Week fifty-three A, corrected', upvotes: 3, topics: ['Federated Learning'] })));
    const daily = await runBuild(dir, { cacheDir });
    const fresh = await runBuild(dir, { args: ['--no-cache'] });
    expect(daily.code).toBe(0);
    expect(fresh.code).toBe(0);
    const papers = /papers: 7 paper pages with their BibTeX and JSON API files, 21 files, (\d+) from the page cache/.exec(daily.stdout);
    // Every paper but the edited one (the only one of its day: no neighbour links to it) and the new one.
    expect(Number(papers?.[1])).toBe(5);
    // Unchanged: the days, weeks and months without the edited paper outside January 2025 (whose calendar gained a day), and NLP.
    expect(daily.stdout).toMatch(/listings: 16 listing pages, 8 from the page cache/);
    expect(await treeHash(daily.outDir)).toEqual(await treeHash(fresh.outDir));
    expect((await readPage(daily.outDir, '/papers/w53-a/'))('h1').text()).toBe('Week fifty-three A, corrected');
    // An unchanged page is the last build's file, linked, not written again.
    const unchanged = 'papers/y25-b/index.html';
    expect((await stat(path.join(daily.outDir, unchanged))).ino).toBe((await stat(path.join(same.outDir, unchanged))).ino);
  });
});
