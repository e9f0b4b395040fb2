/**
 * The site's one stylesheet: `styles/main.scss` compiled with sass, compressed, and named by a hash
 * of its content so browsers and CDNs may cache it forever. KaTeX's own CSS and fonts are copied
 * as they ship, under a folder named by KaTeX's version.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import katex from 'katex';
import * as sass from 'sass';

export interface Stylesheet {
  /** Where it is written, e.g. `/assets/main.3f9a2c1b0d.css`. */
  path: string;
  css: string;
}

export function compileStyles(stylesDir: string): Stylesheet {
  const { css } = sass.compile(path.join(stylesDir, 'main.scss'), { style: 'compressed' });
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  return { path: `/assets/main.${hash}.css`, css };
}

/** Where KaTeX's files are served from; the version in the name makes them safe to cache forever. */
export const katexAssetsPath = `/assets/katex-${katex.version}/`;
