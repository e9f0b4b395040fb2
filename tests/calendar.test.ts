import { describe, expect, it } from 'vitest';
import { calendarFor, indexDays, periodSwitch, type Calendar } from '../src/calendar.ts';

/** Day counts, e.g. `counts('2025-03-11:26', '2025-03-13:4')`. */
const counts = (...entries: string[]) => indexDays(new Map(entries.map((e) => [e.split(':')[0] as string, Number(e.split(':')[1])])));

const cell = (calendar: Calendar, day: string) => calendar.weeks.flatMap((w) => w.days).find((d) => d.day === day);

describe('calendarFor', () => {
  it('lays a month out in ISO weeks, Monday first, completing the first and last rows from the months around it', () => {
    const calendar = calendarFor('month', '2025-03', counts('2025-03-11:2'), 'en');
    expect(calendar.title).toBe('March 2025');
    expect(calendar.weekdays.map((d) => d.short)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(calendar.weekdays[0]?.long).toBe('Monday');
    expect(calendar.weeks.map((w) => w.number)).toEqual([9, 10, 11, 12, 13, 14]);
    expect(calendar.weeks[0]?.days.map((d) => [d.number, d.outside])).toEqual([
      [24, true], [25, true], [26, true], [27, true], [28, true], [1, false], [2, false],
    ]);
    expect(calendar.weeks.at(-1)?.days.map((d) => d.day)).toEqual(['2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05', '2025-04-06']);
  });

  it('links only the days and weeks that have papers, and names each day with its count', () => {
    const calendar = calendarFor('month', '2025-03', counts('2025-03-11:26', '2025-03-12:1'), 'en');
    expect(cell(calendar, '2025-03-11')).toMatchObject({ url: '/papers/date/2025-03-11/', count: 26, label: 'March 11, 2025: 26 papers' });
    expect(cell(calendar, '2025-03-12')?.label).toBe('March 12, 2025: 1 paper');
    expect(cell(calendar, '2025-03-13')).toMatchObject({ count: 0, label: 'March 13, 2025: no papers' });
    expect(cell(calendar, '2025-03-13')?.url).toBeUndefined();
    expect(calendar.weeks.map((w) => w.url ?? null)).toEqual([null, null, '/papers/week/2025-W11/', null, null, null]);
    expect(calendar.weeks[2]?.label).toBe('Week 11, 2025');
  });

  it('marks the page’s own day on a day page and its week on a week page', () => {
    const index = counts('2025-03-11:2', '2025-03-13:1');
    const day = calendarFor('day', '2025-03-13', index, 'en');
    expect(day.weeks.flatMap((w) => w.days).filter((d) => d.current).map((d) => [d.day, d.current])).toEqual([['2025-03-13', 'page']]);
    expect(day.weeks.some((w) => w.current)).toBe(false);
    const week = calendarFor('week', '2025-W11', index, 'en');
    expect(week.weeks.filter((w) => w.current).map((w) => [w.key, w.current])).toEqual([['2025-W11', 'page']]);
    expect(week.weeks.flatMap((w) => w.days).some((d) => d.current)).toBe(false);
  });

  it('shows a week that spans two months in the month of its newest day with papers', () => {
    const index = counts('2025-03-31:3', '2025-04-02:1', '2025-02-03:1');
    expect(calendarFor('week', '2025-W14', index, 'en').title).toBe('April 2025');
    expect(calendarFor('week', '2025-W14', counts('2025-03-31:3'), 'en').title).toBe('March 2025');
  });

  it('links the nearest months with papers before and after, skipping empty months and crossing years', () => {
    const calendar = calendarFor('day', '2025-03-11', counts('2024-11-05:1', '2025-03-11:1', '2025-06-02:4'), 'en');
    expect(calendar.prev).toEqual({ label: 'November 2024', url: '/papers/month/2024-11/' });
    expect(calendar.next).toEqual({ label: 'June 2025', url: '/papers/month/2025-06/' });
    expect(calendar.url).toBe('/papers/month/2025-03/');
    const only = calendarFor('month', '2025-03', counts('2025-03-11:1'), 'en');
    expect([only.prev, only.next]).toEqual([undefined, undefined]);
  });

  it('lists the twelve months of the year with their counts, the shown month marked', () => {
    const index = counts('2025-01-02:5', '2025-01-03:2', '2025-03-11:1', '2024-12-31:9');
    const months = calendarFor('month', '2025-03', index, 'en').months;
    expect(months.map((m) => m.short)).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(months.slice(0, 3).map((m) => [m.url ?? null, m.current ?? null])).toEqual([
      ['/papers/month/2025-01/', null], [null, null], ['/papers/month/2025-03/', 'page'],
    ]);
    // No count: it changes with every day added, and would change every page of the year daily.
    expect(months[0]?.label).toBe('January 2025');
    expect(calendarFor('day', '2025-03-11', index, 'en').months[2]?.current).toBe('true');
  });

  it('speaks the site’s language', () => {
    const calendar = calendarFor('day', '2025-03-11', counts('2025-03-11:2'), 'de');
    expect(calendar.title).toBe('März 2025');
    expect(calendar.weekdays[0]?.long).toBe('Montag');
    expect(calendar.weekdays[0]?.short).toMatch(/^Mo/);
    expect(cell(calendar, '2025-03-11')?.label).toMatch(/^11\. März 2025: 2 papers$/);
  });

  it('handles a leap February and a month starting on a Monday', () => {
    const feb = calendarFor('month', '2024-02', counts('2024-02-29:1'), 'en');
    expect(cell(feb, '2024-02-29')?.outside).toBe(false);
    const sept = calendarFor('month', '2025-09', counts('2025-09-01:1'), 'en');
    expect(sept.weeks[0]?.days[0]).toMatchObject({ day: '2025-09-01', outside: false });
  });
});

describe('periodSwitch', () => {
  const index = counts('2025-03-10:1', '2025-03-12:3', '2025-03-31:2');

  it('leads from a day to its week and month', () => {
    expect(periodSwitch('day', '2025-03-12', index)).toEqual([
      { label: 'Day', url: '/papers/date/2025-03-12/', current: true },
      { label: 'Week', url: '/papers/week/2025-W11/', current: false },
      { label: 'Month', url: '/papers/month/2025-03/', current: false },
    ]);
  });

  it('leads from a week or a month to its newest day with papers', () => {
    expect(periodSwitch('week', '2025-W11', index).map((l) => [l.url, l.current])).toEqual([
      ['/papers/date/2025-03-12/', false], ['/papers/week/2025-W11/', true], ['/papers/month/2025-03/', false],
    ]);
    expect(periodSwitch('month', '2025-03', index).map((l) => l.url)).toEqual(['/papers/date/2025-03-31/', '/papers/week/2025-W14/', '/papers/month/2025-03/']);
  });
});

describe('indexDays', () => {
  it('sums weeks and months, remembers each period’s newest day and ignores days without papers', () => {
    const index = counts('2025-03-31:2', '2025-04-01:3', '2025-04-02:0');
    expect([...index.weeks]).toEqual([['2025-W14', 5]]);
    expect([...index.months]).toEqual([['2025-03', 2], ['2025-04', 3]]);
    expect(index.newestIn.get('2025-W14')).toBe('2025-04-01');
    expect(index.days.has('2025-04-02')).toBe(false);
  });
});
