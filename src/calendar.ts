/**
 * The calendar of day, week and month listings: the month as rows of ISO weeks (Monday first, with
 * the edge days of the months around it), each day with its paper count and a link when it has
 * papers, the page's own day or week marked; the months of its year; and the Day / Week / Month
 * switch between the periods around a page. Built from the day counts alone, once per period, so
 * the layout only loops and prints.
 */
import { daysOfWeek, formatDay, formatMonth, formatMonthShort, monthKey, weekdayNames, weekKey, weeksOfMonth } from './dates.ts';
import { countOf } from './filters.ts';
import type { Period } from './listings.ts';
import { dayPath, href, monthPath, weekPath } from './urls.ts';

/** `page` on the link to the page itself, `true` on the shown item of a set that is not this page. */
export type Current = 'page' | 'true';

export interface CalendarDay {
  day: string;
  /** The day of the month, as shown: `11`. */
  number: number;
  /** The day spelled out with its count, the link's accessible name: `March 11, 2025: 26 papers`. */
  label: string;
  count: number;
  /** Only on days with papers. */
  url?: string;
  /** A day of the month before or after, completing its week's row. */
  outside: boolean;
  current?: Current;
}

export interface CalendarWeek {
  key: string;
  number: number;
  /** `Week 11, 2025`. */
  label: string;
  /** Only on weeks with papers. */
  url?: string;
  current?: Current;
  days: CalendarDay[];
}

export interface CalendarMonth {
  key: string;
  /** `Mar`. */
  short: string;
  /**
   * `March 2025`: without its count, which changes with every day added to the month, so that the
   * pages of a year do not all change daily (src/page-cache.ts); the month's page says it.
   */
  label: string;
  /** Absent when the month has no papers. */
  url?: string;
  current?: Current;
}

export interface Calendar {
  /** The month shown, `March 2025`, linked when it has papers. */
  title: string;
  url?: string;
  /** The nearest months before and after that have papers. */
  prev?: { label: string; url: string };
  next?: { label: string; url: string };
  weekdays: { short: string; long: string }[];
  weeks: CalendarWeek[];
  /** The twelve months of the shown month's year. */
  year: string;
  months: CalendarMonth[];
}

export interface PeriodLink {
  label: 'Day' | 'Week' | 'Month';
  url: string;
  current: boolean;
}

/** What the calendar knows about the site: paper counts per listing day, week and month. */
export interface DayIndex {
  days: Map<string, number>;
  weeks: Map<string, number>;
  /** Months with papers, oldest first, with their counts. */
  months: Map<string, number>;
  /** The newest day with papers in each week and in each month. */
  newestIn: Map<string, string>;
}

/** Indexes the listing days (`day → count`, any order). */
export function indexDays(dayCounts: Map<string, number>): DayIndex {
  const index: DayIndex = { days: new Map(), weeks: new Map(), months: new Map(), newestIn: new Map() };
  for (const day of [...dayCounts.keys()].sort()) {
    const count = dayCounts.get(day) as number;
    if (count <= 0) continue;
    index.days.set(day, count);
    for (const [map, key] of [[index.weeks, weekKey(day)], [index.months, monthKey(day)]] as const) {
      map.set(key, (map.get(key) ?? 0) + count);
      index.newestIn.set(key, day);
    }
  }
  return index;
}

/** The month a listing's calendar shows: a day's own; a week's or month's newest day with papers. */
function shownMonth(kind: Period, key: string, index: DayIndex): string {
  if (kind === 'month') return key;
  return monthKey(kind === 'day' ? key : (index.newestIn.get(key) ?? daysOfWeek(key)[3] as string));
}

function calendarDay(day: string, month: string, index: DayIndex, current: string | undefined, language: string): CalendarDay {
  const count = index.days.get(day) ?? 0;
  const cell: CalendarDay = {
    day, number: Number(day.slice(8)), label: `${formatDay(day, language)}: ${count ? countOf(count, 'paper') : 'no papers'}`,
    count, outside: monthKey(day) !== month,
  };
  if (count) cell.url = href(dayPath(day));
  if (day === current) cell.current = 'page';
  return cell;
}

function calendarWeeks(kind: Period, key: string, month: string, index: DayIndex, language: string): CalendarWeek[] {
  return weeksOfMonth(month).map((week) => {
    const row: CalendarWeek = {
      key: week, number: Number(week.slice(6)), label: `Week ${Number(week.slice(6))}, ${week.slice(0, 4)}`,
      days: daysOfWeek(week).map((day) => calendarDay(day, month, index, kind === 'day' ? key : undefined, language)),
    };
    if (index.weeks.has(week)) row.url = href(weekPath(week));
    if (kind === 'week' && week === key) row.current = 'page';
    return row;
  });
}

function yearMonths(month: string, kind: Period, index: DayIndex, language: string): CalendarMonth[] {
  const year = month.slice(0, 4);
  return Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, '0')}`;
    const item: CalendarMonth = { key, short: formatMonthShort(key, language), label: formatMonth(key, language) };
    if (index.months.get(key)) item.url = href(monthPath(key));
    if (key === month) item.current = kind === 'month' ? 'page' : 'true';
    return item;
  });
}

/** The calendar of a day, week or month listing (`key` as in its URL). */
export function calendarFor(kind: Period, key: string, index: DayIndex, language: string): Calendar {
  const month = shownMonth(kind, key, index);
  const months = [...index.months.keys()];
  const link = (m: string | undefined) => (m ? { label: formatMonth(m, language), url: href(monthPath(m)) } : undefined);
  const before = months.filter((m) => m < month).at(-1);
  const after = months.find((m) => m > month);
  const calendar: Calendar = {
    title: formatMonth(month, language),
    weekdays: weekdayNames(language),
    weeks: calendarWeeks(kind, key, month, index, language),
    year: month.slice(0, 4),
    months: yearMonths(month, kind, index, language),
  };
  if (index.months.has(month)) calendar.url = href(monthPath(month));
  const prev = link(before);
  const next = link(after);
  if (prev) calendar.prev = prev;
  if (next) calendar.next = next;
  return calendar;
}

/**
 * The Day / Week / Month switch of a listing: the periods that hold it (a day's week and month), or
 * for a week or month the newest day and week with papers in it. Every link leads to a page that exists.
 */
export function periodSwitch(kind: Period, key: string, index: DayIndex): PeriodLink[] {
  const day = kind === 'day' ? key : (index.newestIn.get(key) as string);
  return [
    { label: 'Day', url: href(dayPath(day)), current: kind === 'day' },
    { label: 'Week', url: href(weekPath(kind === 'week' ? key : weekKey(day))), current: kind === 'week' },
    { label: 'Month', url: href(monthPath(kind === 'month' ? key : monthKey(day))), current: kind === 'month' },
  ];
}
