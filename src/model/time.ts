/** Date-times as written in records, read in `site.timezone` when they carry no offset. */
import { DateTime } from 'luxon';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isDateOnly(text: string): boolean {
  return DATE_ONLY.test(text);
}

/** The instant a record's date-time names; a date alone is its first moment in `timezone`. */
export function toDateTime(text: string, timezone: string): DateTime {
  return isDateOnly(text)
    ? DateTime.fromISO(text, { zone: timezone }).startOf('day')
    : DateTime.fromISO(text, { setZone: true });
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
    const day = (t: string) => toDateTime(t, timezone).setZone(timezone).toISODate() ?? '';
    return day(end) < day(start);
  }
  return toMillis(end, timezone) < toMillis(start, timezone);
}
