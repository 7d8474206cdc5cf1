/**
 * Deployments: releases that reached production, i.e. status `released` or `rolled-back`
 * (a rolled-back release did reach production). Each is dated by its go-live start
 * (`actual.start`), which puts it in a month and a quarter for every metric of the page.
 */
import type { DateTime } from 'luxon';
import type { Content, ReleaseRecord } from '../content.ts';
import { isDateOnly, toDateTime } from '../time.ts';
import { compareVersions } from '../queries/releases.ts';

export interface Deployment {
  release: ReleaseRecord;
  service: string;
  /** Go-live start (`actual.start`), in the site's zone. */
  start: DateTime;
  /** Go-live end (`actual.end`); a date alone is the end of that day. */
  end: DateTime | undefined;
}

export const REACHED_PRODUCTION: ReadonlySet<string> = new Set(['released', 'rolled-back']);

/** A record's date-time in the site's zone. */
export function instant(text: string, timezone: string): DateTime {
  return toDateTime(text, timezone).setZone(timezone);
}

/** Whole minutes from `a` to `b` (plain arithmetic: Luxon's diff costs ~0.1 ms a call). */
export function minutesBetween(a: DateTime, b: DateTime): number {
  return Math.round((b.toMillis() - a.toMillis()) / 60_000);
}

/** The end of something written as a date alone is the end of that day (`end: 2026-03-12` includes the 12th). */
export function endInstant(text: string, timezone: string): DateTime {
  const at = instant(text, timezone);
  return isDateOnly(text) ? at.endOf('day') : at;
}

export function deploymentOf(release: ReleaseRecord, timezone: string): Deployment | undefined {
  const actual = release.data.actual;
  if (!REACHED_PRODUCTION.has(release.data.status) || !actual) return undefined;
  return {
    release,
    service: release.data.service,
    start: instant(actual.start, timezone),
    end: actual.end === undefined ? undefined : endInstant(actual.end, timezone),
  };
}

/** Every deployment of the content, oldest go-live first. */
export function deployments(content: Content, timezone: string): Deployment[] {
  return [...content.releaseByRef.values()]
    .map((r) => deploymentOf(r, timezone))
    .filter((d): d is Deployment => d !== undefined)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.service.localeCompare(b.service) || compareVersions(a.release.data.version, b.release.data.version));
}
