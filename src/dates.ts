/**
 * Calendar arithmetic and date labels, always in UTC: the only module that imports luxon. A listing
 * day is a `YYYY-MM-DD` string everywhere else; here it becomes ISO weeks, months and display text,
 * so the output never depends on the machine's time zone.
 */
import { DateTime, Info } from 'luxon';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Remembers a pure function's results by its arguments: a site has tens of thousands of papers but
 * only a few hundred distinct days, so each day is parsed and formatted once.
 */
function memoize<A extends string[], R>(fn: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = args.join('\0');
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(...args);
      cache.set(key, value);
    }
    return value as R;
  };
}

function parseDay(day: string): DateTime {
  const parsed = DateTime.fromISO(day, { zone: 'utc' });
  if (!DAY_PATTERN.test(day) || !parsed.isValid) throw new Error(`not a calendar day: "${day}"`);
  return parsed;
}

/** True when `text` is `YYYY-MM-DD` and names a real day of the proleptic Gregorian calendar. */
export const isCalendarDay = memoize(function isCalendarDay(text: string): boolean {
  return DAY_PATTERN.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
});

/** The ISO 8601 week of a day, as `YYYY-Www` (`2024-12-30` → `2025-W01`, `2021-01-03` → `2020-W53`). */
export const weekKey = memoize(function weekKey(day: string): string {
  return parseDay(day).toFormat("kkkk-'W'WW");
});

/** The month of a day, as `YYYY-MM`. */
export function monthKey(day: string): string {
  return day.slice(0, 7);
}

/** The seven days (Monday first) of an ISO week key. */
export function daysOfWeek(week: string): string[] {
  const monday = DateTime.fromISO(week, { zone: 'utc' });
  if (!/^\d{4}-W\d{2}$/.test(week) || !monday.isValid) throw new Error(`not an ISO week: "${week}"`);
  return Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }).toISODate() as string);
}

/** Every day of a month key, first to last. */
export function daysOfMonth(month: string): string[] {
  const first = parseDay(`${month}-01`);
  return Array.from({ length: first.daysInMonth ?? 0 }, (_, i) => first.plus({ days: i }).toISODate() as string);
}

/**
 * The ISO weeks (`YYYY-Www`) that hold a month's days, first to last: a calendar's rows. Their
 * Mondays and Sundays may fall in the months around it.
 */
export const weeksOfMonth = memoize(function weeksOfMonth(month: string): string[] {
  const days = daysOfMonth(month);
  return [...new Set(days.map((day) => weekKey(day)))];
});

/** The weekday names, Monday first, short (`Mon`) and long (`Monday`), in the site's language. */
export const weekdayNames = memoize(function weekdayNames(locale: string): { short: string; long: string }[] {
  const long = Info.weekdays('long', { locale });
  return Info.weekdays('short', { locale }).map((short, i) => ({ short, long: long[i] as string }));
});

/** `Jun`: a month's short name, for a year's strip of months. */
export const formatMonthShort = memoize(function formatMonthShort(month: string, locale: string): string {
  return parseDay(`${month}-01`).setLocale(locale).toLocaleString({ month: 'short' });
});

/** `March 11, 2025` (in the site's language). */
export const formatDay = memoize(function formatDay(day: string, locale: string): string {
  return parseDay(day).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
});

/** `Tue, Mar 11`: short form for calendars and lists. */
export const formatDayShort = memoize(function formatDayShort(day: string, locale: string): string {
  return parseDay(day).setLocale(locale).toLocaleString({ weekday: 'short', month: 'short', day: 'numeric' });
});

/** `March 2025`. */
export const formatMonth = memoize(function formatMonth(month: string, locale: string): string {
  return parseDay(`${month}-01`).setLocale(locale).toLocaleString({ month: 'long', year: 'numeric' });
});

/** `Week 11, 2025 (Mar 10 – Mar 16)`. */
export const formatWeek = memoize(function formatWeek(week: string, locale: string): string {
  const days = daysOfWeek(week);
  const short = (day: string) => parseDay(day).setLocale(locale).toLocaleString({ month: 'short', day: 'numeric' });
  return `Week ${Number(week.slice(6))}, ${week.slice(0, 4)} (${short(days[0] as string)} – ${short(days[6] as string)})`;
});

/** Midnight UTC of a day in RFC 822 (RFC 2822) form for RSS: `Tue, 11 Mar 2025 00:00:00 +0000`. */
export function rfc822DateTime(day: string): string {
  return parseDay(day).toRFC2822() as string;
}

/** Midnight UTC of a day in RFC 3339 form for Atom and JSON Feed: `2025-03-11T00:00:00Z`. */
export function rfc3339DateTime(day: string): string {
  return parseDay(day).toISO({ suppressMilliseconds: true }) as string;
}

/** The weekday of a day, 1 = Monday … 7 = Sunday. */
export function weekday(day: string): number {
  return parseDay(day).weekday;
}
