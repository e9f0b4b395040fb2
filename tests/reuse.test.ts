import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPapers } from '../src/content.ts';
import type { Paper } from '../src/content.ts';
import { schemaErrors, validators } from './helpers/api-schema.ts';
import { parseBibtex } from './helpers/bibtex.ts';
import { citeCorpus } from './helpers/cite-corpus.ts';
import { calendarCorpus, hostileCorpus } from './helpers/corpus.ts';
import { writePapers } from './helpers/papers.ts';
import { fileFor, readPage, runBuild, type BuildRun } from './helpers/site.ts';
import { SITEMAP_XSD, xmlSchemaProblems } from './helpers/xml.ts';

const SITE = 'https://papers.example.org';
const readJson = async (outDir: string, url: string) => JSON.parse(await readFile(fileFor(outDir, url), 'utf8')) as unknown;

async function filesUnder(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => path.join(e.parentPath, e.name)).sort();
}

describe('files for reuse, built from hostile and tricky content', () => {
  let run: BuildRun;
  let papers: Paper[];
  beforeAll(async () => {
    const dir = await writePapers({ ...hostileCorpus(), ...calendarCorpus(), ...citeCorpus() });
    run = await runBuild(dir);
    papers = (await loadPapers(dir)).papers.filter((p) => !p.draft);
  });

  it('builds', () => {
    expect(run.code).toBe(0);
  });

  it('writes a .bib per day with every paper of the day, keys unique', async () => {
    for (const day of [...new Set(papers.map((p) => p.date))]) {
      const library = parseBibtex(await readFile(fileFor(run.outDir, `/papers/date/${day}/papers.bib`), 'utf8'), { raw: true });
      expect(library.errors, day).toEqual([]);
      const ofDay = papers.filter((p) => p.date === day);
      expect(library.entries, day).toHaveLength(ofDay.length);
      expect(library.entries.flatMap((e) => (e.fields.eprint ? [e.fields.eprint] : [])).sort()).toEqual(ofDay.flatMap((p) => (p.arxiv ? [p.arxiv] : [])).sort());
      expect(new Set(library.entries.map((e) => e.key)).size).toBe(library.entries.length);
    }
    const twins = parseBibtex(await readFile(fileFor(run.outDir, '/papers/date/2025-02-03/papers.bib'), 'utf8'), { raw: true });
    expect(twins.entries.filter((e) => e.key.startsWith('lovelace2025twin')).map((e) => [e.key, e.fields.eprint])).toEqual([
      ['lovelace2025twina', '2502.00012'],
      ['lovelace2025twin', '2502.00011'],
    ]);
  });

  it('keeps an old-style id\'s slash in its page, .bib and API paths', async () => {
    for (const url of ['/papers/hep-th/9901001/cite.bib', '/api/papers/hep-th/9901001.json', '/api/papers/math.CA/0611800.json', '/papers/math.CA/0611800/cite.bib']) {
      await expect(readFile(fileFor(run.outDir, url), 'utf8'), url).resolves.toBeTruthy();
    }
    expect(await readJson(run.outDir, '/api/papers/hep-th/9901001.json')).toMatchObject({ id: 'hep-th/9901001' });
  });

  it('writes an API file per paper and per day, each matching the schema', async () => {
    const apiDir = path.join(run.outDir, 'api');
    const paperFiles = await filesUnder(path.join(apiDir, 'papers'), '.json');
    expect(paperFiles).toHaveLength(papers.length);
    for (const file of paperFiles) expect(schemaErrors(validators.paper, JSON.parse(await readFile(file, 'utf8'))), file).toEqual([]);
    const dayFiles = await filesUnder(path.join(apiDir, 'daily_papers'), '.json');
    expect(dayFiles).toHaveLength(new Set(papers.map((p) => p.date)).size + 1);
    for (const file of dayFiles) expect(schemaErrors(validators.daily, JSON.parse(await readFile(file, 'utf8'))), file).toEqual([]);
  });

  it('lists a day\'s API entries in the page\'s trending order, and latest.json is the newest day', async () => {
    const $ = await readPage(run.outDir, '/papers/date/2025-01-06/');
    const order = $('ol.cards .card-title a').map((_, a) => $(a).attr('href')).get();
    const entries = (await readJson(run.outDir, '/api/daily_papers/2025-01-06.json')) as { paper: { id: string; upvotes: number } }[];
    expect(entries.map((e) => `/papers/${e.paper.id}/`)).toEqual(order);
    const newest = [...new Set(papers.map((p) => p.date))].sort().at(-1) as string;
    expect(await readJson(run.outDir, '/api/daily_papers/latest.json')).toEqual(await readJson(run.outDir, `/api/daily_papers/${newest}.json`));
  });

  it('gives the paper\'s facts in its API file', async () => {
    const paper = papers.find((p) => p.venue === 'ICLR 2024') as Paper;
    expect(await readJson(run.outDir, `/api/papers/${paper.id}.json`)).toMatchObject({
      id: '2310.02970', title: paper.title, authors: paper.authors.map((name) => ({ name })), upvotes: paper.upvotes,
      publishedAt: '2023-10-04T00:00:00.000Z', submittedOnDailyAt: '2025-02-03T00:00:00.000Z',
      githubRepo: 'https://github.com/ebekkers/ponita', projectPage: 'https://example.org/ponita',
    });
  });

  it('has a sitemap that validates and lists every canonical page once, dated by its papers', async () => {
    const sitemap = await readFile(path.join(run.outDir, 'sitemap.xml'), 'utf8');
    expect(await xmlSchemaProblems(SITEMAP_XSD, [path.join(run.outDir, 'sitemap.xml')])).toEqual([]);
    const $ = cheerio.load(sitemap, { xml: true });
    const listed = new Map($('url').map((_, u) => [[$(u).find('loc').text(), $(u).find('lastmod').text()]]).get() as [string, string][]);
    const canonicals = new Set<string>();
    for (const file of await filesUnder(run.outDir, '.html')) {
      const page = cheerio.load(await readFile(file, 'utf8'));
      const canonical = page('link[rel=canonical]').attr('href');
      if (canonical) canonicals.add(canonical);
    }
    expect(new Set(listed.keys())).toEqual(canonicals);
    expect($('url').length).toBe(listed.size);
    for (const paper of papers) expect(listed.get(`${SITE}/papers/${paper.id}/`), paper.id).toBe(paper.date);
    expect(listed.get(`${SITE}/papers/week/2020-W53/`)).toBe('2021-01-03');
  });

  it('has a robots.txt that points to the sitemap', async () => {
    expect(await readFile(path.join(run.outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});

describe('files for reuse on an empty site', () => {
  it('still has a valid sitemap of its home, topic and feed pages, robots.txt and an empty latest.json', async () => {
    const run = await runBuild(await writePapers({}));
    expect(run.code).toBe(0);
    expect(await xmlSchemaProblems(SITEMAP_XSD, [path.join(run.outDir, 'sitemap.xml')])).toEqual([]);
    const $ = cheerio.load(await readFile(path.join(run.outDir, 'sitemap.xml'), 'utf8'), { xml: true });
    expect($('loc').map((_, loc) => $(loc).text()).get()).toEqual([`${SITE}/`, `${SITE}/topics/`, `${SITE}/feeds/`, `${SITE}/search/`, `${SITE}/about/`]);
    expect(await readJson(run.outDir, '/api/daily_papers/latest.json')).toEqual([]);
    expect(await readFile(path.join(run.outDir, 'robots.txt'), 'utf8')).toContain('Sitemap:');
  });
});
