import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_DIGEST_HTML_BYTES, buildDigests, digestSubject, newestDays, renderDigest, toDigest } from '../src/digest.ts';
import type { ListingPage } from '../src/pages.ts';
import { defaultSettings } from '../src/site.ts';
import { calendarCorpus, hostileCorpus } from './helpers/corpus.ts';
import { digest, digestPaper } from './helpers/digests.ts';
import { emailClientProblems } from './helpers/email-lint.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { runBuild, type BuildRun } from './helpers/site.ts';

const settings = { ...defaultSettings, url: 'https://papers.example.org' };

function dayListing(key: string, overrides: Partial<ListingPage> = {}): ListingPage {
  return {
    kind: 'day', key, path: `/papers/date/${key}/`, url: `/papers/date/${key}/`, listingUrl: `/papers/date/${key}/`,
    title: key, count: 0, papers: [], pageNumber: 1, pages: [], up: [], ...overrides,
  };
}

describe('newestDays', () => {
  it('picks the first pages of the newest day listings, newest first', () => {
    const listings = [
      dayListing('2025-01-02'), dayListing('2025-01-09'), dayListing('2025-01-09', { pageNumber: 2 }),
      dayListing('2025-01-05'), { ...dayListing('2025-W02'), kind: 'week' as const },
    ];
    expect(newestDays(listings, 2).map((l) => l.key)).toEqual(['2025-01-09', '2025-01-05']);
    expect(newestDays(listings, 0)).toEqual([]);
  });
});

describe('digestSubject', () => {
  it('names the day, the top paper (cut at a word) and how many more', () => {
    expect(digestSubject('March 11, 2025', [{ title: 'Short' }], 9)).toBe('March 11, 2025: Short and 8 more');
    expect(digestSubject('March 11, 2025', [{ title: 'Only' }], 1)).toBe('March 11, 2025: Only');
    const long = digestSubject('March 11, 2025', [{ title: 'word '.repeat(40) }], 2);
    expect(long).toMatch(/^March 11, 2025: (word ){13}word… and 1 more$/);
  });
});

describe('toDigest', () => {
  it('takes the day\'s first papers with absolute URLs, and links the web version, feeds and unsubscribe page', () => {
    const card = (id: string) => ({
      id, path: `/papers/${id}/`, url: `/papers/${encodeURIComponent(id)}/`, title: `T ${id}`, date: '2025-01-07', dateLabel: '', upvotes: 1,
      authorsShort: 'A, B', authorCount: 2, topics: [{ label: '機械学習', url: '/topics/x/' }], links: [], excerpt: 'E', draft: false,
      cite: { id, title: `T ${id}`, authors: ['A', 'B'], date: '2025-01-07', keywords: ['機械学習'], abstract: 'E', upvotes: 1 },
    });
    const result = toDigest(dayListing('2025-01-07', { title: 'January 7, 2025', count: 40, papers: ['a', 'b', 'c'].map(card) }), { ...settings, digestPapers: 2 });
    expect(result.papers).toEqual([
      { title: 'T a', url: 'https://papers.example.org/papers/a/', authors: 'A, B', authorCount: 2, topics: ['機械学習'], upvotes: 1, excerpt: 'E' },
      expect.objectContaining({ title: 'T b' }),
    ]);
    expect(result).toMatchObject({
      count: 40, subject: 'January 7, 2025: T a and 39 more', webUrl: 'https://papers.example.org/papers/date/2025-01-07/',
      unsubscribeUrl: 'https://papers.example.org/unsubscribe/', siteUrl: 'https://papers.example.org/',
    });
    expect(result.feeds.map((f) => f.url)).toEqual(['/rss.xml', '/atom.xml', '/feed.json', '/feeds/'].map((p) => `https://papers.example.org${p}`));
  });
});

describe('renderDigest', () => {
  it('keeps every paper when the HTML fits', () => {
    const file = renderDigest(digest());
    expect(file.shown).toBe(3);
    expect(Buffer.byteLength(file.html)).toBeLessThan(MAX_DIGEST_HTML_BYTES);
  });

  it('shows fewer papers when they would not fit, the same in both parts, and says so', () => {
    const huge = Array.from({ length: 30 }, () => digestPaper({ title: 'Long title '.repeat(300), excerpt: 'x '.repeat(150) }));
    const file = renderDigest(digest({ papers: huge, count: 300 }));
    expect(file.shown).toBeGreaterThan(0);
    expect(file.shown).toBeLessThan(30);
    expect(Buffer.byteLength(file.html)).toBeLessThanOrEqual(MAX_DIGEST_HTML_BYTES);
    expect(cheerio.load(file.html)('td.paper')).toHaveLength(file.shown);
    expect(file.text.match(/^\d+\. /gm)).toHaveLength(file.shown);
    expect(file.html).toContain(`This email shows the ${file.shown} most upvoted.`);
  });

  it('fits the budget it is given exactly, down to no papers at all', () => {
    const small = renderDigest(digest(), 6_000);
    expect(Buffer.byteLength(small.html)).toBeLessThanOrEqual(6_000);
    expect(renderDigest(digest(), 1).shown).toBe(0);
  });
});

describe('buildDigests', () => {
  it('makes one digest per newest day, up to digestDays', () => {
    const listings = ['2025-01-01', '2025-01-02', '2025-01-03'].map((key) => dayListing(key, { title: key, count: 0 }));
    expect(buildDigests(listings, { ...settings, digestDays: 2 }).map((d) => d.day)).toEqual(['2025-01-03', '2025-01-02']);
  });
});

describe('the digests of a built site', () => {
  let run: BuildRun;
  const digestDir = () => path.join(run.outDir, 'digest');
  beforeAll(async () => {
    const files: Record<string, string> = { ...hostileCorpus(), ...calendarCorpus() };
    files['old.md'] = paperSource(paperFields({ arxiv: undefined, date: '2020-12-01', title: 'The oldest day' }));
    for (let i = 0; i < 300; i++) {
      files[`busy/p${i}.md`] = paperSource(paperFields({ date: '2025-02-03', upvotes: i, authors: ['محمد علي', '山田 太郎', 'Zoë Ångström', 'Ada Lovelace'], topics: ['機械学習', 'NLP'] }), `Abstract ${i} with $\\mathcal{O}(n^2)$ and ${'words '.repeat(80)}`);
    }
    run = await runBuild(await writePapers(files));
    expect(run.code).toBe(0);
  });

  it('writes an HTML and a text file for each of the newest seven listing days', async () => {
    const days = ['2020-12-31', '2021-01-03', '2021-01-04', '2024-12-30', '2025-01-06', '2025-01-07', '2025-02-03'];
    expect((await readdir(digestDir())).sort()).toEqual(days.flatMap((d) => [`${d}.html`, `${d}.txt`]));
  });

  it('keeps a 300-paper day under 100 kB, most upvoted first, with a link to all of them', async () => {
    const html = await readFile(path.join(digestDir(), '2025-02-03.html'), 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
    const $ = cheerio.load(html);
    expect($('td.paper')).toHaveLength(defaultSettings.digestPapers);
    expect($('td.paper .meta').first().text()).toMatch(/^299 upvotes/);
    expect($('.more a').text()).toBe('See all 300 papers of February 3, 2025');
    expect($('.more a').attr('href')).toBe('https://papers.example.org/papers/date/2025-02-03/');
    expect($('td.paper .excerpt').first().text()).toMatch(/^Abstract 299 with \$\\mathcal\{O\}\(n\^2\)\$ and words/);
  });

  it('keeps the text part in step with the HTML', async () => {
    const text = await readFile(path.join(digestDir(), '2025-02-03.txt'), 'utf8');
    expect(text.match(/^\d+\. /gm)).toHaveLength(defaultSettings.digestPapers);
    expect(text).toContain('https://papers.example.org/papers/date/2025-02-03/');
  });

  it('passes the email-client check on every day', async () => {
    for (const file of (await readdir(digestDir())).filter((f) => f.endsWith('.html'))) {
      expect(emailClientProblems(await readFile(path.join(digestDir(), file), 'utf8')), file).toEqual([]);
    }
  });

  it('carries hostile content as text', async () => {
    const $ = cheerio.load(await readFile(path.join(digestDir(), '2025-01-06.html'), 'utf8'));
    expect($('script, img, iframe')).toHaveLength(0);
    expect($('h2').text()).toContain('<script>alert("x")</script>');
  });
});
