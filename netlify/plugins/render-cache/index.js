/**
 * Netlify Build plugin: restores paperfeed's render cache (`.cache/paperfeed/`) before the build
 * and saves it after, with Netlify's cache utilities (`utils.cache`, from @netlify/cache-utils), so
 * a daily build renders only new or changed abstracts. It is saved after a failed build too: the
 * cache only ever holds complete files, and what was rendered stays rendered.
 * https://docs.netlify.com/extend/develop-and-share/develop-build-plugins/
 */

/**
 * @typedef {object} CacheUtils
 * @property {(path: string) => Promise<boolean>} restore
 * @property {(path: string) => Promise<boolean>} save
 * @typedef {{ utils: { cache: CacheUtils }, inputs?: { path?: string } }} PluginOptions
 */

const DEFAULT_PATH = '.cache/paperfeed';

/** @param {PluginOptions} options */
const cachePath = ({ inputs }) => inputs?.path || DEFAULT_PATH;

/** @param {PluginOptions} options */
export async function onPreBuild(options) {
  const path = cachePath(options);
  if (await options.utils.cache.restore(path)) console.log(`render cache: restored ${path} from the last build`);
  else console.log(`render cache: nothing cached at ${path} yet: this build renders every abstract`);
}

/** @param {PluginOptions} options */
async function save(options) {
  const path = cachePath(options);
  if (await options.utils.cache.save(path)) console.log(`render cache: saved ${path} for the next build`);
  else console.log(`render cache: ${path} does not exist, nothing to save (was the build run with --no-cache?)`);
}

export const onPostBuild = save;
export const onError = save;
