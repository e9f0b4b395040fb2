import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildPages } from '../src/pages.ts';
import { defaultSettings } from '../src/site.ts';
import { robotsTxt, SITEMAP_MAX_URLS, sitemapEntries, sitemapFiles, type SitemapEntry } from '../src/sitemap.ts';
import type { RenderedPaper } from '../src/views.ts';
import { SITEINDEX_XSD, SITEMAP_XSD, tempFile, xmlSchemaProblems } from './helpers/xml.ts';

const SITE = 'https://papers.example.org';
let n = 0;
const paper = (overrides: Partial<RenderedPaper> = {}): RenderedPaper => {
  n++;
  return { id: `p${n}`, file: `p${n}.md`, title: `Paper ${n}`, date: '2025-03-11', authors: [], topics: [], upvotes: 0, draft: false, abstract: 'x', html: '', text: 'x', hasMath: false, ...overrides };
};

const locs = (xml: string) => cheerio.load(xml, { xml: true })('loc').map((_, el) => cheerio.load(xml, { xml: true })(el).text()).get();

describe('sitemapEntries', () => {
  it('lists the topic index, every listing page and every paper page, each dated by its newest paper', () => {
    const pages = buildPages(
      [paper({ id: 'old', date: '2025-03-10', topics: ['Équité'] }), paper({ id: 'new', date: '2025-03-12', topics: ['équité', '機械学習'] }), paper({ id: 'hep-th/9901001', date: '2025-03-12' })],
      { ...defaultSettings, listingPageSize: 1 },
    );
    const entries = sitemapEntries(pages);
    expect(entries).toContainEqual({ path: '/topics/', lastmod: '2025-03-12' });
    expect(entries).toContainEqual({ path: '/about/', lastmod: '2025-03-12' });
    expect(entries).toContainEqual({ path: '/papers/old/', lastmod: '2025-03-10' });
    expect(entries).toContainEqual({ path: '/papers/hep-th/9901001/', lastmod: '2025-03-12' });
    expect(entries).toContainEqual({ path: '/papers/date/2025-03-12/page/2/', lastmod: '2025-03-12' });
    expect(entries.filter((e) => e.path.startsWith('/topics/equite/'))).toEqual([
      { path: '/topics/equite/', lastmod: '2025-03-12' },
      { path: '/topics/equite/page/2/', lastmod: '2025-03-12' },
    ]);
    expect(entries).toContainEqual({ path: '/papers/month/2025-03/page/3/', lastmod: '2025-03-12' });
    expect(entries.map((e) => e.path)).not.toContain('/');
    expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
  });

  it('lists the home page, undated, only on an empty site', () => {
    expect(sitemapEntries(buildPages([], defaultSettings))).toEqual([{ path: '/' }, { path: '/topics/' }, { path: '/feeds/' }, { path: '/search/' }, { path: '/about/' }]);
  });
});

describe('sitemapFiles', () => {
  const entries = (count: number): SitemapEntry[] =>
    Array.from({ length: count }, (_, i) => ({ path: `/papers/p${i}/`, lastmod: `2025-03-${String((i % 28) + 1).padStart(2, '0')}` }));

  it('writes one sitemap that validates against the sitemaps.org schema', async () => {
    const files = sitemapFiles([...entries(3), { path: '/topics/機械学習/' }, { path: '/?a=1&b=<2>' }], SITE);
    expect(files.map((f) => f.path)).toEqual(['/sitemap.xml']);
    const body = files[0]?.body as string;
    expect(await xmlSchemaProblems(SITEMAP_XSD, [await tempFile('sitemap.xml', body)])).toEqual([]);
    expect(locs(body)).toEqual([
      'https://papers.example.org/papers/p0/', 'https://papers.example.org/papers/p1/', 'https://papers.example.org/papers/p2/',
      'https://papers.example.org/topics/%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92/', 'https://papers.example.org/%3Fa%3D1%26b%3D%3C2%3E',
    ]);
  });

  it('splits into parts under a sitemap index above the limit, every file valid', async () => {
    const files = sitemapFiles(entries(7), SITE, 3);
    expect(files.map((f) => f.path)).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
    const [index, ...parts] = files;
    expect(await xmlSchemaProblems(SITEINDEX_XSD, [await tempFile('sitemap.xml', index?.body as string)])).toEqual([]);
    const partFiles = await Promise.all(parts.map((p, i) => tempFile(`sitemap-${i + 1}.xml`, p.body)));
    expect(await xmlSchemaProblems(SITEMAP_XSD, partFiles)).toEqual([]);
    expect(locs(index?.body as string)).toEqual(['https://papers.example.org/sitemap-1.xml', 'https://papers.example.org/sitemap-2.xml', 'https://papers.example.org/sitemap-3.xml']);
    expect(parts.map((p) => locs(p.body).length)).toEqual([3, 3, 1]);
    expect(parts.flatMap((p) => locs(p.body))).toEqual(entries(7).map((e) => `${SITE}${e.path}`));
    const $ = cheerio.load(index?.body as string, { xml: true });
    expect($('lastmod').map((_, el) => $(el).text()).get()).toEqual(['2025-03-03', '2025-03-06', '2025-03-07']);
  });

  it('keeps exactly the limit in one file and splits one more', () => {
    expect(sitemapFiles(entries(4), SITE, 4)).toHaveLength(1);
    expect(sitemapFiles(entries(5), SITE, 4)).toHaveLength(3);
    expect(SITEMAP_MAX_URLS).toBe(50_000);
  });

  it('rejects an invalid sitemap, so the schema check can fail', async () => {
    const bad = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>yesterday</lastmod></url></urlset>';
    expect((await xmlSchemaProblems(SITEMAP_XSD, [await tempFile('bad.xml', bad)])).length).toBeGreaterThan(0);
  });
});

describe('robotsTxt', () => {
  it('points to the sitemap and keeps crawlers out of the API and .bib files', () => {
    expect(robotsTxt(SITE)).toEqual({
      path: '/robots.txt',
      body: 'User-agent: *\nDisallow: /api/\nDisallow: /*.bib$\n\nSitemap: https://papers.example.org/sitemap.xml\n',
    });
  });
});
