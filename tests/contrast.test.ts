import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContrast, COLOR_PAIRS, contrastRatio, parseHex, relativeLuminance, themeTokens } from '../src/contrast.ts';
import { compileStyles } from '../src/styles.ts';
import { root } from './helpers/site.ts';

const css = compileStyles(path.join(root, 'styles'), 'https://papers.example.org').css;

describe('contrast arithmetic', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'));
  });

  it('reads short and long hex colours and refuses anything else', () => {
    expect(parseHex('#1a5')).toEqual([0x11, 0xaa, 0x55]);
    expect(parseHex('#1A56A8')).toEqual([0x1a, 0x56, 0xa8]);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(() => parseHex('rgb(0 0 0)')).toThrow(/not a hex colour/);
    expect(() => parseHex('#12345')).toThrow(/not a hex colour/);
  });
});

describe('themeTokens', () => {
  it('reads the light tokens and the dark ones over them', () => {
    const tokens = themeTokens(':root{color-scheme:light dark;--bg: #fff;--text: #111}a{color:red}@media(prefers-color-scheme: dark){:root{--bg: #000}}');
    expect(tokens.light).toEqual({ bg: '#fff', text: '#111' });
    expect(tokens.dark).toEqual({ bg: '#000', text: '#111' });
  });

  it('finds both themes in the compiled stylesheet', () => {
    const tokens = themeTokens(css);
    expect(tokens.light.bg).not.toBe(tokens.dark.bg);
    expect(tokens.light.text).not.toBe(tokens.dark.text);
  });
});

describe('the design’s colours', () => {
  const results = checkContrast(themeTokens(css));

  it('checks every pair in both themes', () => {
    expect(results).toHaveLength(COLOR_PAIRS.length * 2);
  });

  it('gives text at least 4.5:1 and control edges and the focus ring at least 3:1, in light and dark', () => {
    const failing = results.filter((r) => !r.ok).map((r) => `${r.theme}: ${r.fg} on ${r.bg} is ${r.ratio}:1, needs ${r.min}:1 (${r.use})`);
    expect(failing).toEqual([]);
  });

  it('would catch a colour that fails', () => {
    const themes = themeTokens(css);
    const faded = { light: { ...themes.light, muted: '#9a9a9a' }, dark: themes.dark };
    expect(checkContrast(faded).filter((r) => !r.ok).map((r) => `${r.theme} ${r.fg}/${r.bg}`)).toEqual(['light muted/bg', 'light muted/surface', 'light muted/sunken']);
  });

  it('names a token that a theme lacks', () => {
    expect(() => checkContrast({ light: { text: '#000' }, dark: { text: '#fff' } })).toThrow(/light theme has no --bg/);
  });

  it('uses only colour tokens that the pairs cover, so no colour escapes the check', () => {
    const colours = Object.entries(themeTokens(css).light).filter(([, value]) => value.startsWith('#')).map(([name]) => name).sort();
    const covered = new Set(COLOR_PAIRS.flatMap((pair) => [pair.fg, pair.bg]));
    expect(colours.filter((name) => !covered.has(name) && name !== 'border')).toEqual([]);
  });
});
