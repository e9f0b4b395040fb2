/**
 * Turns one real arXiv record into many distinct but realistic papers for the benchmark corpus:
 * the n-th copy of a record gets the n-th title variant (a prefix and/or suffix a real title could
 * carry, so titles never repeat), the middle sentences of each abstract paragraph in a seeded order
 * (TeX stays intact: sentences are only split outside math), and its co-authors reordered. Copy 0
 * is the record as it is, with its paragraphs as Markdown paragraphs.
 */
import { shuffled, type Random } from './bench-random.ts';

const PREFIXES = ['', 'Revisiting ', 'Towards ', 'Rethinking ', 'On ', 'Scaling '];
const SUFFIXES = ['', ': An Empirical Study', ' (Extended Version)', ': Theory and Practice', ' at Scale', ': A Closer Look', ' Revisited', ': Lessons Learned'];
/** Distinct titles per record before a part number is needed. */
export const TITLE_VARIANTS = PREFIXES.length * SUFFIXES.length;

/** The `copy`-th title of a record: distinct for every copy, copy 0 being the title itself. */
export function varyTitle(title: string, copy: number): string {
  const prefix = PREFIXES[copy % PREFIXES.length] as string;
  const suffix = SUFFIXES[Math.floor(copy / PREFIXES.length) % SUFFIXES.length] as string;
  const round = Math.floor(copy / TITLE_VARIANTS);
  return `${prefix}${title}${suffix}${round > 0 ? ` (Part ${round + 1})` : ''}`;
}

const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|Ref|Refs|approx|resp|No|[A-Z])\.$/;

const isSpace = (code: number) => code === 32 || code === 9;
const isCapitalOrDigit = (code: number) => (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

/** After the end mark at `i`: the index where the next sentence starts, or -1 when none does. */
function nextSentenceStart(paragraph: string, i: number, start: number): number {
  let j = i + 1;
  while (j < paragraph.length && isSpace(paragraph.charCodeAt(j))) j++;
  if (j === i + 1 || j >= paragraph.length || !isCapitalOrDigit(paragraph.charCodeAt(j))) return -1;
  return ABBREVIATION.test(paragraph.slice(Math.max(start, i - 12), i + 1)) ? -1 : j;
}

/** The math delimiter open after reading the delimiter at `i` (`$`, `$$`, `\(`, `\[`), and its length. */
function toggleMath(paragraph: string, i: number, open: string | undefined): { open: string | undefined; length: number } {
  const pair = paragraph.slice(i, i + 2);
  if (open === '$' && pair[0] === '$') return { open: undefined, length: 1 };
  if (pair === '$$') return { open: open === undefined ? '$$' : open === '$$' ? undefined : open, length: 2 };
  if (pair[0] === '$') return { open: open === undefined ? '$' : open, length: 1 };
  if (open === undefined && (pair === '\\(' || pair === '\\[')) return { open: pair, length: 2 };
  if ((open === '\\(' && pair === '\\)') || (open === '\\[' && pair === '\\]')) return { open: undefined, length: 2 };
  return { open, length: 2 }; // any other escaped character, `\$` included
}

/**
 * Splits a paragraph into sentences at `.`, `!` or `?` followed by white space and a capital or
 * a digit, never inside math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) and never after a common
 * abbreviation. Joining the parts with one space gives the paragraph back (up to white space). A
 * paragraph whose math never closes is one part.
 */
export function splitSentences(paragraph: string): string[] {
  const parts: string[] = [];
  let open: string | undefined;
  let start = 0;
  for (let i = 0; i < paragraph.length; ) {
    const code = paragraph.charCodeAt(i);
    if (code === 36 || code === 92) {
      const toggled = toggleMath(paragraph, i, open);
      open = toggled.open;
      i += toggled.length;
      continue;
    }
    const next = open === undefined && (code === 46 || code === 33 || code === 63) ? nextSentenceStart(paragraph, i, start) : -1;
    if (next >= 0) {
      parts.push(paragraph.slice(start, i + 1).trim());
      start = next;
    }
    i = next >= 0 ? next : i + 1;
  }
  if (open !== undefined) return [paragraph.trim()];
  parts.push(paragraph.slice(start).trim());
  return parts.filter((part) => part.length > 0);
}

/**
 * An abstract as Markdown paragraphs (the records break paragraphs with one `\n`; Markdown needs a
 * blank line), with the middle sentences of each paragraph reordered in copies after the first.
 */
export function varyAbstract(abstract: string, copy: number, random: Random): string {
  const paragraphs = abstract.split(/\n\s*/).map((p) => p.trim()).filter((p) => p.length > 0);
  if (copy === 0) return paragraphs.join('\n\n');
  return paragraphs
    .map((paragraph) => {
      const sentences = splitSentences(paragraph);
      if (sentences.length < 4) return paragraph;
      const middle = shuffled(sentences.slice(1, -1), random);
      return [sentences[0], ...middle, sentences[sentences.length - 1]].join(' ');
    })
    .join('\n\n');
}

/** Authors with the first author kept and the co-authors reordered. */
export function varyAuthors(authors: readonly string[], copy: number, random: Random): string[] {
  if (copy === 0 || authors.length < 3) return [...authors];
  return [authors[0] as string, ...shuffled(authors.slice(1), random)];
}
