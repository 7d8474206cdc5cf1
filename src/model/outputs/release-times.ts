/**
 * The instants the feeds and calendars place a release at, read in the site's time zone
 * when a record gives a date alone.
 */
import type { ReleaseRecord } from '../content.ts';
import { isDateOnly, toDateTime, toMillis } from '../time.ts';

/** When the release is (or was) planned to go out: its window's start, else its actual start. */
export function publishedAt(release: ReleaseRecord, timezone: string): number | undefined {
  const when = release.data.window?.start ?? release.data.actual?.start;
  return when === undefined ? undefined : toMillis(when, timezone);
}

/**
 * The latest instant the record tells of its go-live: window, actual start and end,
 * verification, rollback. A feed entry is "updated" then, so a release that went out or
 * was rolled back shows again in a feed reader. Derived from the record only, so the same
 * content gives the same feed on every build.
 */
export function updatedAt(release: ReleaseRecord, timezone: string): number | undefined {
  const { window, actual, verification, rolledBack } = release.data;
  const times = [window?.start, actual?.start, actual?.end, verification?.at, rolledBack?.at]
    .filter((t): t is string => t !== undefined)
    .map((t) => toMillis(t, timezone));
  return times.length === 0 ? undefined : Math.max(...times);
}

/** A window as a calendar event: instants, or whole days when either end is a date alone. */
export interface EventTime {
  allDay: boolean;
  start: Date;
  end: Date;
}

/**
 * The window of a release as an event. Instants are UTC. A date alone is a whole day in the
 * site's time zone: the event is all-day from the start's calendar day through the end's
 * (the end of an all-day event is exclusive, so one day is added). The Date values of an
 * all-day event are UTC midnights of those calendar days, which is how the calendar library
 * writes a `VALUE=DATE`.
 */
export function windowEvent(release: ReleaseRecord, timezone: string): EventTime | undefined {
  const window = release.data.window;
  if (!window) return undefined;
  const dayOf = (text: string) => toDateTime(text, timezone).setZone(timezone).toISODate()!;
  if (isDateOnly(window.start) || isDateOnly(window.end)) {
    const start = new Date(`${dayOf(window.start)}T00:00:00Z`);
    const end = new Date(`${dayOf(window.end)}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    return { allDay: true, start, end };
  }
  return { allDay: false, start: new Date(toMillis(window.start, timezone)), end: new Date(toMillis(window.end, timezone)) };
}
