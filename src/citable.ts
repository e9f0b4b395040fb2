/**
 * What every citation and reuse format (Highwire tags, JSON-LD, BibTeX, COinS, the JSON API)
 * needs to know about one paper, in one small record: the facts as written, plus the few that are
 * derived the same way everywhere (the arXiv DOI, the PDF, the date a citation gives). Kept apart
 * so each format module reads one type, and cards and paper pages carry it without copying text.
 */
import { arxivAbsUrl, arxivPdfUrl } from './arxiv.ts';
import type { RenderedPaper } from './views.ts';

export interface Citable {
  id: string;
  title: string;
  authors: string[];
  /** The listing day, `YYYY-MM-DD`. */
  date: string;
  /** The first public date (arXiv v1), `YYYY-MM-DD`, when known. */
  published?: string;
  /** arXiv id without version. */
  arxiv?: string;
  /** arXiv primary category, e.g. `cs.LG`. */
  category?: string;
  venue?: string;
  /** The PDF: the one given, else arXiv's (pinned to the version given). */
  pdf?: string;
  code?: string;
  project?: string;
  /** Topic names as the site shows them. */
  keywords: string[];
  /** The abstract as plain text, TeX as written, paragraphs separated by a blank line. */
  abstract: string;
  upvotes: number;
}

/** A paper's citation record; `keywords` are its topics' site-wide names. */
export function toCitable(paper: RenderedPaper, keywords: string[]): Citable {
  const cite: Citable = {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    date: paper.date,
    keywords,
    abstract: paper.text,
    upvotes: paper.upvotes,
  };
  if (paper.published) cite.published = paper.published;
  if (paper.arxiv) cite.arxiv = paper.arxiv;
  if (paper.category) cite.category = paper.category;
  if (paper.venue) cite.venue = paper.venue;
  const pdf = paper.pdf ?? (paper.arxiv ? arxivPdfUrl(paper.arxiv, paper.arxivVersion) : undefined);
  if (pdf) cite.pdf = pdf;
  if (paper.code) cite.code = paper.code;
  if (paper.project) cite.project = paper.project;
  return cite;
}

/** The DOI arXiv registers for every paper (DataCite), e.g. `10.48550/arXiv.2310.02970`. */
export function arxivDoi(arxiv: string): string {
  return `10.48550/arXiv.${arxiv}`;
}

/** The date a citation gives: the first public date when known, else the listing day. */
export function citationDate(cite: Citable): string {
  return cite.published ?? cite.date;
}

/** The abstract page on arXiv, for arXiv papers. */
export function arxivUrl(cite: Citable): string | undefined {
  return cite.arxiv ? arxivAbsUrl(cite.arxiv) : undefined;
}

export interface DayOfCitables {
  day: string;
  cites: Citable[];
}

/** Citation records by listing day, days ascending, each day in the order given (pages give trending order). */
export function citablesByDay(items: { cite: Citable }[]): DayOfCitables[] {
  const days = new Map<string, Citable[]>();
  for (const { cite } of items) {
    const group = days.get(cite.date);
    if (group) group.push(cite);
    else days.set(cite.date, [cite]);
  }
  return [...days.keys()].sort().map((day) => ({ day, cites: days.get(day) as Citable[] }));
}
