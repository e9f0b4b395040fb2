import { describe, expect, it } from 'vitest';
import { bracesBalance, escapeTex, mathSpans, texTitle } from '../src/tex.ts';

describe('escapeTex', () => {
  it('escapes every TeX special with a command that keeps braces balanced', () => {
    expect(escapeTex('\\ { } $ & % # _ ^ ~ < >')).toBe(
      '\\textbackslash{} \\textbraceleft{} \\textbraceright{} \\$ \\& \\% \\# \\_ \\textasciicircum{} \\textasciitilde{} \\textless{} \\textgreater{}',
    );
    expect(bracesBalance(escapeTex('}}}{'))).toBe(true);
  });

  it('leaves Unicode and quotes as they are', () => {
    expect(escapeTex('Zoë "Ångström" 山田 🚀')).toBe('Zoë "Ångström" 山田 🚀');
  });
});

describe('mathSpans', () => {
  const spans = (text: string) => mathSpans(text).map((s) => text.slice(s.start, s.end));

  it('finds inline formulas', () => {
    expect(spans('Heavy $\\mathcal{O}(n^2)$ TeX and $x$')).toEqual(['$\\mathcal{O}(n^2)$', '$x$']);
  });

  it('does not take prices or spaced dollars for formulas', () => {
    expect(spans('costs of $5 and $10')).toEqual([]);
    expect(spans('a $ b $ c')).toEqual([]);
    expect(spans('$$')).toEqual([]);
  });

  it('ignores a formula whose braces do not balance', () => {
    expect(spans('broken $\\frac{1}{$ formula')).toEqual([]);
    expect(spans('$}{$')).toEqual([]);
  });

  it('lets an escaped dollar sit inside a formula', () => {
    expect(spans('$a \\$ b$')).toEqual(['$a \\$ b$']);
  });
});

describe('texTitle', () => {
  it('protects words with inner capitals, part by part', () => {
    expect(texTitle('Fast SE(n) Networks with LoRA and GPT-4 on 3D Weight-Sharing')).toBe(
      'Fast {SE(n)} Networks with {LoRA} and {GPT}-4 on {3D} Weight-Sharing',
    );
  });

  it('keeps formulas as TeX inside braces and escapes the rest', () => {
    expect(texTitle('Heavy $\\mathcal{O}(n^2)$ TeX & 50% of $5')).toBe('Heavy {$\\mathcal{O}(n^2)$} {TeX} \\& 50\\% of \\$5');
  });

  it('escapes markup and template syntax as text', () => {
    const title = texTitle('<script>alert("x")</script>{{ 7*7 }}{% raw %}');
    expect(title).toBe('\\textless{}script\\textgreater{}alert("x")\\textless{}/script\\textgreater{}\\textbraceleft{}\\textbraceleft{} 7*7 \\textbraceright{}\\textbraceright{}\\textbraceleft{}\\% raw \\%\\textbraceright{}');
    expect(bracesBalance(title)).toBe(true);
  });

  it('keeps whitespace between words as written', () => {
    expect(texTitle('a  b')).toBe('a  b');
  });
});
