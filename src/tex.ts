/**
 * Text → (La)TeX for BibTeX fields: special characters escaped with commands that keep braces
 * balanced (BibTeX counts every brace, even `\{`), a title's inline math (`$...$`) kept as TeX,
 * and capitals protected with braces the way DBLP and Better BibTeX do (`{SE(n)}`, `{BERT:}`), so
 * a style that sentence-cases titles does not lowercase acronyms or formulas.
 */

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Escapes every character that TeX or BibTeX would read as markup; other text (Unicode included) stays. */
export function escapeTex(text: string): string {
  return text.replace(/[\\{}$&%#_^~<>]/g, (c) => SPECIALS[c] as string);
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Inline formulas in a title: `$...$` whose content neither starts nor ends with a space, whose
 * closing `$` is not followed by a digit (so `$5 and $10` is text) and whose braces balance.
 */
export function mathSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /\$(?=[^\s$])((?:[^$\\]|\\[\s\S])*?[^\s$\\])\$(?!\d)/g;
  for (const match of text.matchAll(pattern)) {
    if (bracesBalance(match[1] as string)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** True when every brace closes one opened before it, as BibTeX requires (escaped or not). */
export function bracesBalance(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A word's part with a capital after its first character (`SE(n)`, `LoRA`, `3D`) keeps its case. */
function protectCase(part: string): string {
  const escaped = escapeTex(part);
  return /\p{Lu}/u.test(Array.from(part).slice(1).join('')) ? `{${escaped}}` : escaped;
}

/** Plain title text: escaped, each word's hyphen- or slash-separated parts protected as needed. */
function titleText(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => (/^\s*$/.test(word) ? word : word.split(/([-/])/).map((part) => (part === '-' || part === '/' ? part : protectCase(part))).join('')))
    .join('');
}

/** A title for BibTeX: formulas kept as TeX inside braces, everything else escaped and case-protected. */
export function texTitle(title: string): string {
  let out = '';
  let at = 0;
  for (const span of mathSpans(title)) {
    out += titleText(title.slice(at, span.start)) + `{${title.slice(span.start, span.end)}}`;
    at = span.end;
  }
  return out + titleText(title.slice(at));
}
