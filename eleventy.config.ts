/**
 * Eleventy wiring, and nothing else: where templates and layouts are, which global data the site
 * gets (papers are data, not templates: DESIGN §3), which files are copied, what the dev server
 * watches. Every decision lives in `src/`; each callback here is one call into it.
 */
import path from 'node:path';
import type { RenderCache } from './src/abstracts.ts';
import { createNunjucks, type NunjucksEnvironment } from './src/nunjucks.ts';
import { writeBulkPages } from './src/bulk-pages.ts';
import { siteRedirectMiddleware } from './src/dev-redirects.ts';
import { ContentError, displayPath, formatProblem } from './src/problems.ts';
import { openRenderCache } from './src/render-cache.ts';
import { createDevSearchIndexer, type DevSearchIndexer } from './src/search-index.ts';
import { RENDER_CACHE_DIR, resolveSettings } from './src/site.ts';
import { loadSite, type SiteData } from './src/site-data.ts';
import { katexAssetsPath } from './src/styles.ts';

interface EleventyConfig {
  globalData: Record<string, unknown>;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(target: string): void;
  addExtension(extensions: string[], options: { key: string }): void;
  ignores: Set<string>;
  setLibrary(name: 'njk', library: NunjucksEnvironment): void;
  setServerOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  benchmarks: { config: { setMinimumThresholdMs(ms: number): void } };
  on(event: 'eleventy.after', callback: (event: { directories: { output: string } }) => Promise<unknown>): void;
}

const root = import.meta.dirname;
/** The papers the dev server shows: `content/papers/`, or `PAPERS_DIR` (tests point it elsewhere). */
const papersDir = path.resolve(root, process.env.PAPERS_DIR ?? 'content/papers');

/** Loads the site for `eleventy --serve`: drafts shown, all content errors in one message. */
/** The dev server's latest load, for the files written after each rebuild (src/bulk-files.ts). */
let latest: SiteData | undefined;

async function loadForDevServer(cache: RenderCache, search?: DevSearchIndexer): Promise<SiteData> {
  const devServer = process.env.ELEVENTY_RUN_MODE !== 'build';
  const { data, papers, problems } = await loadSite({
    papersDir,
    stylesDir: path.join(root, 'styles'),
    settings: resolveSettings(process.env, devServer ? { url: 'http://localhost:8080' } : {}),
    includeDrafts: devServer,
    label: (file) => displayPath(root, file),
    cache,
  });
  for (const problem of problems.filter((p) => p.severity === 'warning')) console.warn(formatProblem(problem));
  if (!data) throw new ContentError(problems);
  search?.remember(papers ?? []);
  latest = data;
  return data;
}

export default function configure(eleventyConfig: EleventyConfig) {
  // One Nunjucks environment (options and filters: src/nunjucks.ts) for Eleventy's templates and the bulk pages.
  const nunjucks = createNunjucks(root);
  eleventyConfig.setLibrary('njk', nunjucks);
  // The build script (src/build.ts) loads the site once and hands it over; the dev server loads it here.
  if (!eleventyConfig.globalData.paperfeed) {
    const cache = openRenderCache({ dir: path.join(root, RENDER_CACHE_DIR), now: Date.now });
    // Search in the dev server only when asked (`npm run start:search`): indexing takes time on every rebuild.
    const search = process.env.PAPERFEED_SEARCH === '1' ? createDevSearchIndexer(resolveSettings(process.env), console.log) : undefined;
    eleventyConfig.addGlobalData('paperfeed', () => loadForDevServer(cache, search));
    // `directories.output` honours --output; the event's `dir` is the config file's default.
    if (search) eleventyConfig.on('eleventy.after', ({ directories }) => search.write(directories.output));
    eleventyConfig.on('eleventy.after', async ({ directories }) => latest && writeBulkPages(nunjucks, latest, directories.output));
  }
  eleventyConfig.ignores.add('content/papers/**');
  // Non-HTML outputs are TypeScript templates (content/*.11ty.ts) that call into src/; tsx loads them.
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  // Eleventy warns on stderr when a filter takes over 8% of a build, even in quiet mode (its
  // benchmark group exists before quiet mode is applied): our filters run once per page, so on a
  // large site that is noise, not news.
  eleventyConfig.benchmarks.config.setMinimumThresholdMs(0);
  eleventyConfig.addPassthroughCopy({
    static: '/',
    'node_modules/katex/dist/katex.min.css': `${katexAssetsPath}katex.min.css`,
    'node_modules/katex/dist/fonts': `${katexAssetsPath}fonts`,
  });
  for (const target of [papersDir, 'styles/', 'src/']) eleventyConfig.addWatchTarget(target);
  // The header's This week / This month are redirects (src/navigation.ts): answer them, and the other content redirects, like Netlify.
  eleventyConfig.setServerOptions({ port: 8080, middleware: [siteRedirectMiddleware(() => latest?.redirects)] });
}

export const config = {
  dir: { input: 'content', includes: '../layouts' },
  templateFormats: ['njk', '11ty.ts'],
  htmlTemplateEngine: 'njk',
};
