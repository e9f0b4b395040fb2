/**
 * The `<meta>` tags of a paper page: Highwire Press `citation_*` tags, which Google Scholar and
 * Zotero's "Embedded Metadata" translator read (https://scholar.google.com/intl/en/scholar/inclusion.html),
 * then Open Graph (https://ogp.me) and Twitter card tags for link previews. Values are plain text;
 * the layout escapes them. Each rule that a reader's parsing imposes is noted where it is kept.
 */
import { arxivDoi, citationDate, type Citable } from './citable.ts';
import type { SiteSettings } from './site.ts';
import { excerpt } from './text.ts';
import { absoluteUrl, paperPath } from './urls.ts';

export interface MetaTag {
  /** `name` for Highwire and Twitter, `property` for Open Graph. */
  attr: 'name' | 'property';
  key: string;
  content: string;
}

/** `2023-10-04` → `2023/10/04`, the form Google Scholar asks for. */
export function highwireDate(day: string): string {
  return day.replaceAll('-', '/');
}

/**
 * One author per tag. Zotero and Scholar split a tag's value at `;`, and Zotero also splits a lone
 * author tag at a comma with spaces on both sides, so those are rewritten to keep one person.
 */
function authorTags(authors: string[]): MetaTag[] {
  return authors.map((name) => {
    let content = name.replaceAll(';', ',');
    const parts = content.split(/\s*,\s*/);
    if (authors.length === 1 && parts.length > 1 && parts[0]?.includes(' ') && parts[1]?.includes(' ')) {
      content = parts.length === 2 ? `${parts[1]} ${parts[0]}` : parts.join(' ');
    }
    return { attr: 'name', key: 'citation_author', content };
  });
}

/** Highwire tags, in the order Google Scholar documents them. */
export function highwireTags(cite: Citable): MetaTag[] {
  const tag = (key: string, content: string): MetaTag => ({ attr: 'name', key, content });
  const date = highwireDate(citationDate(cite));
  const tags = [tag('citation_title', cite.title), ...authorTags(cite.authors), tag('citation_date', date), tag('citation_publication_date', date)];
  tags.push(tag('citation_online_date', highwireDate(cite.date)));
  if (cite.venue) tags.push(tag('citation_conference_title', cite.venue));
  if (cite.pdf) tags.push(tag('citation_pdf_url', cite.pdf));
  if (cite.arxiv) tags.push(tag('citation_arxiv_id', cite.arxiv), tag('citation_doi', arxivDoi(cite.arxiv)));
  tags.push(tag('citation_abstract', cite.abstract));
  if (cite.keywords.length > 0) tags.push(tag('citation_keywords', cite.keywords.map((k) => k.replaceAll(';', ',')).join('; ')));
  return tags;
}

/** Open Graph and Twitter card tags: title, an excerpt of the abstract, the canonical URL, the site. */
export function socialTags(cite: Citable, settings: SiteSettings): MetaTag[] {
  const description = excerpt(cite.abstract, 200);
  const og = (key: string, content: string): MetaTag => ({ attr: 'property', key: `og:${key}`, content });
  const twitter = (key: string, content: string): MetaTag => ({ attr: 'name', key: `twitter:${key}`, content });
  return [
    og('type', 'article'),
    og('title', cite.title),
    og('description', description),
    og('url', absoluteUrl(settings.url, paperPath(cite.id))),
    og('site_name', settings.title),
    { attr: 'property', key: 'article:published_time', content: citationDate(cite) },
    twitter('card', 'summary'),
    twitter('title', cite.title),
    twitter('description', description),
  ];
}

/** Every meta tag a paper page carries for citation managers, search engines and link previews. */
export function paperMetaTags(cite: Citable, settings: SiteSettings): MetaTag[] {
  return [...highwireTags(cite), ...socialTags(cite, settings)];
}
