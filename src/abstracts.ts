/**
 * Renders every paper's abstract once per build, through a cache keyed by the Markdown and by the
 * renderer's fingerprint (the source of markdown.ts and math-syntax.ts and the versions of markdown-it, its math
 * plugins and KaTeX), so a rebuild only renders new or changed abstracts and a renderer change
 * renders everything again. Math that KaTeX rejects becomes a warning naming the paper's file.
 * The cache is an interface: in memory here, on disk in ./render-cache.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Paper } from './content.ts';
import { createMarkdown, renderAbstract, type MathOutput, type RenderedAbstract } from './markdown.ts';
import type { Problem } from './problems.ts';
import type { RenderedPaper } from './views.ts';

/** What a cache reports after saving: shards are files of the disk cache (one per listing month). */
export interface CacheReport {
  dir: string;
  shards: number;
  written: number;
  removed: number;
  /** Files that could not be read (partial, corrupt, another format) and were ignored. */
  ignored: number;
  /** Bytes on disk after saving. */
  bytes: number;
}

export interface RenderCache {
  /** Makes the entries of these shards available to `get` (a disk cache reads their files). */
  load(shards: string[]): Promise<void>;
  get(key: string, shard: string): RenderedAbstract | undefined;
  set(key: string, shard: string, value: RenderedAbstract): void;
  /** Keeps what this build used, forgets the rest, and writes what changed. */
  save(): Promise<CacheReport | undefined>;
}

/** A cache for one process (tests, and builds with --no-cache): entries a build did not use are dropped on save. */
export function createMemoryCache(): RenderCache {
  let entries = new Map<string, RenderedAbstract>();
  let used = new Map<string, RenderedAbstract>();
  return {
    load: async () => {},
    get(key) {
      const value = used.get(key) ?? entries.get(key);
      if (value) used.set(key, value);
      return value;
    },
    set: (key, _shard, value) => void used.set(key, value),
    save: async () => {
      entries = used;
      used = new Map();
      return undefined;
    },
  };
}

let fingerprint: string | undefined;

/** Changes whenever the renderer could write different HTML for the same Markdown. */
export function rendererFingerprint(): string {
  if (fingerprint) return fingerprint;
  const require = createRequire(import.meta.url);
  const versions = ['markdown-it', 'markdown-it-texmath', 'katex'].map(
    (name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`,
  );
  const hash = createHash('sha256').update(versions.join('\n'));
  for (const module of ['./markdown.ts', './math-syntax.ts']) hash.update(readFileSync(new URL(module, import.meta.url)));
  fingerprint = hash.digest('base64url').slice(0, 16);
  return fingerprint;
}

/** The cache key of an abstract rendered for pages (`html`) or for feeds (`mathml`). */
export function cacheKey(markdown: string, math: MathOutput = 'html'): string {
  return createHash('sha256').update(`${rendererFingerprint()}\0${math}\0${markdown}`).digest('base64url');
}

/** The cache shard of a paper: its listing month, so a daily build touches one shard. */
export function cacheShard(paper: Pick<Paper, 'date'>): string {
  return paper.date.slice(0, 7);
}

export interface RenderResult {
  papers: RenderedPaper[];
  warnings: Problem[];
  /** How many abstracts came from the cache. */
  cached: number;
}

export function renderPapers(papers: Paper[], cache: RenderCache = createMemoryCache()): RenderResult {
  const md = createMarkdown('html');
  const warnings: Problem[] = [];
  let cached = 0;
  const rendered = papers.map((paper) => {
    const key = cacheKey(paper.abstract);
    const shard = cacheShard(paper);
    let result = cache.get(key, shard);
    if (result) cached++;
    else {
      result = renderAbstract(md, paper.abstract);
      cache.set(key, shard, result);
    }
    for (const message of result.warnings) warnings.push({ severity: 'warning', file: paper.file, field: 'abstract', message });
    return { ...paper, html: result.html, text: result.text, hasMath: result.hasMath };
  });
  return { papers: rendered, warnings, cached };
}

/** A paper's abstract as plain text when the cache holds its rendering (read only: the render still finds and keeps it). */
export function cachedText(paper: Paper, cache: RenderCache): string | undefined {
  return cache.get(cacheKey(paper.abstract), cacheShard(paper))?.text;
}

/**
 * Loads the cache shards the papers need: call before rendering anything of this build (pages and
 * feeds), and `cache.save()` after the last render, so every entry the build used is kept.
 */
export async function loadCacheFor(papers: Pick<Paper, 'date'>[], cache: RenderCache): Promise<void> {
  await cache.load([...new Set(papers.map(cacheShard))]);
}
