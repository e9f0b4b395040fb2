import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStyles, katexAssetsPath, katexCss, mathStylesheet } from '../src/styles.ts';
import { root } from './helpers/site.ts';

const stylesDir = path.join(root, 'styles');

describe('compileStyles', () => {
  it('compiles the stylesheet, compressed, named by a hash of its content', () => {
    const sheet = compileStyles(stylesDir);
    expect(sheet.path).toMatch(/^\/assets\/main\.[0-9a-f]{10}\.css$/);
    expect(sheet.css).toMatch(/prefers-color-scheme: ?dark/);
    expect(sheet.css).not.toContain('\n\n');
    expect(compileStyles(stylesDir).path).toBe(sheet.path);
  });

  it('prints the site’s own links with the canonical origin in front', () => {
    const css = compileStyles(stylesDir, 'https://papers.example.org').css;
    expect(css).toMatch(/@media print\{.*\.paper a\[href\^="\/"\]::after\{content:" <https:\/\/papers\.example\.org" attr\(href\) ">"/);
    expect(compileStyles(stylesDir, 'https://other.example.org').path).not.toBe(compileStyles(stylesDir, 'https://papers.example.org').path);
  });

  it('serves KaTeX from a folder named by its version', () => {
    expect(katexAssetsPath).toMatch(/^\/assets\/katex-\d+\.\d+\.\d+\/$/);
  });
});

describe('mathStylesheet', () => {
  const main = compileStyles(stylesDir);
  const math = mathStylesheet(main);

  it('is the site’s rules followed by KaTeX’s, in one hashed file', () => {
    expect(math.path).toMatch(/^\/assets\/main-math\.[0-9a-f]{10}\.css$/);
    expect(math.css.startsWith(main.css)).toBe(true);
    expect(math.css).toContain('.katex-display');
  });

  it('loads KaTeX’s fonts from its versioned folder, WOFF2 only', () => {
    const fonts = [...math.css.matchAll(/src:([^;}]+)/g)].map((m) => m[1] as string);
    expect(fonts.length).toBeGreaterThan(15);
    for (const src of fonts) expect(src).toMatch(new RegExp(`^url\\(${katexAssetsPath.replace(/[.]/g, '\\.')}fonts/KaTeX_[\\w-]+\\.woff2\\) format\\("woff2"\\)$`));
  });

  it('rewrites a font rule with all three formats to its WOFF2 alone', () => {
    const rule = '@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.woff) format("woff"),url(fonts/KaTeX_AMS-Regular.ttf) format("truetype")}';
    expect(katexCss(rule, '/f/')).toBe('@font-face{font-family:KaTeX_AMS;src:url(/f/KaTeX_AMS-Regular.woff2) format("woff2")}');
  });
});
