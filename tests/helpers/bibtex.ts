/**
 * Reads BibTeX back with a real parser, @retorquere/bibtex-parser (the one Zotero's Better BibTeX
 * uses), with sentence-casing off so a title comes back as written, and turns its creators back
 * into the names we wrote (`First von Last`, or `von Last, First` when written with a comma).
 */
import { parse, type Creator, type Library } from '@retorquere/bibtex-parser';

export function parseBibtex(text: string, options: { raw?: boolean } = {}): Library {
  return parse(text, { sentenceCase: false, ...options });
}

export function creatorName(creator: Creator, writtenWithComma = false): string {
  if (creator.name) return creator.name;
  const family = [creator.prefix, creator.lastName].filter(Boolean).join(' ');
  if (writtenWithComma) return [family, creator.firstName].filter(Boolean).join(', ');
  return [creator.firstName, family].filter(Boolean).join(' ');
}
