/**
 * Colour contrast of the design, computed from the compiled stylesheet rather than judged by eye:
 * the theme's custom properties are read out of the CSS (light `:root`, and the dark one inside
 * `prefers-color-scheme: dark`, which inherits what it does not set), and every pair of colours the
 * styles put together is held to WCAG 2.2: 4.5:1 for text (1.4.3), 3:1 for control edges and the
 * focus ring (1.4.11). https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

export type Theme = 'light' | 'dark';
export type Tokens = Record<string, string>;

export interface ColorPair {
  fg: string;
  bg: string;
  min: number;
  /** Where the styles put these two together. */
  use: string;
}

const TEXT = 4.5;
const NON_TEXT = 3;

/** Every foreground/background pair the stylesheet uses (token names without `--`). */
export const COLOR_PAIRS: readonly ColorPair[] = [
  ...['bg', 'surface', 'sunken'].flatMap((bg) => [
    { fg: 'text', bg, min: TEXT, use: 'body text, card titles, navigation' },
    { fg: 'muted', bg, min: TEXT, use: 'authors, counts, labels, calendar days without papers' },
    { fg: 'accent', bg, min: TEXT, use: 'links and quiet buttons' },
    { fg: 'accent-hover', bg, min: TEXT, use: 'links under the pointer' },
    { fg: 'control', bg, min: NON_TEXT, use: 'edges of fields and buttons' },
    { fg: 'focus', bg, min: NON_TEXT, use: 'the focus ring' },
  ]),
  { fg: 'accent', bg: 'accent-soft', min: TEXT, use: 'topic pills, calendar days with papers' },
  { fg: 'accent-hover', bg: 'accent-soft', min: TEXT, use: 'topic pills under the pointer' },
  { fg: 'text', bg: 'accent-soft', min: TEXT, use: 'paper counts in the calendar' },
  { fg: 'on-accent', bg: 'accent', min: TEXT, use: 'buttons, the current day, period and page' },
  { fg: 'on-accent', bg: 'accent-hover', min: TEXT, use: 'buttons under the pointer' },
  { fg: 'vote', bg: 'vote-bg', min: TEXT, use: 'upvote counts' },
  { fg: 'badge-text', bg: 'badge-bg', min: TEXT, use: 'the draft badge' },
  { fg: 'mark-text', bg: 'mark-bg', min: TEXT, use: 'search matches' },
  { fg: 'focus', bg: 'accent-soft', min: NON_TEXT, use: 'the focus ring on pills and calendar days' },
];

/** `#rgb` or `#rrggbb` as 0–255 channels; anything else is an error (tokens are plain hex colours). */
export function parseHex(color: string): [number, number, number] {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match) throw new Error(`not a hex colour: "${color}"`);
  const hex = (match[1] as string).length === 3 ? [...(match[1] as string)].map((c) => c + c).join('') : (match[1] as string);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(color: string): number {
  const [r, g, b] = parseHex(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function declarations(block: string): Tokens {
  const tokens: Tokens = {};
  for (const match of block.matchAll(/--([\w-]+)\s*:\s*([^;}]+)/g)) tokens[match[1] as string] = (match[2] as string).trim();
  return tokens;
}

/** The first `:root{…}` block at or after `from` (not inside a rule it does not belong to). */
function rootBlock(css: string, from: number): string | undefined {
  const start = css.indexOf(':root{', from);
  if (start < 0) return undefined;
  return css.slice(start + 6, css.indexOf('}', start));
}

/** The custom properties of both themes, read from compressed CSS as `src/styles.ts` writes it. */
export function themeTokens(css: string): Record<Theme, Tokens> {
  const light = declarations(rootBlock(css, 0) ?? '');
  const media = /@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{/.exec(css);
  const dark = media ? declarations(rootBlock(css, media.index) ?? '') : {};
  return { light, dark: { ...light, ...dark } };
}

export interface ContrastResult extends ColorPair {
  theme: Theme;
  ratio: number;
  ok: boolean;
}

/** Every pair in both themes, with its ratio (rounded down to two decimals, as checkers report it). */
export function checkContrast(themes: Record<Theme, Tokens>, pairs: readonly ColorPair[] = COLOR_PAIRS): ContrastResult[] {
  return (['light', 'dark'] as const).flatMap((theme) =>
    pairs.map((pair) => {
      const [fg, bg] = [themes[theme][pair.fg], themes[theme][pair.bg]];
      if (!fg || !bg) throw new Error(`${theme} theme has no --${fg ? pair.bg : pair.fg}`);
      const ratio = Math.floor(contrastRatio(fg, bg) * 100) / 100;
      return { ...pair, theme, ratio, ok: ratio >= pair.min };
    }),
  );
}
