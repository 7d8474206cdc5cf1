/**
 * The home page's questions, relative to "now": what is in progress, which windows come
 * next, what went out recently, what was rolled back this quarter. Pure: "now" is passed in.
 */
import type { DateTime } from 'luxon';
import type { Content, ReleaseRecord } from '../content.ts';
import { toMillis } from '../time.ts';
import { compareVersions, countByStatus, IN_PROGRESS_STATUSES } from './releases.ts';
import type { ReleaseStatus } from '../../schema/index.ts';

export interface HomeOverview {
  /** Testing, staging, ready or deploying; soonest window first. */
  inProgress: ReleaseRecord[];
  /** Windows that have not ended yet, of releases not done; soonest first. */
  upcoming: ReleaseRecord[];
  /** Released, most recent go-live first. */
  recent: ReleaseRecord[];
  /** Rolled back (rolledBack.at) in the quarter of "now", most recent first. */
  rolledBackThisQuarter: ReleaseRecord[];
  quarter: { year: number; quarter: number };
  counts: { status: ReleaseStatus; count: number }[];
}

export interface HomeLimits {
  upcoming: number;
  recent: number;
}

const DONE: ReadonlySet<ReleaseStatus> = new Set(['released', 'rolled-back', 'cancelled']);

const byRef = (a: ReleaseRecord, b: ReleaseRecord) =>
  a.data.service.localeCompare(b.data.service) || compareVersions(a.data.version, b.data.version);

function ascending(at: (r: ReleaseRecord) => string | undefined, timezone: string) {
  return (a: ReleaseRecord, b: ReleaseRecord) => {
    const ta = at(a);
    const tb = at(b);
    return (ta === undefined ? Infinity : toMillis(ta, timezone)) - (tb === undefined ? Infinity : toMillis(tb, timezone)) || byRef(a, b);
  };
}

export function homeOverview(content: Content, now: DateTime, timezone: string, limits: HomeLimits = { upcoming: 6, recent: 6 }): HomeOverview {
  const releases = [...content.releaseByRef.values()];
  const nowMs = now.toMillis();
  const local = now.setZone(timezone);
  const quarterStart = local.startOf('quarter').toMillis();
  const quarterEnd = local.endOf('quarter').toMillis();

  const inProgress = releases.filter((r) => IN_PROGRESS_STATUSES.has(r.data.status)).sort(ascending((r) => r.data.window?.start, timezone));
  const upcoming = releases
    .filter((r) => !DONE.has(r.data.status) && r.data.window && toMillis(r.data.window.end, timezone) >= nowMs)
    .sort(ascending((r) => r.data.window?.start, timezone))
    .slice(0, limits.upcoming);
  const recent = releases
    .filter((r) => r.data.status === 'released')
    .sort(ascending((r) => r.data.actual?.start ?? r.data.window?.start, timezone))
    .reverse()
    .slice(0, limits.recent);
  const rolledBackThisQuarter = releases
    .filter((r) => {
      if (r.data.status !== 'rolled-back' || !r.data.rolledBack) return false;
      const at = toMillis(r.data.rolledBack.at, timezone);
      return at >= quarterStart && at <= quarterEnd;
    })
    .sort(ascending((r) => r.data.rolledBack?.at, timezone))
    .reverse();

  return {
    inProgress,
    upcoming,
    recent,
    rolledBackThisQuarter,
    quarter: { year: local.year, quarter: local.quarter },
    counts: countByStatus(releases),
  };
}
