/**
 * schema.org `ScholarlyArticle` JSON-LD for a paper page (https://schema.org/ScholarlyArticle), and
 * the one safe way to put JSON inside an HTML `<script>` element: `<`, `>` and `&` become `\u003c`
 * and friends, so a title holding `</script>` or `<!--` cannot end or bend the block, and U+2028/
 * U+2029 are escaped for older JavaScript parsers. The result is still JSON that parses to the same value.
 */
import { arxivDoi, arxivUrl, citationDate, type Citable } from './citable.ts';
import type { SiteSettings } from './site.ts';
import { absoluteUrl, paperPath } from './urls.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function identifiers(arxiv: string): Json[] {
  const value = (propertyID: string, v: string) => ({ '@type': 'PropertyValue', propertyID, value: v });
  return [value('arXiv', arxiv), value('DOI', arxivDoi(arxiv))];
}

/** The paper as a schema.org ScholarlyArticle; fields without a value are left out. */
export function scholarlyArticle(cite: Citable, settings: SiteSettings): Record<string, Json> {
  const url = absoluteUrl(settings.url, paperPath(cite.id));
  const article: Record<string, Json> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: cite.title,
    name: cite.title,
    author: cite.authors.map((name) => ({ '@type': 'Person', name })),
    datePublished: citationDate(cite),
    abstract: cite.abstract,
  };
  if (cite.arxiv) {
    article.identifier = identifiers(cite.arxiv);
    article.sameAs = arxivUrl(cite) as string;
  }
  if (cite.keywords.length > 0) article.keywords = cite.keywords;
  if (cite.venue) {
    article.isPartOf = { '@type': 'CreativeWork', name: cite.venue };
    article.publication = { '@type': 'PublicationEvent', name: cite.venue };
  }
  if (cite.pdf) article.encoding = { '@type': 'MediaObject', contentUrl: cite.pdf, encodingFormat: 'application/pdf' };
  return article;
}

const UNSAFE_IN_SCRIPT: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** JSON text safe to print unescaped inside `<script type="application/ld+json">`. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c] as string);
}
