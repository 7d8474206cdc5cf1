/** Date-times as written in records, read in `site.timezone` when they carry no offset. */
import { DateTime } from 'luxon';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isDateOnly(text: string): boolean {
  return DATE_ONLY.test(text);
}

/**
 * Parsed date-times by time zone and text. A build reads the same few dates of each record on
 * many pages (its own, its run sheet, lists, calendar, home), and luxon's parse plus its zone
 * offset (Intl.DateTimeFormat#formatToParts) cost microseconds each: tens of thousands of
 * times per build. DateTimes are immutable, so one can be shared. Bounded: cleared when full.
 */
const parsed = new Map<string, DateTime>();
const MAX_PARSED = 500_000;

/** The instant a record's date-time names; a date alone is its first moment in `timezone`. */
export function toDateTime(text: string, timezone: string): DateTime {
  const key = `${timezone} ${text}`;
  let dt = parsed.get(key);
  if (dt === undefined) {
    dt = isDateOnly(text)
      ? DateTime.fromISO(text, { zone: timezone }).startOf('day')
      : DateTime.fromISO(text, { setZone: true });
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(key, dt);
  }
  return dt;
}

/** The same instant seen in `timezone` (its calendar day, year, wall-clock time), cached as toDateTime is. */
export function toZonedDateTime(text: string, timezone: string): DateTime {
  const key = `${timezone}@${text}`;
  let dt = parsed.get(key);
  if (dt === undefined) {
    dt = toDateTime(text, timezone).setZone(timezone);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(key, dt);
  }
  return dt;
}

export function toMillis(text: string, timezone: string): number {
  return toDateTime(text, timezone).toMillis();
}

/**
 * Whether `end` is before `start`. A date alone on either side compares by calendar day,
 * so `start: 2026-03-12T22:00+08:00, end: 2026-03-12` is not "before".
 */
export function endsBeforeStart(start: string, end: string, timezone: string): boolean {
  if (isDateOnly(start) || isDateOnly(end)) {
    const day = (t: string) => toZonedDateTime(t, timezone).toISODate() ?? '';
    return day(end) < day(start);
  }
  return toMillis(end, timezone) < toMillis(start, timezone);
}
