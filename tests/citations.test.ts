import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPapers } from '../src/abstracts.ts';
import { arxivPdfUrl } from '../src/arxiv.ts';
import { loadPapers } from '../src/content.ts';
import type { RenderedPaper } from '../src/views.ts';
import { parseBibtex } from './helpers/bibtex.ts';
import { citeCorpus } from './helpers/cite-corpus.ts';
import { calendarCorpus, hostileCorpus } from './helpers/corpus.ts';
import { writePapers } from './helpers/papers.ts';
import { fileFor, readPage, runBuild, type BuildRun } from './helpers/site.ts';
import { embeddedMetadata, trimInternal } from './helpers/zotero.ts';

const SITE = 'https://papers.example.org';
const slash = (day: string) => day.replaceAll('-', '/');
const pdfOf = (p: RenderedPaper) => p.pdf ?? (p.arxiv ? arxivPdfUrl(p.arxiv, p.arxivVersion) : undefined);
/** How each author must reach Zotero; names Zotero would split are rewritten (see src/meta-tags.ts). */
const ZOTERO_NAMES: Record<string, string[]> = {
  'lone-comma-author': ['Putri A. van der Linden'],
  'semicolon-author': ['Alan Turing, and friends', 'Grace Hopper'],
};

describe('citation metadata on pages built from hostile and tricky content', () => {
  let run: BuildRun;
  let papers: RenderedPaper[];
  beforeAll(async () => {
    const dir = await writePapers({ ...hostileCorpus(), ...calendarCorpus(), ...citeCorpus() });
    run = await runBuild(dir);
    papers = renderPapers((await loadPapers(dir)).papers.filter((p) => !p.draft)).papers;
  });

  it('builds', () => {
    expect(run.code).toBe(0);
    expect(papers.length).toBeGreaterThan(15);
  });

  it('gives Zotero\'s Embedded Metadata rules the title, all authors in order, date, abstract, DOI and PDF', async () => {
    for (const paper of papers) {
      const item = embeddedMetadata(await readPage(run.outDir, `/papers/${paper.id}/`));
      const name = path.basename(paper.file, '.md');
      expect(item.fields.title, paper.id).toBe(paper.title);
      expect(item.creators, paper.id).toEqual(ZOTERO_NAMES[name] ?? paper.authors);
      expect(item.fields.date, paper.id).toBe(slash(paper.published ?? paper.date));
      expect(item.fields.abstractNote, paper.id).toBe(trimInternal(paper.text));
      expect(item.fields.DOI, paper.id).toBe(paper.arxiv ? `10.48550/arXiv.${paper.arxiv}` : undefined);
      expect(item.pdf, paper.id).toBe(pdfOf(paper));
      expect(item.itemType, paper.id).toBe(paper.venue ? 'conferencePaper' : 'journalArticle');
      if (paper.venue) expect(item.fields.conferenceName).toBe(paper.venue);
    }
  });

  it('has every citation_* tag with its value, exactly once where Scholar expects one', async () => {
    for (const paper of papers) {
      const $ = await readPage(run.outDir, `/papers/${paper.id}/`);
      const tags = (name: string) => $(`head > meta[name="${name}"]`).map((_, m) => $(m).attr('content')).get();
      expect(tags('citation_title'), paper.id).toEqual([paper.title]);
      expect(tags('citation_author'), paper.id).toHaveLength(paper.authors.length);
      expect(tags('citation_date')).toEqual([slash(paper.published ?? paper.date)]);
      expect(tags('citation_publication_date')).toEqual(tags('citation_date'));
      expect(tags('citation_online_date')).toEqual([slash(paper.date)]);
      expect(tags('citation_abstract')).toEqual([paper.text]);
      expect(tags('citation_pdf_url')).toEqual(pdfOf(paper) ? [pdfOf(paper)] : []);
      expect(tags('citation_arxiv_id')).toEqual(paper.arxiv ? [paper.arxiv] : []);
      expect(tags('citation_doi')).toEqual(paper.arxiv ? [`10.48550/arXiv.${paper.arxiv}`] : []);
      expect(tags('citation_conference_title')).toEqual(paper.venue ? [paper.venue] : []);
      expect(tags('citation_keywords')).toHaveLength(paper.topics.length > 0 ? 1 : 0);
    }
  });

  it('embeds JSON-LD that parses, whatever the title holds, with the paper\'s facts', async () => {
    for (const paper of papers) {
      const $ = await readPage(run.outDir, `/papers/${paper.id}/`);
      const blocks = $('script[type="application/ld+json"]');
      expect(blocks, paper.id).toHaveLength(1);
      const article = JSON.parse(blocks.text()) as Record<string, unknown>;
      expect(article).toMatchObject({
        '@type': 'ScholarlyArticle', headline: paper.title, abstract: paper.text, datePublished: paper.published ?? paper.date,
        url: $('link[rel=canonical]').attr('href'), author: paper.authors.map((name) => ({ '@type': 'Person', name })),
      });
      if (paper.arxiv) expect(article.sameAs).toBe(`https://arxiv.org/abs/${paper.arxiv}`);
    }
    const html = await readFile(fileFor(run.outDir, '/papers/hostile-markup/'), 'utf8');
    const raw = html.split('<script type="application/ld+json">')[1]?.split('</script>')[0] as string;
    expect((JSON.parse(raw) as { headline: string }).headline).toContain('</script>');
  });

  it('has a canonical URL, Open Graph and Twitter card tags that agree with it', async () => {
    for (const paper of papers) {
      const $ = await readPage(run.outDir, `/papers/${paper.id}/`);
      const og = (key: string) => $(`meta[property="og:${key}"]`).attr('content');
      const canonical = $('link[rel=canonical]').attr('href');
      expect(canonical).toBe(`${SITE}/papers/${paper.id}/`);
      expect([og('url'), og('title'), og('type'), og('site_name')]).toEqual([canonical, paper.title, 'article', 'paperfeed']);
      expect(og('description')?.length).toBeGreaterThan(0);
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary');
      expect($('meta[name="twitter:title"]').attr('content')).toBe(paper.title);
    }
  });

  it('shows the BibTeX in a Cite section, the same as the .bib download, which a parser reads back', async () => {
    for (const paper of papers) {
      const $ = await readPage(run.outDir, `/papers/${paper.id}/`);
      const bib = await readFile(fileFor(run.outDir, `/papers/${paper.id}/cite.bib`), 'utf8');
      expect($('.cite pre code').text()).toBe(bib);
      const download = $('.cite a[download]');
      expect(download.attr('href')).toBe(`/papers/${paper.id}/cite.bib`);
      const library = parseBibtex(bib, { raw: true });
      expect(library.errors, paper.id).toEqual([]);
      expect(download.attr('download')).toBe(`${library.entries[0]?.key}.bib`);
      expect(library.entries[0]?.fields.author?.length ?? 0).toBe(paper.authors.length);
    }
  });

  it('has a copy button that only the script reveals, announcing into a live region', async () => {
    const $ = await readPage(run.outDir, '/papers/2501.00002/');
    const button = $('.cite button');
    expect(button.attr('hidden')).toBeDefined();
    expect(button.text()).toBe('Copy BibTeX');
    expect($(`#${button.attr('data-copy-target')}`).is('code')).toBe(true);
    expect($(`#${button.attr('data-copy-status')}`).attr('role')).toBe('status');
    const script = $('script[src*="copy-bibtex"]');
    expect(script.attr('src')).toMatch(/^\/assets\/copy-bibtex\.[0-9a-f]{10}\.js$/);
    expect(script.attr('defer')).toBeDefined();
    const day = await readPage(run.outDir, '/papers/date/2025-01-06/');
    expect(day('script[src*="copy-bibtex"]')).toHaveLength(0);
  });

  it('puts a COinS span on every card that carries the paper\'s title and authors', async () => {
    const day = await readPage(run.outDir, '/papers/date/2025-01-06/');
    const cards = day('ol.cards .card');
    expect(cards.length).toBeGreaterThan(2);
    cards.each((_, card) => {
      const href = day(card).find('.card-title a').attr('href') as string;
      const paper = papers.find((p) => `/papers/${p.id}/` === href) as RenderedPaper;
      const context = new URLSearchParams(day(card).find('span.Z3988').attr('title'));
      expect(context.get('rft.atitle')).toBe(paper.title);
      expect(context.getAll('rft.au')).toEqual(paper.authors);
      expect(context.getAll('rft_id')).toContain(`${SITE}${href}`);
    });
  });

  it('links a day\'s BibTeX and JSON from its listing page', async () => {
    const $ = await readPage(run.outDir, '/papers/date/2025-02-03/');
    const links = $('.listing-exports a').map((_, a) => $(a).attr('href')).get();
    expect(links).toEqual(['/papers/date/2025-02-03/papers.bib', '/api/daily_papers/2025-02-03.json']);
  });

  it('gives every HTML page a meta description', async () => {
    const pages = ['/', '/404.html', '/topics/', '/papers/date/2025-01-06/', '/papers/week/2025-W02/', '/papers/month/2025-01/', '/papers/hep-th/9901001/'];
    for (const url of pages) {
      const $ = await readPage(run.outDir, url);
      expect(($('meta[name=description]').attr('content') ?? '').length, url).toBeGreaterThan(10);
    }
  });
});
