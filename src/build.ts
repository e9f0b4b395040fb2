/**
 * A production build: load the site once, then into a fresh folder next to the output let Eleventy
 * write its pages (listings in batches), write the paper pages and per-paper files directly, and
 * index search in a child process meanwhile; only when everything succeeded swap that folder in. A
 * failed build leaves the last good output exactly as it was.
 */
import { mkdir, rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { RenderCache } from './abstracts.ts';
import { displayPath, type Problem } from './problems.ts';
import { createNunjucks } from './nunjucks.ts';
import { paperPages } from './paper-pages.ts';
import { planSearchIndex } from './search-index.ts';
import { indexInChildProcess } from './search-process.ts';
import type { SiteSettings } from './site.ts';
import { loadSite, type SiteData } from './site-data.ts';
import { planBatches } from './batches.ts';
import { writeOutputFiles } from './bulk-files.ts';

/** Listing cards per Eleventy run: about 110 MB of listing HTML held at once. */
const DEFAULT_BATCH_CARDS = 80_000;

export interface BuildOptions {
  /** The project folder: templates, layouts, styles and the Eleventy config are found from here. */
  root: string;
  papersDir: string;
  outDir: string;
  settings: SiteSettings;
  cache?: RenderCache;
  /** Keeps each search shard's index between builds here (src/search-cache.ts); packs this build did not use are removed. */
  searchCacheDir?: string;
  /** Listing cards per Eleventy run; see src/batches.ts. */
  batchSize?: number;
  log?: (line: string) => void;
  now?: () => number;
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  /** Files written (by Eleventy and the search indexer), when the build succeeded. */
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

/** The listing pages' template: the only one batches after the first render. */
export const LISTING_TEMPLATE = 'listing.njk';

/** Runs Eleventy over the site, listing pages in batches (src/batches.ts); returns the files written. */
async function writeEleventyPages(data: SiteData, options: BuildOptions, nextDir: string): Promise<number> {
  const batches = planBatches(data.pages.listings, options.batchSize ?? DEFAULT_BATCH_CARDS);
  let files = 0;
  for (const [i, batch] of batches.entries()) {
    const input = i === 0 ? 'content' : `content/${LISTING_TEMPLATE}`;
    const eleventy = new Eleventy(path.join(options.root, input), nextDir, {
      configPath: path.join(options.root, 'eleventy.config.ts'),
      quietMode: true,
      config: (eleventyConfig) => {
        eleventyConfig.addGlobalData('paperfeed', { ...data, batch });
      },
    });
    eleventy.disableLogger();
    const written = (await eleventy.write()) as unknown as [unknown[], unknown[]];
    files += written.flat().length;
  }
  return files;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => performance.now());
  const { data, papers, problems } = await loadSite({
    papersDir: options.papersDir,
    stylesDir: path.join(options.root, 'styles'),
    settings: options.settings,
    includeDrafts: false,
    label: (file) => displayPath(options.root, file),
    log,
    now,
    ...(options.cache ? { cache: options.cache } : {}),
  });
  if (!data || !papers) return { ok: false, problems };

  const nextDir = `${options.outDir}.next-${process.pid}`;
  await rm(nextDir, { recursive: true, force: true });
  await mkdir(nextDir, { recursive: true });
  // Pagefind indexes in a child process while this one renders: the two overlap on two cores.
  // Its errors fail the build (after the pages), and the old output stays.
  let started = now();
  const plan = planSearchIndex(papers, options.settings);
  log(`search plan: ${plan.shards.length} ${plan.shards.length === 1 ? 'shard' : 'shards'} (${Math.round(now() - started)} ms)`);
  const job = { plan, outDir: nextDir, ...(options.searchCacheDir ? { cacheDir: options.searchCacheDir } : {}) };
  const search = indexInChildProcess(job, `${nextDir}.search-job`, log);
  const settled = search.done.then((result) => ({ result }), (error: unknown) => ({ error }));
  try {
    started = now();
    const pages = await writeEleventyPages(data, options, nextDir);
    log(`write: ${pages} files by Eleventy (${Math.round(now() - started)} ms)`);
    started = now();
    const perPaper = writeOutputFiles(nextDir, paperPages(createNunjucks(options.root), data));
    log(`papers: ${data.pages.papers.length} paper pages with their BibTeX and JSON API files, ${perPaper} files (${Math.round(now() - started)} ms)`);
    const searched = await settled;
    if ('error' in searched) throw searched.error;
    if (searched.result.pruned) log(`search cache: ${searched.result.pruned} unused ${searched.result.pruned === 1 ? 'index' : 'indexes'} removed`);
    await swapIn(nextDir, options.outDir);
    return { ok: true, problems, files: pages + perPaper + searched.result.files };
  } catch (error) {
    search.cancel();
    await settled;
    await rm(nextDir, { recursive: true, force: true });
    throw error;
  }
}
