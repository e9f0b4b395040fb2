/**
 * A production build: load the site once, let Eleventy write it into a fresh folder next to the
 * output, and only when everything succeeded swap that folder in. A failed build leaves the last
 * good output exactly as it was.
 */
import { rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { RenderCache } from './abstracts.ts';
import { displayPath, type Problem } from './problems.ts';
import { writeSearchIndex, type SearchIndexCache } from './search-index.ts';
import type { SiteSettings } from './site.ts';
import { loadSite, type SiteData } from './site-data.ts';
import { planBatches } from './batches.ts';
import { paperFiles, writeOutputFiles } from './bulk-files.ts';

/** Paper pages per Eleventy run: about 150 MB of HTML held at once. */
const DEFAULT_BATCH_SIZE = 8000;

export interface BuildOptions {
  /** The project folder: templates, layouts, styles and the Eleventy config are found from here. */
  root: string;
  papersDir: string;
  outDir: string;
  settings: SiteSettings;
  cache?: RenderCache;
  /** Keeps each search shard's index between builds; `prune` drops what this build did not use. */
  searchCache?: SearchIndexCache & { prune?(): number };
  /** Paper pages per Eleventy run (listing pages: about as much HTML); see src/batches.ts. */
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

/** The templates of the paper and listing pages: the only ones batches after the first render. */
export const BULK_TEMPLATES = ['paper.njk', 'listing.njk'];

/** Runs Eleventy over the site in batches of paper and listing pages (src/batches.ts); returns the files written. */
async function writePages(data: SiteData, options: BuildOptions, nextDir: string): Promise<number> {
  const batches = planBatches(data.pages.papers, data.pages.listings, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let files = 0;
  for (const [i, batch] of batches.entries()) {
    const input = i === 0 ? 'content' : `content/{${BULK_TEMPLATES.join(',')}}`;
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
  // Pagefind indexes in its own process while Eleventy renders here: the two overlap on two cores.
  // Its errors fail the build (after Eleventy), and the old output stays.
  const search = writeSearchIndex({
    papers, outDir: nextDir, settings: options.settings, log, now, ...(options.searchCache ? { cache: options.searchCache } : {}),
  }).then((result) => ({ result }), (error: unknown) => ({ error }));
  try {
    let started = now();
    const pages = await writePages(data, options, nextDir);
    log(`write: ${pages} files by Eleventy (${Math.round(now() - started)} ms)`);
    started = now();
    const bulk = writeOutputFiles(nextDir, paperFiles(data.pages.papers, options.settings.url));
    log(`files: ${bulk} per-paper files (BibTeX, JSON API) (${Math.round(now() - started)} ms)`);
    const searched = await search;
    if ('error' in searched) throw searched.error;
    const pruned = options.searchCache?.prune?.();
    if (pruned) log(`search cache: ${pruned} unused ${pruned === 1 ? 'index' : 'indexes'} removed`);
    await swapIn(nextDir, options.outDir);
    return { ok: true, problems, files: pages + bulk + searched.result.files };
  } catch (error) {
    await search;
    await rm(nextDir, { recursive: true, force: true });
    throw error;
  }
}
