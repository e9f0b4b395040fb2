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
import { loadSite } from './site-data.ts';

export interface BuildOptions {
  /** The project folder: templates, layouts, styles and the Eleventy config are found from here. */
  root: string;
  papersDir: string;
  outDir: string;
  settings: SiteSettings;
  cache?: RenderCache;
  searchCache?: SearchIndexCache;
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

  const started = now();
  const nextDir = `${options.outDir}.next-${process.pid}`;
  await rm(nextDir, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(path.join(options.root, 'content'), nextDir, {
      configPath: path.join(options.root, 'eleventy.config.ts'),
      quietMode: true,
      config: (eleventyConfig) => {
        eleventyConfig.addGlobalData('paperfeed', data);
      },
    });
    eleventy.disableLogger();
    const written = (await eleventy.write()) as unknown as [unknown[], unknown[]];
    const files = written.flat().length;
    log(`write: ${files} files by Eleventy (${Math.round(now() - started)} ms)`);
    // After Eleventy, before the swap: the search index is part of the site, and its errors fail the build.
    const search = await writeSearchIndex({
      papers, outDir: nextDir, settings: options.settings, log, now, ...(options.searchCache ? { cache: options.searchCache } : {}),
    });
    await swapIn(nextDir, options.outDir);
    return { ok: true, problems, files: files + search.files };
  } catch (error) {
    await rm(nextDir, { recursive: true, force: true });
    throw error;
  }
}
