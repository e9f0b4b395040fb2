/**
 * A static JSON API in the shape of the Hugging Face Papers API (`/api/papers/{id}`,
 * `/api/daily_papers?date=…`), so tools written for it work here: a paper object per paper and, per
 * listing day, the list of daily entries in trending order, plus the newest day as `latest`. Dates
 * are ISO 8601 strings at midnight UTC (`2025-03-11T00:00:00.000Z`); optional fields are left out
 * when the paper has no value, as Hugging Face does.
 */
import { citationDate, type Citable, type DayOfCitables } from './citable.ts';
import { apiDayPath, apiLatestPath } from './urls.ts';

export interface ApiPaper {
  id: string;
  title: string;
  /** The abstract as plain text (TeX as written). */
  summary: string;
  authors: { name: string }[];
  /** First public date when known, else the listing day. */
  publishedAt: string;
  upvotes: number;
  /** The code URL (`code`), on GitHub or elsewhere. */
  githubRepo?: string;
  projectPage?: string;
  /** The listing day (Hugging Face's newer entries carry it here too). */
  submittedOnDailyAt: string;
}

export interface DailyEntry {
  paper: ApiPaper;
  title: string;
  publishedAt: string;
  submittedOnDailyAt: string;
}

/** A day's file: where it goes, its listing day (none for `latest.json`) and whose entries it lists (rendered when written, not held in memory). */
export interface DailyFile {
  path: string;
  day?: string;
  cites: Citable[];
}

/** `2025-03-11` → `2025-03-11T00:00:00.000Z`, the form `Date.prototype.toISOString` writes. */
export function isoDay(day: string): string {
  return `${day}T00:00:00.000Z`;
}

export function apiPaper(cite: Citable): ApiPaper {
  const paper: ApiPaper = {
    id: cite.id,
    title: cite.title,
    summary: cite.abstract,
    authors: cite.authors.map((name) => ({ name })),
    publishedAt: isoDay(citationDate(cite)),
    upvotes: cite.upvotes,
    submittedOnDailyAt: isoDay(cite.date),
  };
  if (cite.code) paper.githubRepo = cite.code;
  if (cite.project) paper.projectPage = cite.project;
  return paper;
}

export function dailyEntry(cite: Citable): DailyEntry {
  const paper = apiPaper(cite);
  return { paper, title: paper.title, publishedAt: paper.publishedAt, submittedOnDailyAt: paper.submittedOnDailyAt };
}

/** The body of a day's file: its entries, in the order given. */
export function dailyJson(cites: Citable[]): string {
  return JSON.stringify(cites.map(dailyEntry));
}

/** One file per listing day, and `latest.json` for the newest (an empty list when there are no papers). */
export function dailyFiles(days: DayOfCitables[]): DailyFile[] {
  const files: DailyFile[] = days.map(({ day, cites }) => ({ path: apiDayPath(day), day, cites }));
  files.push({ path: apiLatestPath(), cites: days.at(-1)?.cites ?? [] });
  return files;
}
