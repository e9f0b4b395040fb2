/**
 * BibTeX citation keys the way Google Scholar and arXiv make them: `<family name><year><first
 * word>` in lowercase ASCII (`bekkers2023fast`), and unique within one bibliography by appending
 * `a`, `b`, … Names and titles are free text in any script, so each part has a fallback: `anon`
 * for a paper without authors (or whose first author has no Latin letters), no word for a title
 * without Latin words.
 */
import { citationDate, type Citable } from './citable.ts';
import { asciiFold, asciiWords, familyName } from './names.ts';
import { mathSpans } from './tex.ts';

/** Words skipped when choosing a title's first word (`On the …`, `A Study of …`, `Towards …`). */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'on', 'of', 'in', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'as', 'is', 'are', 'via', 'into', 'toward', 'towards',
]);

/** The first author's family name in ASCII, else the last ASCII word of the name, else `anon`. */
function keyName(authors: string[]): string {
  const first = authors[0];
  if (!first) return 'anon';
  return asciiFold(familyName(first)) || asciiWords(first).at(-1) || 'anon';
}

/** The title's first Latin word that is not a stop word, formulas left out; empty when there is none. */
function keyWord(title: string): string {
  let text = title;
  for (const span of mathSpans(title).reverse()) text = text.slice(0, span.start) + ' ' + text.slice(span.end);
  return asciiWords(text).find((word) => !STOP_WORDS.has(word)) ?? '';
}

/** `bekkers2023fast`: first author's family name, the citation year, the title's first word. */
export function citationKey(cite: Citable): string {
  return `${keyName(cite.authors)}${citationDate(cite).slice(0, 4)}${keyWord(cite.title)}`;
}

/** `a`, `b`, … `z`, `aa`, `ab`, …: the n-th suffix (from 0). */
function suffix(n: number): string {
  let out = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) out = String.fromCharCode(97 + ((i - 1) % 26)) + out;
  return out;
}

/**
 * Keys for a list of papers, unique within it: the first holder of a key (by paper id, so the
 * choice does not move when upvotes reorder a day) keeps it, the others get `a`, `b`, … appended.
 */
export function uniqueKeys(cites: Citable[]): Map<string, string> {
  const base = new Map(cites.map((cite) => [cite.id, citationKey(cite)]));
  const taken = new Set(base.values());
  const keys = new Map<string, string>();
  const holders = new Map<string, string>();
  const byId = [...cites].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const cite of byId) {
    const key = base.get(cite.id) as string;
    if (!holders.has(key)) {
      holders.set(key, cite.id);
      keys.set(cite.id, key);
      continue;
    }
    let n = 0;
    while (taken.has(key + suffix(n))) n++;
    taken.add(key + suffix(n));
    keys.set(cite.id, key + suffix(n));
  }
  return keys;
}
