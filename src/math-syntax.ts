/**
 * A markdown-it plugin that finds `$…$` and `$$…$$` math the way arXiv abstracts write it. It only
 * parses (tokens `math_inline`, `math_inline_block`, `math_block`); markdown.ts renders.
 *
 * Why not a plugin's rule: Pandoc-style rules (no letter or digit right before an opening `$` or
 * right after a closing one) leave 296 of 5,484 real arXiv abstracts (June 2025) with raw dollars,
 * because authors write `PbTiO$_3$`, `English$\rightarrow$German`, `$\sim$10` and
 * `$\textbf{R}$einforcement`. Here the delimiters themselves decide:
 * - the closing `$` is the first unescaped `$` after the opening one (a formula never contains one);
 * - a formula that starts or ends with a space must contain TeX (`\`, `^`, `_`, braces), so
 *   `$5 and $10` stays text while `$ 4.2^{+5.7}$` and `$R_{200c} $` are math;
 * - money written tightly (`$5-$10`, `US$5 and US$10`) stays text: what starts with a digit, has no
 *   TeX (`\`, `^`, `_`, braces) and whose closing `$` is followed by a digit is not math.
 */
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

const SPACE = /\s/;
/** A command, sub/superscript or group: what money and prose never have. */
const TEX = /[\\^_{}]/;
/** Starts with a digit and has no TeX in it: `5-` in `$5-$10`, `5 and US` in `US$5 and US$10`. */
const MONEY_LIKE = /^\d[^\\^_{}]*$/;

/** Index of the first `$` at or after `from` that no odd run of backslashes escapes, or -1. */
function nextDollar(src: string, from: number, end = src.length): number {
  for (let i = src.indexOf('$', from); i !== -1 && i < end; i = src.indexOf('$', i + 1)) {
    let slashes = 0;
    while (src[i - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return i;
  }
  return -1;
}

function displayInline(state: StateInline, silent: boolean): boolean {
  const start = state.pos + 2;
  let close = nextDollar(state.src, start, state.posMax);
  while (close !== -1 && state.src[close + 1] !== '$') close = nextDollar(state.src, close + 1, state.posMax);
  if (close === -1 || close === start || !state.src.slice(start, close).trim()) return false;
  if (!silent) {
    const token = state.push('math_inline_block', 'math', 0);
    token.markup = '$$';
    token.content = state.src.slice(start, close);
  }
  state.pos = close + 2;
  return true;
}

function inlineMath(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src[pos] !== '$') return false;
  if (src[pos + 1] === '$') return displayInline(state, silent);
  const close = nextDollar(src, pos + 1, state.posMax);
  if (close === -1 || close === pos + 1) return false;
  const content = src.slice(pos + 1, close);
  const spaced = SPACE.test(content[0] as string) || SPACE.test(content.at(-1) as string);
  if (spaced && !TEX.test(content)) return false;
  if (MONEY_LIKE.test(content) && /\d/.test(src[close + 1] ?? '')) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.markup = '$';
    token.content = content;
  }
  state.pos = close + 1;
  return true;
}

/** `$$` at the start of a line, closed by `$$` with nothing after it on its line: a display block. */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4 || !state.src.startsWith('$$', start)) return false;
  let blank = startLine + 1;
  while (blank < endLine && !state.isEmpty(blank)) blank++;
  const limit = blank < endLine ? state.bMarks[blank]! : state.src.length;
  let close = nextDollar(state.src, start + 2, limit);
  while (close !== -1 && state.src[close + 1] !== '$') close = nextDollar(state.src, close + 1, limit);
  if (close === -1) return false;
  let line = startLine;
  while (line < endLine && state.eMarks[line]! < close) line++;
  if (line >= endLine || state.src.slice(close + 2, state.eMarks[line]).trim() !== '') return false;
  const content = state.src.slice(start + 2, close);
  if (!content.trim()) return false;
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.markup = '$$';
  token.content = content;
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

export function dollarMath(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', inlineMath);
  md.block.ruler.before('paragraph', 'math_block', blockMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
