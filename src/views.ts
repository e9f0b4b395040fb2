/**
 * What templates print about one paper: its card on listings (short authors, excerpt, links) and
 * its page (everything, with neighbours). Display decisions live here, typed and tested, so layouts
 * only print fields and test for their presence.
 */
import { arxivAbsUrl, arxivPdfUrl } from './arxiv.ts';
import { toCitable, type Citable } from './citable.ts';
import type { Paper } from './content.ts';
import { formatDay, formatMonth, monthKey, weekKey } from './dates.ts';
import type { SiteSettings } from './site.ts';
import { excerpt } from './text.ts';
import { slugifyTopic, type Topic } from './topics.ts';
import { dayPath, href, monthPath, paperPath, topicPath, weekPath } from './urls.ts';

export interface RenderedPaper extends Paper {
  /** The abstract as HTML (math rendered for pages). */
  html: string;
  /** The abstract as plain text, TeX as written. */
  text: string;
  hasMath: boolean;
}

export interface Link {
  label: string;
  url: string;
}

export interface Card {
  id: string;
  /** Where the paper's page is written, e.g. `/papers/hep-th/9901001/`. */
  path: string;
  url: string;
  title: string;
  date: string;
  dateLabel: string;
  upvotes: number;
  /** `A, B, C et al.`; empty when the paper lists no authors. */
  authorsShort: string;
  authorCount: number;
  topics: Link[];
  links: Link[];
  excerpt: string;
  draft: boolean;
  /** What citations, COinS and the JSON API say about the paper (./citable.ts). */
  cite: Citable;
}

export interface PaperView extends Card {
  authors: string[];
  html: string;
  text: string;
  hasMath: boolean;
  published?: string;
  publishedLabel?: string;
  venue?: string;
  /** The arXiv primary category, e.g. `cs.LG`. */
  category?: string;
  submitter?: string;
  day: Link;
  week: Link;
  month: Link;
  prev?: Link;
  next?: Link;
}

/** `A, B, C et al.` when there are more than `shown` authors. */
export function shortAuthors(authors: string[], shown: number): string {
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} et al.`;
}

/** arXiv abstract, PDF (the given one, else arXiv's), code and project links, in that order. */
export function paperLinks(paper: Paper): Link[] {
  const links: Link[] = [];
  if (paper.arxiv) links.push({ label: 'arXiv', url: arxivAbsUrl(paper.arxiv) });
  const pdf = paper.pdf ?? (paper.arxiv ? arxivPdfUrl(paper.arxiv, paper.arxivVersion) : undefined);
  if (pdf) links.push({ label: 'PDF', url: pdf });
  if (paper.code) links.push({ label: 'Code', url: paper.code });
  if (paper.project) links.push({ label: 'Project page', url: paper.project });
  return links;
}

export function toCard(paper: RenderedPaper, topics: Map<string, Topic>, settings: SiteSettings): Card {
  const topicLinks = paper.topics.map((label) => {
    const topic = topics.get(slugifyTopic(label)) as Topic;
    return { label: topic.label, url: href(topicPath(topic.slug)) };
  });
  return {
    id: paper.id,
    path: paperPath(paper.id),
    url: href(paperPath(paper.id)),
    title: paper.title,
    date: paper.date,
    dateLabel: formatDay(paper.date, settings.language),
    upvotes: paper.upvotes,
    authorsShort: shortAuthors(paper.authors, settings.cardAuthors),
    authorCount: paper.authors.length,
    topics: topicLinks,
    links: paperLinks(paper),
    excerpt: excerpt(paper.text, settings.excerptLength),
    draft: paper.draft,
    cite: toCitable(paper, topicLinks.map((topic) => topic.label)),
  };
}

/** The full view of a paper; `prev`/`next` are its neighbours in its day's trending order. */
export function toPaperView(paper: RenderedPaper, card: Card, settings: SiteSettings, prev?: Card, next?: Card): PaperView {
  const week = weekKey(paper.date);
  const month = monthKey(paper.date);
  const view: PaperView = {
    ...card,
    authors: paper.authors,
    html: paper.html,
    text: paper.text,
    hasMath: paper.hasMath,
    day: { label: card.dateLabel, url: href(dayPath(paper.date)) },
    week: { label: `Week ${Number(week.slice(6))}, ${week.slice(0, 4)}`, url: href(weekPath(week)) },
    month: { label: formatMonth(month, settings.language), url: href(monthPath(month)) },
  };
  if (paper.published) {
    view.published = paper.published;
    view.publishedLabel = formatDay(paper.published, settings.language);
  }
  if (paper.venue) view.venue = paper.venue;
  if (paper.category) view.category = paper.category;
  if (paper.submitter) view.submitter = paper.submitter;
  if (prev) view.prev = { label: prev.title, url: prev.url };
  if (next) view.next = { label: next.title, url: next.url };
  return view;
}
