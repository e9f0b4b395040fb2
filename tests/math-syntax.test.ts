import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { dollarMath } from '../src/math-syntax.ts';

const md = markdownIt({ html: false }).use(dollarMath);

/** The inline tokens of a one-paragraph source, as `type:content` strings. */
function inline(source: string): string[] {
  const tokens = md.parse(source, {});
  return (tokens[1]?.children ?? []).map((t) => `${t.type}:${t.content}`);
}

describe('dollar math as arXiv writes it', () => {
  it.each([
    ['PbTiO$_3$ film', ['text:PbTiO', 'math_inline:_3', 'text: film']],
    ['English$\\rightarrow$German', ['text:English', 'math_inline:\\rightarrow', 'text:German']],
    ['of $\\sim$10 times', ['text:of ', 'math_inline:\\sim', 'text:10 times']],
    ['$\\textbf{R}$einforcement', ['math_inline:\\textbf{R}', 'text:einforcement']],
    ['2MASS~J0415$-$0935066', ['text:2MASS~J0415', 'math_inline:-', 'text:0935066']],
    ['median of $ 4.2^{+5.7}_{-2.5}$ kpc', ['text:median of ', 'math_inline: 4.2^{+5.7}_{-2.5}', 'text: kpc']],
    ['at $R \\lesssim 0.2 R_{200c} $, and', ['text:at ', 'math_inline:R \\lesssim 0.2 R_{200c} ', 'text:, and']],
    ['${h}^{-1}$$\\mathrm{Mpc}$ scale', ['math_inline:{h}^{-1}', 'math_inline:\\mathrm{Mpc}', 'text: scale']],
    ['Let $x$ and $y$.', ['text:Let ', 'math_inline:x', 'text: and ', 'math_inline:y', 'text:.']],
  ])('reads %s', (source, expected) => {
    expect(inline(source)).toEqual(expected);
  });

  it.each([
    'It costs $5 and $10.',
    'from $5-$10 a month',
    'US$5 and US$10',
    'over $8 billion in costs',
    'a rental cost of just $534,700.',
    'roughly \\$1 each, or \\$2 and \\$3',
    'a lone $ sign',
    'empty $$ pair',
  ])('keeps %s as text', (source) => {
    expect(inline(source).filter((t) => t.startsWith('math'))).toEqual([]);
  });

  it('never lets an escaped dollar close a formula', () => {
    expect(inline('$a\\$b$ c')).toEqual(['math_inline:a\\$b', 'text: c']);
  });

  it('leaves dollars in code spans alone', () => {
    expect(inline('`$x$` and $y$')).toEqual(['code_inline:$x$', 'text: and ', 'math_inline:y']);
  });

  it('reads $$…$$ inside a paragraph as display math', () => {
    expect(inline('so $$\\int f$$ holds')).toEqual(['text:so ', 'math_inline_block:\\int f', 'text: holds']);
  });

  it('reads a $$ block over several lines, stopping at a blank line', () => {
    const tokens = md.parse('Text.\n\n$$\na + b\n= c\n$$\n\nAfter.', {});
    expect(tokens.map((t) => t.type)).toEqual([
      'paragraph_open', 'inline', 'paragraph_close', 'math_block', 'paragraph_open', 'inline', 'paragraph_close',
    ]);
    expect(tokens[3]?.content).toBe('\na + b\n= c\n');
    expect(md.parse('$$\na\n\nb $$', {}).some((t) => t.type === 'math_block')).toBe(false);
  });
});
