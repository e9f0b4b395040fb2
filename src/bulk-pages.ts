/**
 * The bulk of a site — a page per paper (with its BibTeX and JSON API files) and the listing pages
 * of every day, week, month and topic — rendered from `layouts/pages/paper.njk` and
 * `layouts/pages/listing.njk` with the site's Nunjucks environment (src/nunjucks.ts) and written
 * straight to disk by the build and the dev server, after Eleventy (content/bulk-files.md marks
 * them). Through Eleventy's pagination each page also paid its pipeline (permalink, data cascade,
 * page object; about a millisecond for a paper page, five for a listing) and Eleventy held every
 * page's HTML until its run ended; rendered here, a page costs its template alone and is written
 * and dropped at once.
 *
 * Each page is a {@link BulkPage}: the files it makes, the data they are made from, and how to render
 * them. The templates see the site-wide data through {@link bulkGlobals} only — the parts that do not
 * change from one daily build to the next — and each page's header navigation as `nav`, so a page's
 * inputs are its own data plus those; with a page cache (src/page-cache.ts) a page whose inputs did
 * not change is linked from the last build instead of rendered.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { dailyFiles, dailyJson } from './api.ts';
import { bibliography } from './bibtex.ts';
import { paperFiles, type OutputFile } from './bulk-files.ts';
import { citablesByDay } from './citable.ts';
import { toCiteView } from './cite-view.ts';
import type { Feed } from './feeds.ts';
import { siteNav, type NavItem } from './navigation.ts';
import type { NunjucksEnvironment } from './nunjucks.ts';
import type { PageCache } from './page-cache.ts';
import { inlinePageWriter, type PageWriter } from './page-writer.ts';
import type { SiteData } from './site-data.ts';
import type { Card } from './views.ts';
import { apiPaperPath, dayBibPath, paperBibPath } from './urls.ts';

export const PAPER_TEMPLATE = 'pages/paper.njk';
export const LISTING_TEMPLATE = 'pages/listing.njk';
/** What a listing day's files are made by (no template: src/bibtex.ts and src/api.ts), named in their page-cache inputs. */
export const DAY_FILES = 'day files';

/** Where a page for a URL path goes: `/papers/x/` → `/papers/x/index.html`. */
export function pageFile(urlPath: string): string {
  return urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
}

/** A page and the files of its own, before they are rendered. */
export interface BulkPage {
  /** Site paths of its files, the page first, e.g. `/papers/2310.02970/index.html`. */
  paths: string[];
  /** Everything its files are made from besides the code and {@link bulkGlobals}: plain JSON data, the page cache's key. */
  inputs: unknown;
  /** Its files' contents, in the order of `paths`. */
  render(): string[];
}

/** What a feed's links need (no entries or dates, which change every day). */
function feedHeading(feed: Feed) {
  return { key: feed.key, kind: feed.kind, name: feed.name, title: feed.title, links: feed.links };
}

/**
 * The site-wide data the bulk templates see as `paperfeed`: settings, asset paths, feed links and
 * the subscription forms — nothing that changes when a day is added (the newest day, week and month
 * reach a page only through its `nav`). A template that reads anything else fails the build
 * (`throwOnUndefined`) instead of silently outliving the page cache.
 */
export function bulkGlobals(data: SiteData) {
  return {
    settings: data.settings,
    stylesheet: { path: data.stylesheet.path },
    mathStylesheet: { path: data.mathStylesheet.path },
    citeScript: { path: data.citeScript.path },
    scripts: { shortcut: { path: data.scripts.shortcut.path } },
    manifest: { path: data.manifest.path, themes: data.manifest.themes },
    feeds: { site: feedHeading(data.feeds.site), topics: data.feeds.topics.map(feedHeading) },
    subscription: data.subscription,
  };
}

/**
 * Every paper's page, with its BibTeX and JSON API files (src/bulk-files.ts). The page's citation
 * (BibTeX, meta tags, JSON-LD) is computed once, at render time, for the page and its `.bib` file; the
 * layout expects it as `citation`.
 */
export function* paperBulkPages(env: NunjucksEnvironment, data: SiteData, globals = bulkGlobals(data)): Generator<BulkPage> {
  const template = env.getTemplate(PAPER_TEMPLATE, true);
  for (const paper of data.pages.papers) {
    const nav: NavItem[] = siteNav(data.pages.latest, paper.url);
    yield {
      paths: [pageFile(paper.path), paperBibPath(paper.id), apiPaperPath(paper.id)],
      inputs: { template: PAPER_TEMPLATE, nav, paper },
      render() {
        const citation = toCiteView(paper.cite, data.settings);
        const page = template.render({ paperfeed: globals, paper, citation, nav, page: { url: paper.url } });
        return [page, ...[...paperFiles(paper, citation)].map((file) => file.body)];
      },
    };
  }
}

/**
 * A SHA-256 of a card's JSON, once per card: a paper's card is on its day's, week's, month's and
 * topics' listing pages (the same object, src/pages.ts), and a listing page's inputs name its cards by
 * these digests instead of repeating 100 cards' JSON (270 kB a page; 800 MB over a 60,000-paper site).
 */
const cardDigests = new WeakMap<Card, string>();
function cardDigest(card: Card): string {
  let digest = cardDigests.get(card);
  if (!digest) cardDigests.set(card, (digest = createHash('sha256').update(JSON.stringify(card)).digest('base64url')));
  return digest;
}

/** Every listing page (days, weeks, months, topics, and their numbered pages). */
export function* listingBulkPages(env: NunjucksEnvironment, data: SiteData, globals = bulkGlobals(data)): Generator<BulkPage> {
  const template = env.getTemplate(LISTING_TEMPLATE, true);
  for (const listing of data.pages.listings) {
    const nav = siteNav(data.pages.latest, listing.url);
    yield {
      paths: [pageFile(listing.path)],
      get inputs() {
        return { template: LISTING_TEMPLATE, nav, listing: { ...listing, papers: listing.papers.map(cardDigest) } };
      },
      render: () => [template.render({ paperfeed: globals, listing, nav, page: { url: listing.url } })],
    };
  }
}

/**
 * Every listing day's BibTeX (`/papers/date/<day>/papers.bib`) and JSON API file
 * (`/api/daily_papers/<day>.json`), and `latest.json` (src/api.ts `dailyFiles`). Eleventy would hold
 * them all until its run ends, 140 MB of text at 60,000 papers; here each day is rendered, written
 * and dropped.
 */
export function* dayBulkPages(data: SiteData): Generator<BulkPage> {
  const siteUrl = data.settings.url;
  for (const { path: json, day, cites } of dailyFiles(citablesByDay(data.pages.papers))) {
    yield day === undefined
      ? { paths: [json], inputs: { files: DAY_FILES, latest: true, cites }, render: () => [dailyJson(cites)] }
      : { paths: [dayBibPath(day), json], inputs: { files: DAY_FILES, siteUrl, cites }, render: () => [bibliography(cites, siteUrl), dailyJson(cites)] };
  }
}

function* files(pages: Iterable<BulkPage>): Generator<OutputFile> {
  for (const page of pages) {
    const bodies = page.render();
    for (const [i, file] of page.paths.entries()) yield { path: file, body: bodies[i] as string };
  }
}

/** Every paper's page, then its BibTeX and JSON API files, rendered one paper at a time as they are asked for. */
export function paperPages(env: NunjucksEnvironment, data: SiteData): Generator<OutputFile> {
  return files(paperBulkPages(env, data));
}

/** Every listing page, rendered one at a time as they are asked for. */
export function listingPages(env: NunjucksEnvironment, data: SiteData): Generator<OutputFile> {
  return files(listingBulkPages(env, data));
}

/** Every listing day's BibTeX and JSON API files, rendered one day at a time as they are asked for. */
export function dayFiles(data: SiteData): Generator<OutputFile> {
  return files(dayBulkPages(data));
}

export interface WrittenPages {
  pages: number;
  files: number;
  /** Pages linked from the page cache instead of rendered. */
  cached: number;
}

/**
 * Writes `pages` under `outDir` through `writer` (by default on this thread, see src/page-writer.ts):
 * linked from the page cache when it holds a page's inputs, else rendered, written and kept there. A
 * page whose cache entry went missing after it was listed is rendered and written at the end.
 */
export async function writePages(outDir: string, pages: Iterable<BulkPage>, cache?: PageCache, writer: PageWriter = inlinePageWriter(cache?.dir)): Promise<WrittenPages> {
  const result: WrittenPages = { pages: 0, files: 0, cached: 0 };
  const restores = new Map<number, { page: BulkPage; targets: string[]; key: string }>();
  try {
    for (const page of pages) {
      const targets = page.paths.map((file) => path.join(outDir, file));
      result.pages++;
      result.files += targets.length;
      const key = cache?.key(page.inputs);
      if (key !== undefined && cache?.has(key, targets.length)) {
        restores.set(writer.send({ targets, restore: key }), { page, targets, key });
        continue;
      }
      writer.send({ targets, bodies: page.render(), ...(key !== undefined ? { keep: key } : {}) });
      if (key !== undefined) cache?.track(key, targets.length, false);
    }
  } catch (error) {
    // The writer's own error, when it is why sending failed; else the renderer's.
    throw await writer.finish().then(() => error, (writerError: unknown) => writerError);
  }
  const missed = new Set(await writer.finish());
  const again = inlinePageWriter(cache?.dir);
  for (const [number, { page, targets, key }] of restores) {
    if (missed.has(number)) {
      again.send({ targets, bodies: page.render(), keep: key });
      cache?.track(key, targets.length, false);
    } else {
      cache?.track(key, targets.length, true);
      result.cached++;
    }
  }
  return result;
}

const fromCache = (written: WrittenPages) => (written.cached ? `, ${written.cached} from the page cache` : '');

/** Writes every listing page and day's files, then every paper's page and files, under `outDir`; one progress line each. Returns the files written. */
export async function writeBulkPages(env: NunjucksEnvironment, data: SiteData, outDir: string, log: (line: string) => void = () => {}, now = () => performance.now(), cache?: PageCache, startWriter: (cacheDir?: string) => PageWriter = inlinePageWriter): Promise<number> {
  const globals = bulkGlobals(data);
  let started = now();
  const listingWriter = startWriter(cache?.dir);
  const paperWriter = startWriter(cache?.dir);
  let listings: WrittenPages;
  let days: WrittenPages;
  try {
    listings = await writePages(outDir, listingBulkPages(env, data, globals), cache, listingWriter);
    log(`listings: ${listings.pages} listing pages${fromCache(listings)} (${Math.round(now() - started)} ms)`);
    started = now();
    days = await writePages(outDir, dayBulkPages(data), cache);
  } catch (error) {
    await paperWriter.finish().catch(() => {});
    throw error;
  }
  log(`days: ${days.files} BibTeX and JSON API files of the listing days${fromCache(days)} (${Math.round(now() - started)} ms)`);
  started = now();
  const papers = await writePages(outDir, paperBulkPages(env, data, globals), cache, paperWriter);
  log(`papers: ${papers.pages} paper pages with their BibTeX and JSON API files, ${papers.files} files${fromCache(papers)} (${Math.round(now() - started)} ms)`);
  return listings.files + days.files + papers.files;
}
