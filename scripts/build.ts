/**
 * `npm run build`: the production site into `_site/` (or `--out DIR`), from `content/papers/` (or
 * `--papers DIR`). Prints one line per phase; on bad content prints every problem and exits 1,
 * leaving the previous output untouched. Rendered abstracts, search indexes and pages are cached in
 * `.cache/paperfeed/` (or `--cache-dir DIR`; `--no-cache` renders everything and keeps nothing).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryCache } from '../src/abstracts.ts';
import { buildSite } from '../src/build.ts';
import { displayPath, formatProblem, sortProblems } from '../src/problems.ts';
import { openRenderCache } from '../src/render-cache.ts';
import { SearchIndexError } from '../src/search-index.ts';
import { resolveSettings, RENDER_CACHE_DIR } from '../src/site.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: path.join(root, 'content/papers') },
    out: { type: 'string', default: path.join(root, '_site') },
    quiet: { type: 'boolean', default: false },
    cache: { type: 'boolean', default: true },
    'cache-dir': { type: 'string', default: path.join(root, RENDER_CACHE_DIR) },
  },
  allowNegative: true,
});

async function main(): Promise<number> {
  const started = performance.now();
  const log = values.quiet ? () => {} : (line: string) => console.log(line);
  process.chdir(root);
  const result = await buildSite({
    root,
    papersDir: path.resolve(values.papers),
    outDir: path.resolve(values.out),
    settings: resolveSettings(process.env),
    cache: values.cache ? openRenderCache({ dir: path.resolve(values['cache-dir']), now: Date.now }) : createMemoryCache(),
    ...(values.cache ? { searchCacheDir: path.join(path.resolve(values['cache-dir']), 'search'), pageCacheDir: path.join(path.resolve(values['cache-dir']), 'pages') } : {}),
    log,
  });
  for (const problem of sortProblems(result.problems)) {
    (problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem));
  }
  if (!result.ok) {
    const count = result.problems.filter((p) => p.severity === 'error').length;
    console.error(`build failed: ${count} content ${count === 1 ? 'error' : 'errors'}; fix them and build again (the previous output was kept)`);
    return 1;
  }
  log(`done: ${displayPath(root, path.resolve(values.out))} in ${Math.round(performance.now() - started)} ms`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SearchIndexError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
    console.error('build failed: the previous output was kept');
    process.exit(1);
  },
);
