/** Release windows by month (in the site's time zone), split at "now" into upcoming and past. */
import type { DateTime } from 'luxon';
import type { ReleaseRecord } from '../content.ts';
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
