/**
 * The site's stylesheets: `styles/main.scss` compiled with sass, compressed, and named by a hash of
 * its content so browsers and CDNs may cache it forever; and, for pages with math, the same rules
 * followed by KaTeX's, in one file, so that every page waits for exactly one stylesheet. KaTeX's
 * fonts are copied as they ship, under a folder named by KaTeX's version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import katex from 'katex';
import * as sass from 'sass';

export interface Stylesheet {
  /** Where it is written, e.g. `/assets/main.3f9a2c1b0d.css`. */
  path: string;
  css: string;
}

/** Where KaTeX's files are served from; the version in the name makes them safe to cache forever. */
export const katexAssetsPath = `/assets/katex-${katex.version}/`;

const KATEX_CSS = path.join(path.dirname(import.meta.dirname), 'node_modules/katex/dist/katex.min.css');

function hashed(name: string, css: string): Stylesheet {
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  return { path: `/assets/${name}.${hash}.css`, css };
}

/**
 * Compiles `main.scss`. `siteUrl` (the canonical origin) is what printed pages put before the
 * site's own links, so a printout shows every link as a full URL.
 */
export function compileStyles(stylesDir: string, siteUrl = ''): Stylesheet {
  const source = `@use "main" with ($site-url: ${JSON.stringify(siteUrl)});`;
  const { css } = sass.compileString(source, { loadPaths: [stylesDir], style: 'compressed', url: new URL(`file://${path.join(stylesDir, 'entry.scss')}`) });
  return hashed('main', css);
}

/**
 * KaTeX's stylesheet for our pages: its fonts from `fontsUrl`, WOFF2 only (every browser that runs
 * KaTeX's CSS reads WOFF2; the WOFF and TrueType fallbacks would only lengthen the file).
 */
export function katexCss(css: string, fontsUrl: string): string {
  return css.replace(/src:url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("[\w-]+"\))*/g, (_, name: string) => `src:url(${fontsUrl}${name}.woff2) format("woff2")`);
}

/** The stylesheet of pages with math: the site's rules, then KaTeX's. */
export function mathStylesheet(main: Stylesheet, katexSource = readFileSync(KATEX_CSS, 'utf8')): Stylesheet {
  return hashed('main-math', `${main.css}\n${katexCss(katexSource, `${katexAssetsPath}fonts/`)}`);
}
