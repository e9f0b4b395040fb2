/**
 * The rules of Zotero's "Embedded Metadata" translator (zotero/translators, `Embedded Metadata.js`,
 * lastUpdated 2024-06-13) that decide what it imports from a page's Highwire tags, applied to a
 * parsed page: which field each `citation_*` tag fills and in what precedence, how author tags are
 * split into people, the date fallback, the PDF attachment, DOI clean-up and the item type. Names
 * are returned as the strings Zotero splits into first and last name, so tests can compare them.
 */
import type { CheerioAPI } from 'cheerio';

/** Highwire tag → Zotero field, in the translator's order: a later tag for the same field wins. */
const HIGHWIRE_MAPPINGS: [string, string][] = [
  ['citation_title', 'title'],
  ['citation_publication_date', 'date'],
  ['citation_cover_date', 'date'],
  ['citation_date', 'date'],
  ['citation_journal_title', 'publicationTitle'],
  ['citation_journal_abbrev', 'journalAbbreviation'],
  ['citation_inbook_title', 'publicationTitle'],
  ['citation_book_title', 'bookTitle'],
  ['citation_volume', 'volume'],
  ['citation_issue', 'issue'],
  ['citation_series_title', 'series'],
  ['citation_conference_title', 'conferenceName'],
  ['citation_conference', 'conferenceName'],
  ['citation_dissertation_institution', 'university'],
  ['citation_technical_report_institution', 'institution'],
  ['citation_technical_report_number', 'number'],
  ['citation_publisher', 'publisher'],
  ['citation_isbn', 'ISBN'],
  ['citation_abstract', 'abstractNote'],
  ['citation_doi', 'DOI'],
  ['citation_public_url', 'url'],
  ['citation_language', 'language'],
];

export interface ZoteroItem {
  itemType: string;
  fields: Record<string, string>;
  /** Each creator as the string Zotero's `cleanAuthor` receives, in order. */
  creators: string[];
  /** The URL of the "Full Text PDF" attachment, when there is one. */
  pdf?: string;
}

/** ZU.trimInternal: whitespace runs to one space, trimmed. */
export const trimInternal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `html>head>meta[name$="…"]`: the translator matches the end of the name, first match wins. */
function metaContents($: CheerioAPI, name: string, where = 'html > head > meta'): string[] {
  return $(where)
    .filter((_, el) => ($(el).attr('name') ?? '').endsWith(name))
    .map((_, el) => $(el).attr('content') ?? $(el).attr('contents') ?? '')
    .get();
}

/** processHighwireCreators: split at `;`, a lone tag also at commas, skip empty and repeated names. */
function creators(nodes: string[]): string[] {
  const out: string[] = [];
  let last: string | undefined;
  for (const node of nodes) {
    let names = node.split(/\s*;\s*/);
    if (names.length === 1 && nodes.length === 1) {
      const byComma = (names[0] as string).split(/\s*,\s*/);
      if (byComma.length > 1 && byComma[0]?.includes(' ') && byComma[1]?.includes(' ')) names = byComma;
    }
    for (const raw of names) {
      const name = raw.trim();
      if (!name || !/[^\s,\-.;]/.test(name) || name === last) continue;
      last = name;
      out.push(name);
    }
  }
  return out;
}

/** ZU.cleanDOI. */
function cleanDoi(text: string): string | undefined {
  return /10(?:\.[0-9]{4,})?\/[^\s]*[^\s.,]/.exec(text)?.[0];
}

/** What Zotero's Embedded Metadata translator would import from the page. */
export function embeddedMetadata($: CheerioAPI): ZoteroItem {
  const fields: Record<string, string> = {};
  for (const [tag, field] of HIGHWIRE_MAPPINGS) {
    const value = metaContents($, tag)[0];
    if (value && value.trim()) fields[field] = trimInternal(value);
  }
  const authorNodes = metaContents($, 'citation_author', 'html > head > meta, html > body > meta');
  const item: ZoteroItem = { itemType: 'journalArticle', fields, creators: creators(authorNodes.length ? authorNodes : metaContents($, 'citation_authors')) };
  if (metaContents($, 'citation_conference_title').length || metaContents($, 'citation_conference').length) item.itemType = 'conferencePaper';
  if (!fields.date) {
    const online = metaContents($, 'citation_online_date')[0];
    if (online) fields.date = online;
  }
  const pdf = metaContents($, 'citation_pdf_url', 'html > head > meta, html > body > meta')[0];
  if (pdf) item.pdf = pdf;
  if (fields.DOI) {
    const doi = cleanDoi(fields.DOI);
    if (doi) fields.DOI = doi;
    else delete fields.DOI;
  }
  return item;
}
