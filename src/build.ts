/**
 * A production build: load the site once; as soon as the abstracts are rendered, start indexing
 * them for search in a child process; into a fresh folder next to the output let Eleventy write its
 * pages, then write the listing pages, the days' BibTeX and API files and the paper pages with their
 * files directly (src/bulk-pages.ts);
 * only when everything succeeded swap that folder in. A failed build leaves the last good output
 * exactly as it was.
 */
import { mkdirSync } from 'node:fs';
import { rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import Eleventy from '@11ty/eleventy';
import type { RenderCache } from './abstracts.ts';
import { bulkGlobals, writeBulkPages } from './bulk-pages.ts';
import { countOf } from './filters.ts';
import { collectGarbage } from './gc.ts';
import { createNunjucks } from './nunjucks.ts';
import { codeFingerprint, openPageCache } from './page-cache.ts';
import { startPageWriter } from './page-writer.ts';
import { displayPath, type Problem } from './problems.ts';
import { planSearchIndex } from './search-index.ts';
import { indexInChildProcess, type SearchRun } from './search-process.ts';
import type { SiteSettings } from './site.ts';
import { loadSite, type SiteData } from './site-data.ts';
import type { SearchSource } from './search-records.ts';

export interface BuildOptions {
  /** The project folder: templates, layouts, styles and the Eleventy config are found from here. */
  root: string;
  papersDir: string;
  outDir: string;
  settings: SiteSettings;
  cache?: RenderCache;
  /** Keeps each search shard's index between builds here (src/search-cache.ts); packs this build did not use are removed. */
  searchCacheDir?: string;
  /** Keeps the paper and listing pages between builds here (src/page-cache.ts); entries this build did not use are removed after it. */
  pageCacheDir?: string;
  log?: (line: string) => void;
  now?: () => number;
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  /** Files written (by Eleventy, the bulk pages and the search indexer), when the build succeeded. */
  files?: number;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/** Replaces `outDir` by `nextDir` with two renames; the old output is removed afterwards. */
async function swapIn(nextDir: string, outDir: string): Promise<void> {
  const oldDir = `${outDir}.old-${process.pid}`;
  const hadOutput = await exists(outDir);
  if (hadOutput) await rename(outDir, oldDir);
  try {
    await rename(nextDir, outDir);
  } catch (error) {
    if (hadOutput) await rename(oldDir, outDir);
    throw error;
  }
  if (hadOutput) await rm(oldDir, { recursive: true, force: true });
}

/** Papers from which a build keeps its heap close to what it uses (see {@link limitHeapGrowth}). */
export const LARGE_SITE_PAPERS = 20_000;

/**
 * On a large site, has V8 collect garbage before its heap grows past 1.4 × what was live after the
 * last full collection. By default it lets the heap grow to 2.5 × (with a 4 GB limit): at 60,000
 * papers about 1 GB is live and the process held 3 GB, beside Pagefind's 0.8 GB. Collecting more
 * often costs CPU (about 8 s at 60,000 papers, and relatively more on small sites, which do not
 * need it), so smaller sites keep V8's default. The flag is read at every collection.
 */
function limitHeapGrowth(papers: number): void {
  if (papers >= LARGE_SITE_PAPERS) v8.setFlagsFromString('--heap-growing-percent=40');
}

/** Runs Eleventy over the site's templates (everything but the bulk pages); returns the files written. */
async function writeEleventyPages(data: SiteData, options: BuildOptions, nextDir: string): Promise<number> {
  const eleventy = new Eleventy(path.join(options.root, 'content'), nextDir, {
    configPath: path.join(options.root, 'eleventy.config.ts'),
    quietMode: true,
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData('paperfeed', data);
    },
  });
  eleventy.disableLogger();
  const written = (await eleventy.write()) as unknown as [unknown[], unknown[]];
  return written.flat().length;
}

/**
 * Starts indexing the papers for search in a child process (src/search-process.ts), into `nextDir`,
 * as soon as they are read: the index needs the abstracts' plain text, not their HTML and math, and
 * the indexer parses the abstracts the render cache does not know itself. On a 60,000-paper site
 * indexing is the longest part of a cold build; it starts 8 s sooner than after rendering.
 * Abstracts, pages and feeds are made meanwhile.
 */
function startSearch(papers: SearchSource[], options: BuildOptions, nextDir: string, log: (line: string) => void, now: () => number): SearchRun {
  const started = now();
  mkdirSync(nextDir, { recursive: true });
  const plan = planSearchIndex(papers, options.settings);
  const job = { plan, outDir: nextDir, ...(options.searchCacheDir ? { cacheDir: options.searchCacheDir } : {}) };
  const run = indexInChildProcess(job, `${nextDir}.search-job`, log);
  log(`search plan: ${countOf(plan.shards.length, 'shard')}, records handed to the indexer (${Math.round(now() - started)} ms)`);
  return run;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => performance.now());
  const nextDir = `${options.outDir}.next-${process.pid}`;
  await rm(nextDir, { recursive: true, force: true });
  // Pagefind indexes in a child process while this one makes the pages: the two overlap on two
  // cores. Its errors fail the build (after the pages), and the old output stays.
  let search: SearchRun | undefined;
  let saved: Promise<void> | undefined;
  let large = false;
  try {
    const { data, problems, cacheSaved } = await loadSite({
      papersDir: options.papersDir,
      stylesDir: path.join(options.root, 'styles'),
      settings: options.settings,
      includeDrafts: false,
      label: (file) => displayPath(options.root, file),
      log,
      now,
      onSearchable: (papers) => {
        large = papers.length >= LARGE_SITE_PAPERS;
        limitHeapGrowth(papers.length);
        search = startSearch(papers, options, nextDir, log, now);
      },
      ...(options.cache ? { cache: options.cache } : {}),
      saveCacheLater: true,
    });
    saved = cacheSaved;
    if (!data || !search) {
      await saved;
      await rm(nextDir, { recursive: true, force: true });
      return { ok: false, problems };
    }
    const started = now();
    const pages = await writeEleventyPages(data, options, nextDir);
    log(`write: ${pages} files by Eleventy (${Math.round(now() - started)} ms)`);
    // Eleventy's garbage goes now, not after the heap has grown by half again during the listing pages.
    if (large) collectGarbage();
    const pageCache = options.pageCacheDir ? openPageCache(options.pageCacheDir, codeFingerprint(options.root), bulkGlobals(data)) : undefined;
    const bulk = await writeBulkPages(createNunjucks(options.root), data, nextDir, log, now, pageCache, startPageWriter);
    const searched = await search.done;
    await saved;
    if (searched.pruned) log(`search cache: ${searched.pruned} unused ${searched.pruned === 1 ? 'index' : 'indexes'} removed`);
    await swapIn(nextDir, options.outDir);
    if (pageCache) {
      const pruned = pageCache.prune();
      if (pruned) log(`page cache: ${pruned} unused ${pruned === 1 ? 'page' : 'pages'} removed`);
    }
    return { ok: true, problems, files: pages + bulk + searched.files };
  } catch (error) {
    search?.cancel();
    await search?.done.catch(() => {});
    await saved?.catch(() => {});
    await rm(nextDir, { recursive: true, force: true });
    throw error;
  }
}
