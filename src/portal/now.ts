/**
 * "Now" for the pages of one build: what is in progress, what is upcoming, which quarter.
 * It is the build time, or `SHIPLOG_NOW` (an ISO date-time) for reproducible builds and
 * tests. A date-time without an offset, or a date alone, is read in the site's time zone.
 */
import { DateTime } from 'luxon';

const BUILD_TIME = DateTime.now();

/** "Now" per setting and zone: every page asks, and a DateTime is immutable. */
const known = new Map<string, DateTime>();

export function now(timezone: string, env: NodeJS.ProcessEnv = process.env): DateTime {
  const key = `${timezone} ${env['SHIPLOG_NOW'] ?? ''}`;
  let value = known.get(key);
  if (value === undefined) {
    value = computeNow(timezone, env);
    known.set(key, value);
  }
  return value;
}

function computeNow(timezone: string, env: NodeJS.ProcessEnv): DateTime {
  const configured = env['SHIPLOG_NOW']?.trim();
  if (!configured) return BUILD_TIME.setZone(timezone);
  const parsed = DateTime.fromISO(configured, { zone: timezone, setZone: false });
  if (!parsed.isValid) {
    throw new Error(`SHIPLOG_NOW=${configured} is not an ISO date-time (write e.g. 2026-11-24T12:00:00+08:00)`);
  }
  return parsed.setZone(timezone);
}
