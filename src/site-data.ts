/**
 * The one pass of data (DESIGN §3): load and validate every paper, drop drafts from production,
 * render abstracts, build every page's data and compile the stylesheet — each phase timed. The
 * result is the single global data object Eleventy receives; content errors come back as problems.
 */
import { cachedText, createMemoryCache, loadCacheFor, renderPapers, type RenderCache } from './abstracts.ts';
import { loadCiteScript, type Script } from './cite-script.ts';
import { loadPapers } from './content.ts';
import { buildDigests, type DigestFile } from './digest.ts';
import { countOf } from './filters.ts';
import { themeTokens } from './contrast.ts';
import { buildFeeds, type FeedSet } from './feeds.ts';
import { buildManifest, type ManifestView } from './manifest.ts';
import { buildPages, type Pages } from './pages.ts';
import type { Problem } from './problems.ts';
import { formatCacheReport } from './render-cache.ts';
import { bundleScripts, type Scripts } from './scripts.ts';
import { buildSearchPage, type SearchPageData } from './search-page.ts';
import type { SiteSettings } from './site.ts';
import { subscriptionView, type SubscriptionView } from './subscription.ts';
import { siteRedirects, type RedirectLine } from './site-redirects.ts';
import { compileStyles, mathStylesheet, type Stylesheet } from './styles.ts';
import type { SearchSource } from './search-records.ts';
import type { RenderedPaper } from './views.ts';

export interface SiteData {
  settings: SiteSettings;
  pages: Pages;
  /** The site's and every topic's feed, as data for the feed templates and discovery links. */
  feeds: FeedSet;
  stylesheet: Stylesheet;
  /** The stylesheet of pages with math: the site's and KaTeX's rules in one file. */
  mathStylesheet: Stylesheet;
  /** The "Copy BibTeX" script of paper pages. */
  citeScript: Script;
  /** True in development builds: drafts are shown, marked as drafts. */
  includeDrafts: boolean;
  /** The email digests of the newest listing days, newest first (src/digest.ts). */
  digests: DigestFile[];
  /** The subscribe and unsubscribe forms (src/subscription.ts). */
  subscription: SubscriptionView;
  /** The redirects that depend on content, written to `_redirects` (src/site-redirects.ts). */
  redirects: RedirectLine[];
  /** The search page's filter options. */
  search: SearchPageData;
  /** The site's JavaScript files. */
  scripts: Scripts;
  /** The web app manifest and the pages' theme colours (src/manifest.ts). */
  manifest: ManifestView;
}

export interface LoadSiteOptions {
  papersDir: string;
  stylesDir: string;
  settings: SiteSettings;
  /** Drafts are never in production builds; the dev server shows them. */
  includeDrafts: boolean;
  /** Turns an absolute file path into the name used in messages. */
  label?: (file: string) => string;
  cache?: RenderCache;
  /** Receives one progress line per phase. */
  log?: (line: string) => void;
  /**
   * Called with the published papers as soon as they are read, before their abstracts are rendered
   * (and pages, feeds and styles made), to start indexing them: an abstract's plain text comes along
   * where the render cache holds it, else its Markdown.
   */
  onSearchable?: (papers: SearchSource[]) => void;
  /** The clock for timings (passed in so tests and benchmarks can control it). */
  now?: () => number;
  /**
   * Return without waiting for the render cache to be saved (`cacheSaved` in the result). Saving
   * (about 4 s at 60,000 papers) then goes on whenever this thread waits: in a production build mostly
   * after the pages are written, while the indexer finishes, instead of before Eleventy.
   */
  saveCacheLater?: boolean;
}

export interface LoadSiteResult {
  data?: SiteData;
  /** Every paper of the build, rendered, for outputs made after Eleventy (the search index); kept out of Eleventy's data. */
  papers?: RenderedPaper[];
  problems: Problem[];
  /** With `saveCacheLater`: settles when the render cache is saved (and its line logged); rejects if saving failed. */
  cacheSaved?: Promise<void>;
}

export async function loadSite(options: LoadSiteOptions): Promise<LoadSiteResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => performance.now());
  let start = now();
  const lap = () => {
    const ms = Math.round(now() - start);
    start = now();
    return `${ms} ms`;
  };

  const loaded = await loadPapers(options.papersDir, options.label);
  const errors = loaded.problems.filter((p) => p.severity === 'error').length;
  log(`load: ${loaded.papers.length} papers read and checked, ${errors} errors (${lap()})`);
  if (errors > 0) return { problems: loaded.problems };

  const published = options.includeDrafts ? loaded.papers : loaded.papers.filter((p) => !p.draft);
  const cache = options.cache ?? createMemoryCache();
  await loadCacheFor(published, cache);
  if (options.onSearchable) {
    options.onSearchable(published.map((paper) => {
      const text = cachedText(paper, cache);
      return text === undefined ? paper : { ...paper, text };
    }));
    start = now(); // the callback times itself
  }
  const rendered = renderPapers(published, cache);
  log(`render: ${published.length} abstracts, ${rendered.cached} from cache, ${rendered.warnings.length} math warnings (${lap()})`);

  const pages = buildPages(rendered.papers, options.settings);
  const stylesheet = compileStyles(options.stylesDir, options.settings.url);
  const scripts = await bundleScripts();
  log(`pages: ${pages.papers.length} paper pages, ${pages.listings.length} listing pages, ${pages.topics.length} topics (${lap()})`);
  const digests = buildDigests(pages.listings, options.settings);
  const largest = Math.max(0, ...digests.map((d) => Buffer.byteLength(d.html)));
  log(`digests: ${countOf(digests.length, 'day')}, largest HTML ${Math.ceil(largest / 1024)} kB (${lap()})`);
  const feeds = buildFeeds(rendered.papers, pages.topics, options.settings, cache);
  log(`feeds: ${feeds.all.length} feeds, ${feeds.stats.entries} abstracts with MathML, ${feeds.stats.cached} from cache (${lap()})`);
  const saving = cache.save().then((report) => void (report && log(formatCacheReport(report, options.label))));
  if (!options.saveCacheLater) await saving;
  else saving.catch(() => {}); // the caller awaits `cacheSaved`
  // Every rendering of the Markdown is done (pages, feeds): let it go rather than hold it (80 MB at 60,000 papers).
  for (const paper of rendered.papers) paper.abstract = '';

  return {
    data: {
      settings: options.settings,
      pages,
      feeds,
      stylesheet,
      mathStylesheet: mathStylesheet(stylesheet),
      citeScript: loadCiteScript(),
      includeDrafts: options.includeDrafts,
      digests,
      subscription: subscriptionView(options.settings),
      redirects: siteRedirects(rendered.papers, pages.latest),
      search: buildSearchPage(rendered.papers, pages.topics, options.settings),
      scripts,
      manifest: buildManifest(options.settings, themeTokens(stylesheet.css)),
    },
    papers: rendered.papers,
    problems: [...loaded.problems, ...rendered.warnings],
    ...(options.saveCacheLater ? { cacheSaved: saving } : {}),
  };
}
