/**
 * Netlify Build plugin: restores paperfeed's build cache (`.cache/paperfeed/`: rendered abstracts,
 * search indexes and the page cache) before the build and saves it after, with Netlify's cache
 * utilities (`utils.cache`, from @netlify/cache-utils), so a daily build renders only new or changed
 * abstracts, indexes and pages. It is saved after a failed build too: the cache only ever holds
 * complete files, and what was rendered stays rendered.
 *
 * Both ways the folder is moved (`move: true`), not copied: at 60,000 papers it holds about 250,000
 * files, most of them hard links to the published pages (src/page-cache.ts), and the build does
 * not need it after it ended.
 * https://docs.netlify.com/extend/develop-and-share/develop-build-plugins/
 */

/**
 * @typedef {object} CacheUtils
 * @property {(path: string, options?: { move?: boolean }) => Promise<boolean>} restore
 * @property {(path: string, options?: { move?: boolean }) => Promise<boolean>} save
 * @typedef {{ utils: { cache: CacheUtils }, inputs?: { path?: string } }} PluginOptions
 */

const DEFAULT_PATH = '.cache/paperfeed';

/** @param {PluginOptions} options */
const cachePath = ({ inputs }) => inputs?.path || DEFAULT_PATH;

/** @param {PluginOptions} options */
export async function onPreBuild(options) {
  const path = cachePath(options);
  if (await options.utils.cache.restore(path, { move: true })) console.log(`render cache: restored ${path} from the last build`);
  else console.log(`render cache: nothing cached at ${path} yet: this build renders every abstract`);
}

/** @param {PluginOptions} options */
async function save(options) {
  const path = cachePath(options);
  if (await options.utils.cache.save(path, { move: true })) console.log(`render cache: saved ${path} for the next build`);
  else console.log(`render cache: ${path} does not exist, nothing to save (was the build run with --no-cache?)`);
}

export const onPostBuild = save;
export const onError = save;
