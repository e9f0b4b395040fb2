/**
 * BibTeX for a paper and for a day of papers, in arXiv's own style (`@misc` with `eprint`,
 * `archivePrefix = {arXiv}`, `primaryClass`, `doi` and `url`), as `@inproceedings` with a
 * `booktitle` when a venue is known. Field values go through ./tex.ts, so any title or name —
 * markup, braces, percent signs, formulas — gives a file BibTeX and biber read back as written.
 */
import { arxivDoi, arxivUrl, citationDate, type Citable } from './citable.ts';
import { citationKey, uniqueKeys } from './citation-key.ts';
import { isCjkName } from './names.ts';
import { escapeTex, texTitle } from './tex.ts';
import { absoluteUrl, paperPath } from './urls.ts';

/** One author for an `author` field: names BibTeX would misread are braced as written. */
export function texAuthor(name: string): string {
  const escaped = escapeTex(name);
  const commas = name.split(',').length - 1;
  // CJK names put the family name first; " and " would split one author in two; two commas are an error.
  return isCjkName(name) || /\sand\s/i.test(name) || commas > 1 ? `{${escaped}}` : escaped;
}

/** A URL as a BibTeX value: characters that would unbalance braces or break a line are percent-encoded. */
function texUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Where the entry's `url` points: arXiv's abstract page, else the PDF, the project page, or this site's page. */
function entryUrl(cite: Citable, siteUrl: string): string {
  return arxivUrl(cite) ?? cite.pdf ?? cite.project ?? absoluteUrl(siteUrl, paperPath(cite.id));
}

/** The fields of an entry, in arXiv's order, absent ones left out. */
function entryFields(cite: Citable, siteUrl: string): [string, string][] {
  const fields: [string, string][] = [['title', texTitle(cite.title)]];
  if (cite.authors.length > 0) fields.push(['author', cite.authors.map(texAuthor).join(' and ')]);
  if (cite.venue) fields.push(['booktitle', escapeTex(cite.venue)]);
  fields.push(['year', citationDate(cite).slice(0, 4)]);
  if (cite.arxiv) {
    fields.push(['eprint', cite.arxiv], ['archivePrefix', 'arXiv']);
    if (cite.category) fields.push(['primaryClass', cite.category]);
    fields.push(['doi', arxivDoi(cite.arxiv)]);
  }
  fields.push(['url', texUrl(entryUrl(cite, siteUrl))]);
  return fields;
}

/** One BibTeX entry; `key` defaults to the paper's own citation key. */
export function bibtexEntry(cite: Citable, siteUrl: string, key = citationKey(cite)): string {
  const type = cite.venue ? 'inproceedings' : 'misc';
  const body = entryFields(cite, siteUrl).map(([name, value]) => `  ${name} = {${value}}`);
  return `@${type}{${key},\n${body.join(',\n')}\n}\n`;
}

/** A `.bib` file of several papers, in the order given, with keys made unique within the file. */
export function bibliography(cites: Citable[], siteUrl: string): string {
  const keys = uniqueKeys(cites);
  return cites.map((cite) => bibtexEntry(cite, siteUrl, keys.get(cite.id))).join('\n');
}
