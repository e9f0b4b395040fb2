/**
 * Abstracts are Markdown with TeX math: this module turns one into HTML (math rendered by KaTeX at
 * build time) and into plain text (TeX left as written), in one parse. It is separate because it is
 * the only place untrusted prose becomes markup, so every safety rule lives here: raw HTML off,
 * only http(s)/mailto links, no images, no headings, KaTeX untrusted, bad TeX shown as source.
 */
import markdownIt from 'markdown-it';
import type { MarkdownIt, MarkdownItOptions, Token } from 'markdown-it';
import bracketMath from 'markdown-it-texmath';
import katex from 'katex';
import { dollarMath } from './math-syntax.ts';

/** `html` = KaTeX HTML + MathML (pages, with KaTeX CSS); `mathml` = MathML only (feeds, email). */
export type MathOutput = 'html' | 'mathml';

export interface RenderedAbstract {
  html: string;
  /** The abstract as plain text: paragraphs separated by a blank line, TeX as written. */
  text: string;
  hasMath: boolean;
  /** One line per formula KaTeX rejected, e.g. `formula $\frac{1}{$ is shown as source: KaTeX parse error: …`. */
  warnings: string[];
}

type RenderEnv = { hasMath: boolean; warnings: string[] };

/**
 * Macros arXiv abstracts use that KaTeX lacks (astronomy's AAS macros, LaTeX's \\mbox). Each render
 * gets a fresh copy, so a `\\gdef` in one abstract can never change another.
 */
const ARXIV_MACROS: Record<string, string> = {
  '\\mbox': '\\text{#1}',
  '\\msun': 'M_\\odot',
  '\\Msun': 'M_\\odot',
  '\\lsun': 'L_\\odot',
  '\\Lsun': 'L_\\odot',
  '\\kms': '\\mathrm{km\\,s^{-1}}',
  '\\degr': '^\\circ',
  '\\arcsec': '^{\\prime\\prime}',
  '\\arcmin': '^{\\prime}',
  '\\sun': '\\odot',
  '\\lsim': '\\lesssim',
  '\\gsim': '\\gtrsim',
};

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const CLOSING: Record<string, string> = { $: '$', $$: '$$', '\\(': '\\)', '\\[': '\\]' };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Formulas rendered by one renderer, by display mode and TeX: KaTeX is a pure function of them (each
 * render gets fresh macros), and short formulas recur — 44% of the 3,274 in a month of arXiv
 * abstracts repeat one before them (`\\alpha`, `\\sim`, `^{-1}`). A failed formula keeps its reason.
 * Bounded: past {@link FORMULA_MEMO_SIZE} formulas it starts again.
 */
type Rendered = { html: string } | { reason: string };
export const FORMULA_MEMO_SIZE = 10_000;

/** Creates the Markdown renderer for abstracts; `math` chooses how formulas are written. */
export function createMarkdown(math: MathOutput = 'html'): MarkdownIt {
  const options: MarkdownItOptions = { html: false, linkify: true, typographer: false };
  const md = new markdownIt('default', options);
  md.disable(['image', 'heading', 'lheading']);
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  md.use(dollarMath);
  md.use(bracketMath, { delimiters: 'brackets' });
  const memo = new Map<string, Rendered>();
  const render = (tokens: Token[], idx: number, _opts: unknown, env: unknown) =>
    renderFormula(tokens[idx] as Token, math, env as RenderEnv, memo);
  for (const rule of ['math_inline', 'math_block', 'math_inline_block', 'math_block_eqno']) {
    md.renderer.rules[rule] = render;
  }
  return md;
}

function katexRender(tex: string, display: boolean, output: MathOutput): Rendered {
  try {
    return {
      html: katex.renderToString(tex, {
        displayMode: display,
        output: output === 'html' ? 'htmlAndMathml' : 'mathml',
        throwOnError: true,
        trust: false,
        strict: 'ignore',
        maxSize: 20,
        maxExpand: 500,
        macros: { ...ARXIV_MACROS },
      }),
    };
  } catch (error) {
    return { reason: katexReason(error) };
  }
}

function delimiters(token: Token, display: boolean): [string, string] {
  const open = token.markup || token.tag || (display ? '$$' : '$');
  return [open, CLOSING[open] ?? open];
}

function renderFormula(token: Token, output: MathOutput, env: RenderEnv, memo: Map<string, Rendered>): string {
  const display = token.type !== 'math_inline';
  const tex = token.content;
  env.hasMath = true;
  const key = `${display ? 'D' : 'I'}${tex}`;
  let rendered = memo.get(key);
  if (!rendered) {
    if (memo.size >= FORMULA_MEMO_SIZE) memo.clear();
    memo.set(key, (rendered = katexRender(tex, display, output)));
  }
  if ('reason' in rendered) {
    const [open, close] = delimiters(token, display);
    env.warnings.push(`formula ${open + tex + close} is shown as source: ${rendered.reason}`);
    const source = `<code class="math-source">${escapeHtml(open + tex + close)}</code>`;
    return token.block ? `<p>${source}</p>\n` : source;
  }
  if (!display) return rendered.html;
  // On pages a wide formula scrolls sideways in its own box, which keyboards must reach (WCAG 2.1.1).
  const focus = output === 'html' ? ' tabindex="0"' : '';
  return token.block ? `<div class="math-display"${focus}>${rendered.html}</div>\n` : `<span class="math-display"${focus}>${rendered.html}</span>`;
}

/** KaTeX's reason without its position excerpt (which underlines the source with combining characters). */
function katexReason(error: unknown): string {
  if (error instanceof katex.ParseError) return `KaTeX: ${error.rawMessage}`;
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

/**
 * The same string, stored flat. markdown-it builds a page's HTML by appending token after token, and
 * V8 keeps such a string as a tree of its pieces (a rope: a 32-byte node per append, and every piece)
 * until something reads it by index, which copies it into one flat string and lets the tree go.
 * Rendered abstracts live for the whole build: at 60,000 papers their trees held about 250 MB.
 */
function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Renders one abstract to HTML and plain text with a renderer made by {@link createMarkdown}. */
export function renderAbstract(md: MarkdownIt, source: string): RenderedAbstract {
  const env: RenderEnv = { hasMath: false, warnings: [] };
  const tokens = md.parse(source, env);
  const html = md.renderer.render(tokens, md.options, env);
  return { html: flatten(html), text: flatten(plainText(tokens)), hasMath: env.hasMath, warnings: env.warnings };
}

/**
 * An abstract's plain text alone, as {@link renderAbstract} makes it, without rendering its HTML or
 * math (the search indexer needs only this).
 */
export function abstractText(md: MarkdownIt, source: string): string {
  return flatten(plainText(md.parse(source, { hasMath: false, warnings: [] } satisfies RenderEnv)));
}

function inlineText(children: Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type.startsWith('math_')) {
      const [open, close] = delimiters(child, child.type !== 'math_inline');
      text += open + child.content + close;
    }
  }
  return text;
}

/** The text of a parsed abstract: one line per block, blocks separated by a blank line. */
function plainText(tokens: Token[]): string {
  const blocks: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') blocks.push(inlineText(token.children ?? []));
    else if (token.type === 'fence' || token.type === 'code_block') blocks.push(token.content);
    else if (token.type.startsWith('math_')) {
      const [open, close] = delimiters(token, true);
      blocks.push(open + token.content.trim() + close);
    }
  }
  return blocks
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
