/**
 * What one paper is in a feed, whatever the format: its canonical URL (the entry's id), plain-text
 * title and authors, topic names, listing day, and the abstract twice — as HTML with math written
 * as MathML only (feed readers have no KaTeX CSS) followed by links to arXiv, PDF and code, and as
 * plain text. The MathML rendering goes through the build's render cache and happens once per paper
 * and build, and only for papers that are in some feed: a site of 100k papers renders a few thousand.
 */
import { cacheKey, cacheShard, type RenderCache } from './abstracts.ts';
import { arxivAbsUrl } from './arxiv.ts';
import type { Paper } from './content.ts';
import { createMarkdown, escapeHtml, renderAbstract } from './markdown.ts';
import { slugifyTopic, type Topic } from './topics.ts';
import { absoluteUrl, paperPath } from './urls.ts';
import { paperLinks } from './views.ts';

export interface FeedEntry {
  /** The paper page's absolute URL: id, guid and link (stable across rebuilds and new arXiv versions). */
  url: string;
  /** Plain text, TeX as written. */
  title: string;
  authors: string[];
  /** The names of the paper's topics, each as the topic index spells it. */
  categories: string[];
  /** The listing day, `YYYY-MM-DD`. */
  date: string;
  /** The abstract as HTML, math as MathML, then a paragraph of links (arXiv, PDF, code, project). */
  html: string;
  /** The abstract as plain text: paragraphs separated by a blank line. */
  text: string;
  /** The paper's arXiv abstract page, when it has an arXiv id. */
  externalUrl?: string;
}

export interface FeedEntryMaker {
  /** The entry of a paper; the same object every time it is asked for the same paper. */
  entryOf(paper: Paper): FeedEntry;
  /** Abstracts rendered so far, and how many of those came from the cache. */
  stats(): { rendered: number; cached: number };
}

/** Plain text as HTML that shows exactly that text: escaped, one paragraph per blank-line-separated block. */
export function plainTextHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((block) => block.trim())
    .map((block) => `<p>${escapeHtml(block)}</p>`)
    .join('\n');
}

function linksHtml(paper: Paper): string {
  const links = paperLinks(paper).map((link) => `<a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a>`);
  return links.length ? `<p>${links.join(' · ')}</p>\n` : '';
}

/** Makes feed entries for one build; `topics` names each topic slug, `cache` is the build's render cache. */
export function createFeedEntryMaker(siteUrl: string, topics: Map<string, Topic>, cache: RenderCache): FeedEntryMaker {
  const md = createMarkdown('mathml');
  const entries = new Map<string, FeedEntry>();
  let rendered = 0;
  let cached = 0;
  const renderMathml = (paper: Paper) => {
    const key = cacheKey(paper.abstract, 'mathml');
    const shard = cacheShard(paper);
    let result = cache.get(key, shard);
    if (result) cached++;
    else {
      result = renderAbstract(md, paper.abstract);
      cache.set(key, shard, result);
    }
    rendered++;
    return result;
  };
  const entryOf = (paper: Paper): FeedEntry => {
    const known = entries.get(paper.id);
    if (known) return known;
    const abstract = renderMathml(paper);
    const categories = [...new Set(paper.topics.map((label) => topics.get(slugifyTopic(label))?.label ?? label))];
    const entry: FeedEntry = {
      url: absoluteUrl(siteUrl, paperPath(paper.id)),
      title: paper.title,
      authors: paper.authors,
      categories,
      date: paper.date,
      html: abstract.html + linksHtml(paper),
      text: abstract.text,
    };
    if (paper.arxiv) entry.externalUrl = arxivAbsUrl(paper.arxiv);
    entries.set(paper.id, entry);
    return entry;
  };
  return { entryOf, stats: () => ({ rendered, cached }) };
}
