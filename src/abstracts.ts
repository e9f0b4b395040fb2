/**
 * Renders every paper's abstract once per build, through a cache keyed by a hash of the Markdown
 * (and of the renderer's version), so a rebuild only renders new or changed abstracts. Math that
 * KaTeX rejects becomes a warning naming the paper's file.
 */
import { createHash } from 'node:crypto';
import katex from 'katex';
import type { Paper } from './content.ts';
import { createMarkdown, renderAbstract, type MathOutput, type RenderedAbstract } from './markdown.ts';
import type { Problem } from './problems.ts';
import type { RenderedPaper } from './views.ts';

/** Bump when markdown.ts changes what it writes, so cached HTML is not reused. */
const RENDERER_VERSION = 1;

export interface RenderCache {
  get(key: string): RenderedAbstract | undefined;
  set(key: string, value: RenderedAbstract): void;
}

export function createMemoryCache(): RenderCache {
  const entries = new Map<string, RenderedAbstract>();
  return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value) };
}

/** The cache key of an abstract rendered for pages (`html`) or for feeds (`mathml`). */
export function cacheKey(markdown: string, math: MathOutput = 'html'): string {
  return createHash('sha256').update(`${RENDERER_VERSION}\0${katex.version}\0${math}\0${markdown}`).digest('base64url');
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
    let result = cache.get(key);
    if (result) cached++;
    else {
      result = renderAbstract(md, paper.abstract);
      cache.set(key, result);
    }
    for (const message of result.warnings) warnings.push({ severity: 'warning', file: paper.file, field: 'abstract', message });
    return { ...paper, html: result.html, text: result.text, hasMath: result.hasMath };
  });
  return { papers: rendered, warnings, cached };
}
