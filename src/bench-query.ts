/**
 * The benchmark's search query: two words of a real title, as a reader would type them (plain
 * lower-case words, no acronyms or brand names), from the record of the paper in the middle of the
 * corpus — the same query for the same corpus every time. Apart from the corpus generator so that
 * changing the query does not invalidate written corpora.
 */
import { orderRecords, type CorpusOptions } from './bench-corpus.ts';
import type { ArxivRecord } from './bench-records.ts';

const STOPWORDS = new Set(['with', 'from', 'that', 'this', 'using', 'based', 'towards', 'toward', 'into', 'over', 'their', 'these', 'through', 'when', 'what', 'which', 'via', 'beyond', 'under', 'between', 'without', 'about', 'your', 'does', 'more', 'than', 'they', 'them']);

/** A plain word as a reader would type it: lower case or Capitalized, no acronym (`FDSG`) or brand (`ShareGPT`). */
const PLAIN_WORD = /^\p{Lu}?\p{Ll}{3,}$/u;

/** Two words of a real title to search for: the first two plain words of 4+ letters (lower case) of paper `index`'s record, or the next record that has two. */
export function searchQuery(records: readonly ArxivRecord[], options: CorpusOptions, index = Math.floor(options.size / 2)): string {
  const ordered = orderRecords(records, options.seed);
  for (let i = 0; i < ordered.length; i++) {
    const title = (ordered[(index + i) % ordered.length] as ArxivRecord).title.replace(/\$[^$]*\$/g, ' ');
    const words = title.split(/[^\p{L}]+/u).filter((w) => w.length >= 4 && PLAIN_WORD.test(w)).map((w) => w.toLowerCase()).filter((w) => !STOPWORDS.has(w));
    if (words.length >= 2) return `${words[0]} ${words[1]}`;
  }
  return 'learning model';
}
