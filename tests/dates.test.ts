import { describe, expect, it } from 'vitest';
import { daysOfMonth, daysOfWeek, formatDay, formatMonth, formatMonthShort, formatWeek, isCalendarDay, monthKey, rfc3339DateTime, rfc822DateTime, weekdayNames, weekKey, weeksOfMonth } from '../src/dates.ts';

describe('dates', () => {
  it.each([
    ['2024-12-30', '2025-W01'],
    ['2025-01-05', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2020-12-31', '2020-W53'],
    ['2026-01-01', '2026-W01'],
    ['2025-03-11', '2025-W11'],
  ])('puts %s in ISO week %s', (day, week) => {
    expect(weekKey(day)).toBe(week);
  });

  it('lists the seven days of an ISO week, Monday first, across a year end', () => {
    expect(daysOfWeek('2025-W01')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05']);
    expect(daysOfWeek('2020-W53').at(-1)).toBe('2021-01-03');
  });

  it('lists every day of a month, leap years included', () => {
    expect(daysOfMonth('2024-02')).toHaveLength(29);
    expect(daysOfMonth('2025-02').at(-1)).toBe('2025-02-28');
  });

  it('lists the ISO weeks that hold a month, across a year end', () => {
    expect(weeksOfMonth('2025-03')).toEqual(['2025-W09', '2025-W10', '2025-W11', '2025-W12', '2025-W13', '2025-W14']);
    expect(weeksOfMonth('2021-01')).toEqual(['2020-W53', '2021-W01', '2021-W02', '2021-W03', '2021-W04']);
    expect(weeksOfMonth('2026-02')).toEqual(['2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09']);
  });

  it('names the weekdays Monday first, short and long, and months short', () => {
    expect(weekdayNames('en').map((d) => d.short)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(weekdayNames('en')[6]?.long).toBe('Sunday');
    expect(formatMonthShort('2025-09', 'en')).toBe('Sep');
  });

  it('knows real calendar days', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-3-1')).toBe(false);
    expect(isCalendarDay('2025-03-11T00:00')).toBe(false);
  });

  it('formats labels the same whatever the process time zone', () => {
    expect(formatDay('2025-03-11', 'en')).toBe('March 11, 2025');
    expect(formatMonth('2025-03', 'en')).toBe('March 2025');
    expect(formatWeek('2025-W01', 'en')).toBe('Week 1, 2025 (Dec 30 – Jan 5)');
    expect(monthKey('2025-03-11')).toBe('2025-03');
  });

  it('writes a day as midnight UTC for feeds: RFC 822 with its weekday, and RFC 3339', () => {
    expect(rfc822DateTime('2025-03-11')).toBe('Tue, 11 Mar 2025 00:00:00 +0000');
    expect(rfc822DateTime('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 +0000');
    expect(rfc822DateTime('2021-01-03')).toBe('Sun, 03 Jan 2021 00:00:00 +0000');
    expect(rfc3339DateTime('2025-03-11')).toBe('2025-03-11T00:00:00Z');
    expect(() => rfc3339DateTime('2025-02-30')).toThrow(/not a calendar day/);
  });
});
