/**
 * Every HTML page the site has, as data: one entry per paper page, per listing page (day, week,
 * month, topic, each paginated) and the topic index. Built once from the rendered papers; Eleventy
 * paginates over these arrays and the layouts print them.
 */
import { calendarFor, indexDays, periodSwitch, type Calendar, type DayIndex, type PeriodLink } from './calendar.ts';
import { daysOfWeek, formatDay, formatMonth, formatWeek, monthKey, weekKey } from './dates.ts';
import { compareText, groupByPeriod, groupByTopic, neighbours, paginate, type Period } from './listings.ts';
import type { SiteSettings } from './site.ts';
import { nameTopics, type Topic } from './topics.ts';
import { dayPath, href, latestPath, monthPath, pagePath, topicPath, weekPath } from './urls.ts';
import { toCard, toPaperView, type Card, type Link, type PaperView, type RenderedPaper } from './views.ts';

export type ListingKind = Period | 'topic';

export interface ListingPage {
  kind: ListingKind;
  key: string;
  /** Where the page is written (may contain non-ASCII), e.g. `/papers/date/2025-03-11/page/2/`. */
  path: string;
  url: string;
  /** The listing's first page. */
  listingUrl: string;
  title: string;
  /** Papers in the whole listing, over all its pages. */
  count: number;
  papers: Card[];
  pageNumber: number;
  pages: { number: number; url: string; current: boolean }[];
  prev?: Link;
  next?: Link;
  /** Enclosing periods: a day's week and month, a week's month(s). */
  up: Link[];
  /** A day's, week's or month's calendar (./calendar.ts); absent on topics. */
  calendar?: Calendar;
  /** The Day / Week / Month switch; absent on topics. */
  periods?: PeriodLink[];
}

export interface TopicSummary extends Topic {
  url: string;
  count: number;
}

export interface Pages {
  papers: PaperView[];
  listings: ListingPage[];
  /** The home page: the first page of the newest day, written at `/`. */
  home?: ListingPage;
  topics: TopicSummary[];
  /** The newest day, week and month that have papers: the site navigation's "Today", "This week", "This month". */
  latest?: { day: Link; week: Link; month: Link };
  /** Pages at `/papers/date/latest/`, `/papers/week/latest/`, `/papers/month/latest/` that lead to the newest ones (when no redirect answers first). */
  latestPages: LatestPage[];
}

/**
 * A page at an address that never changes, leading to the newest day, week or month: what a static
 * host without redirects and a link checker find there. Netlify (and `npm run preview`, and the dev
 * server) answer the same address with the `_redirects` rule (src/site-redirects.ts) first.
 */
export interface LatestPage {
  /** `/papers/week/latest/` */
  path: string;
  title: string;
  to: Link;
}

const paths: Record<Period, (key: string) => string> = { day: dayPath, week: weekPath, month: monthPath };

function periodTitle(kind: Period, key: string, language: string): string {
  if (kind === 'day') return formatDay(key, language);
  if (kind === 'week') return formatWeek(key, language);
  return formatMonth(key, language);
}

function upOf(kind: Period, key: string, language: string): Link[] {
  if (kind === 'day') {
    const week = weekKey(key);
    return [
      { label: `Week ${Number(week.slice(6))}, ${week.slice(0, 4)}`, url: href(weekPath(week)) },
      { label: formatMonth(monthKey(key), language), url: href(monthPath(monthKey(key))) },
    ];
  }
  if (kind === 'week') {
    const months = [...new Set(daysOfWeek(key).map(monthKey))];
    return months.map((month) => ({ label: formatMonth(month, language), url: href(monthPath(month)) }));
  }
  return [];
}

interface ListingSpec {
  kind: ListingKind;
  key: string;
  base: string;
  title: string;
  cards: Card[];
  prev?: Link;
  next?: Link;
  up: Link[];
  calendar?: Calendar;
  periods?: PeriodLink[];
}

function paginateListing(spec: ListingSpec, size: number): ListingPage[] {
  const chunks = paginate(spec.cards, size);
  const pages = chunks.map((_, i) => ({ number: i + 1, url: href(pagePath(spec.base, i + 1)), current: false }));
  return chunks.map((papers, i) => {
    const path = pagePath(spec.base, i + 1);
    const page: ListingPage = {
      kind: spec.kind, key: spec.key, path, url: href(path), listingUrl: href(spec.base), title: spec.title,
      count: spec.cards.length, papers, pageNumber: i + 1,
      pages: pages.map((p) => ({ ...p, current: p.number === i + 1 })),
      up: spec.up,
    };
    if (spec.calendar) page.calendar = spec.calendar;
    if (spec.periods) page.periods = spec.periods;
    if (spec.prev) page.prev = spec.prev;
    if (spec.next) page.next = spec.next;
    return page;
  });
}

function periodListings(kind: Period, papers: RenderedPaper[], cards: Map<string, Card>, days: Map<string, RenderedPaper[]>, index: DayIndex, settings: SiteSettings) {
  const groups = kind === 'day' ? days : groupByPeriod(papers, kind);
  const keys = [...groups.keys()];
  const link = (key: string): Link => ({ label: periodTitle(kind, key, settings.language), url: href(paths[kind](key)) });
  return keys.flatMap((key, i) => {
    const { prev, next } = neighbours(keys, i);
    const spec: ListingSpec = {
      kind, key, base: paths[kind](key), title: periodTitle(kind, key, settings.language),
      cards: (groups.get(key) as RenderedPaper[]).map((p) => cards.get(p.id) as Card),
      up: upOf(kind, key, settings.language),
      calendar: calendarFor(kind, key, index, settings.language), periods: periodSwitch(kind, key, index),
      ...(prev ? { prev: link(prev) } : {}), ...(next ? { next: link(next) } : {}),
    };
    return paginateListing(spec, settings.listingPageSize);
  });
}

/** Builds every page's data from the papers that go into this build. */
export function buildPages(papers: RenderedPaper[], settings: SiteSettings): Pages {
  const topics = nameTopics(papers.flatMap((p) => p.topics));
  const cards = new Map(papers.map((p) => [p.id, toCard(p, topics, settings)]));
  const days = groupByPeriod(papers, 'day');
  const paperViews: PaperView[] = [];
  for (const group of days.values()) {
    group.forEach((paper, i) => {
      const { prev, next } = neighbours(group, i);
      const card = (p?: RenderedPaper) => (p ? cards.get(p.id) : undefined);
      paperViews.push(toPaperView(paper, card(paper) as Card, settings, card(prev), card(next)));
    });
  }
  const byTopic = groupByTopic(papers);
  const topicSummaries: TopicSummary[] = [...byTopic].map(([slug, group]) => ({
    ...(topics.get(slug) as Topic), url: href(topicPath(slug)), count: group.length,
  }));
  const topicListings = topicSummaries.flatMap((topic) =>
    paginateListing({
      kind: 'topic', key: topic.slug, base: topicPath(topic.slug), title: topic.label,
      cards: (byTopic.get(topic.slug) as RenderedPaper[]).map((p) => cards.get(p.id) as Card), up: [],
    }, settings.listingPageSize),
  );
  const index = indexDays(new Map([...days].map(([day, group]) => [day, group.length])));
  const listings = [
    ...periodListings('day', papers, cards, days, index, settings),
    ...periodListings('week', papers, cards, days, index, settings),
    ...periodListings('month', papers, cards, days, index, settings),
    ...topicListings,
  ];
  const newestDay = [...days.keys()].at(-1);
  const result: Pages = { papers: paperViews, listings, topics: topicSummaries.sort((a, b) => compareText(a.label, b.label) || compareText(a.slug, b.slug)), latestPages: [] };
  if (newestDay) {
    const week = weekKey(newestDay);
    const month = monthKey(newestDay);
    result.latest = {
      day: { label: formatDay(newestDay, settings.language), url: href(dayPath(newestDay)) },
      week: { label: formatWeek(week, settings.language), url: href(weekPath(week)) },
      month: { label: formatMonth(month, settings.language), url: href(monthPath(month)) },
    };
    result.latestPages = [
      { path: `${latestPath('date')}/`, title: 'Today’s papers', to: result.latest.day },
      { path: `${latestPath('week')}/`, title: 'This week’s papers', to: result.latest.week },
      { path: `${latestPath('month')}/`, title: 'This month’s papers', to: result.latest.month },
    ];
    result.home = listings.find((page) => page.kind === 'day' && page.key === newestDay && page.pageNumber === 1) as ListingPage;
  }
  return result;
}
