/** Release windows by month (in the site's time zone), split at "now" into upcoming and past. */
import type { DateTime } from 'luxon';
import { timezoneOf, type Content, type ReleaseRecord } from '../content.ts';
import { perContent } from '../memo.ts';
import { toZonedDateTime, toMillis } from '../time.ts';
import { compareVersions } from './releases.ts';

export interface CalendarEntry {
  release: ReleaseRecord;
  start: string;
  end: string;
}

export interface CalendarMonth {
  /** `2026-03` */
  key: string;
  year: number;
  month: number;
  /** The month "now" is in. */
  current: boolean;
  /** In window order. */
  entries: CalendarEntry[];
}

export interface Calendar {
  /** The current month and later, soonest first. */
  upcoming: CalendarMonth[];
  /** Earlier months, most recent first. */
  past: CalendarMonth[];
  /** Releases with no window yet (planned, some cancelled). */
  unscheduled: ReleaseRecord[];
}

/** Months are those of the planned window (上线窗口); a release that went out without one uses its actual start. */
export function releaseCalendar(releases: readonly ReleaseRecord[], now: DateTime, timezone: string): Calendar {
  const months = new Map<string, CalendarMonth>();
  const unscheduled: ReleaseRecord[] = [];
  const local = now.setZone(timezone);
  const currentKey = local.toFormat('yyyy-MM');
  for (const release of releases) {
    const span = release.data.window ?? (release.data.actual && { start: release.data.actual.start, end: release.data.actual.end ?? release.data.actual.start });
    if (!span) {
      unscheduled.push(release);
      continue;
    }
    const start = toZonedDateTime(span.start, timezone);
    const key = start.toFormat('yyyy-MM');
    let month = months.get(key);
    if (!month) {
      month = { key, year: start.year, month: start.month, current: key === currentKey, entries: [] };
      months.set(key, month);
    }
    month.entries.push({ release, start: span.start, end: span.end });
  }
  for (const month of months.values()) {
    month.entries.sort((a, b) => toMillis(a.start, timezone) - toMillis(b.start, timezone) || compareVersions(a.release.data.version, b.release.data.version));
  }
  const all = [...months.values()].sort((a, b) => a.key.localeCompare(b.key));
  unscheduled.sort((a, b) => a.data.service.localeCompare(b.data.service) || compareVersions(a.data.version, b.data.version));
  return {
    upcoming: all.filter((m) => m.key >= currentKey),
    past: all.filter((m) => m.key < currentKey).reverse(),
    unscheduled,
  };
}

/** The anchor of a month on the calendar page. */
export const monthAnchor = (key: string): string => `month-${key}`;

const calendars = perContent(() => new Map<string, Calendar>());

/** releaseCalendar of every release of `content`, computed once per Content, "now" and zone (the calendar pages all ask). */
export function calendarOf(content: Content, now: DateTime, timezone: string): Calendar {
  const known = calendars(content);
  const key = `${now.toMillis()} ${timezone}`;
  let calendar = known.get(key);
  if (!calendar) {
    calendar = releaseCalendar([...content.releaseByRef.values()], now, timezone);
    known.set(key, calendar);
  }
  return calendar;
}

/** The calendar's year pages: `/calendar/2026/`. */
export const calendarYearPath = (year: number): string => `/calendar/${year}/`;

export interface CalendarYear {
  year: number;
  /** Newest month first. */
  months: CalendarMonth[];
  windows: number;
}

/** Every month of the calendar (upcoming and past) by year, newest year and month first. */
export function calendarYears(calendar: Calendar): CalendarYear[] {
  const years = new Map<number, CalendarMonth[]>();
  for (const month of [...calendar.upcoming, ...calendar.past]) {
    const list = years.get(month.year);
    if (list) list.push(month);
    else years.set(month.year, [month]);
  }
  return [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, months]) => {
      const sorted = months.sort((a, b) => b.key.localeCompare(a.key));
      return { year, months: sorted, windows: sorted.reduce((n, m) => n + m.entries.length, 0) };
    });
}

/**
 * The releases whose window (else what actually happened) touches each month (`2026-03`, in
 * the site's time zone): what a month's gantt can show, found once per Content instead of
 * scanning every release for every month.
 */
const releasesByMonth = perContent((content) => {
  const timezone = timezoneOf(content);
  const months = new Map<string, ReleaseRecord[]>();
  for (const release of content.releaseByRef.values()) {
    const span = release.data.window ?? release.data.actual;
    if (!span) continue;
    const start = toZonedDateTime(span.start, timezone);
    const end = span.end === undefined ? start : toZonedDateTime(span.end, timezone);
    if (!start.isValid || !end.isValid) continue;
    // Every month from the start's to the end's (a window rarely spans more than one).
    let month = start.startOf('month');
    for (let i = 0; month <= end && i < 240; i += 1, month = month.plus({ months: 1 })) {
      const key = month.toFormat('yyyy-MM');
      const list = months.get(key);
      if (list) list.push(release);
      else months.set(key, [release]);
    }
  }
  return months;
});

/** The releases whose window touches `month` (YYYY-MM in the site's time zone), in load order. */
export function releasesTouchingMonth(content: Content, month: string): ReleaseRecord[] {
  return releasesByMonth(content).get(month) ?? [];
}
