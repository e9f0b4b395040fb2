/**
 * Personal names and words as citation keys need them: a name's family part (`Putri A. van der
 * Linden` → `van der Linden`, `Bekkers, Erik J.` → `Bekkers`, `山田 太郎` → `山田`), whether a name is
 * written in a CJK script (family name first), and folding text to lowercase ASCII letters and
 * digits (`Ångström` → `angstrom`). Names are free text, so every rule has a fallback.
 */

/** Lowercase particles that belong to the family name (`van der Linden`, `de la Cruz`, `al Khwarizmi`). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'st.', 'zu']);
/** Generational suffixes that are not the family name (`King Jr.`, `Gates III`). */
const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv|v)$/i;
/** Han, Hiragana, Katakana and Hangul: scripts that write the family name first. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Latin letters that do not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

/** True when the name starts in a CJK script, where the family name comes first. */
export function isCjkName(name: string): boolean {
  return CJK.test(name.trim().charAt(0));
}

/** The family part of a personal name; empty only for an empty name. */
export function familyName(name: string): string {
  const trimmed = name.trim();
  const comma = trimmed.indexOf(',');
  if (comma > 0) return trimmed.slice(0, comma).trim();
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ?? '';
  if (isCjkName(trimmed)) return words[0] as string;
  let end = words.length;
  while (end > 1 && SUFFIXES.test(words[end - 1] as string)) end--;
  let start = end - 1;
  while (start > 1 && PARTICLES.has((words[start - 1] as string).toLowerCase())) start--;
  return words.slice(start, end).join(' ');
}

/** Lowercase ASCII letters and digits only: accents folded, everything else dropped. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '');
}

/** The words of a text folded to ASCII (`SE(n) Equivariant` → `se`, `n`, `equivariant`). */
export function asciiWords(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map(asciiFold)
    .filter(Boolean);
}
