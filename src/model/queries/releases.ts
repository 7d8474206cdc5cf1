/** Questions the pages ask about releases, answered once here (after EventCatalog's query modules). */
import semver from 'semver';
import type { Content, ReleaseRecord, RetrospectiveRecord, TestReportRecord } from '../content.ts';
import { groupBy, perContent } from '../memo.ts';
import { toZonedDateTime, toMillis } from '../time.ts';
import { RELEASE_STATUSES, type ReleaseStatus } from '../../schema/index.ts';

/**
 * Natural text order (`r10` after `r9`). One collator for every call: localeCompare with a
 * locale and options builds one per call, 5 µs each, in sorts the portal runs on every list.
 */
const NATURAL_ORDER = new Intl.Collator('en', { numeric: true });

/** Versions parsed once (null: not semver); a build compares the same few thousand over and over. */
const parsedVersions = new Map<string, semver.SemVer | null>();
const MAX_PARSED_VERSIONS = 100_000;

function parsedVersion(version: string): semver.SemVer | null {
  let parsed = parsedVersions.get(version);
  if (parsed === undefined) {
    parsed = semver.parse(version);
    if (parsedVersions.size >= MAX_PARSED_VERSIONS) parsedVersions.clear();
    parsedVersions.set(version, parsed);
  }
  return parsed;
}

/** Semver order where both are semver (2.10.0 after 2.9.0); otherwise natural text order. */
export function compareVersions(a: string, b: string): number {
  const va = parsedVersion(a);
  const vb = parsedVersion(b);
  if (va && vb) return va.compare(vb);
  return NATURAL_ORDER.compare(a, b);
}

export function releaseTitle(release: ReleaseRecord, content: Content): string {
  const name = content.services.get(release.data.service)?.data.name ?? release.data.service;
  return release.data.title ?? `${name} ${release.data.version}`;
}

export function releasePath(service: string, version: string): string {
  return `/releases/${encodeURIComponent(service)}/${encodeURIComponent(version)}/`;
}

/** When a release goes (or went) out: its actual start, else its planned window. */
export function releaseTime(release: ReleaseRecord, timezone: string): number | undefined {
  const when = release.data.actual?.start ?? release.data.window?.start;
  return when === undefined ? undefined : toMillis(when, timezone);
}

/** Newest window first; releases with no window yet (planned, some cancelled) come first as "not scheduled". */
export function byWindowNewestFirst(releases: readonly ReleaseRecord[], timezone: string): ReleaseRecord[] {
  return [...releases].sort((a, b) => {
    const ta = releaseTime(a, timezone) ?? Infinity;
    const tb = releaseTime(b, timezone) ?? Infinity;
    return tb - ta || a.data.service.localeCompare(b.data.service) || compareVersions(b.data.version, a.data.version);
  });
}

/** Every service's releases, oldest version first (computed once per Content). */
const releasesByService = perContent((content) => {
  const groups = groupBy(content.releaseByRef.values(), (r) => [r.data.service]);
  for (const list of groups.values()) list.sort((a, b) => compareVersions(a.data.version, b.data.version));
  return groups;
});

/** A service's releases, oldest version first. */
export function releasesOfService(content: Content, service: string): ReleaseRecord[] {
  return [...(releasesByService(content).get(service) ?? [])];
}

export function neighbours(content: Content, release: ReleaseRecord): { previous?: ReleaseRecord; next?: ReleaseRecord } {
  const list = releasesByService(content).get(release.data.service) ?? [];
  const i = list.indexOf(release);
  const result: { previous?: ReleaseRecord; next?: ReleaseRecord } = {};
  if (i > 0) result.previous = list[i - 1]!;
  if (i >= 0 && i < list.length - 1) result.next = list[i + 1]!;
  return result;
}

const reportsByRelease = perContent((content) => groupBy(content.testReports, (t) => [t.data.release]));
const retrospectivesByRelease = perContent((content) => groupBy(content.retrospectives, (r) => new Set(r.data.releases)));

/** The test reports of a release, in file order. */
export function testReportsOf(content: Content, ref: string): TestReportRecord[] {
  return [...(reportsByRelease(content).get(ref) ?? [])];
}

/** The retrospectives that name a release, in file order. */
export function retrospectivesOf(content: Content, ref: string): RetrospectiveRecord[] {
  return [...(retrospectivesByRelease(content).get(ref) ?? [])];
}

/** Statuses of a release that is on its way: past planning, not yet out (or stopped). */
export const IN_PROGRESS_STATUSES: ReadonlySet<ReleaseStatus> = new Set(['testing', 'staging', 'ready', 'deploying']);

/** The start of the planned window, else of what actually happened. */
export function windowStart(release: ReleaseRecord): string | undefined {
  return release.data.window?.start ?? release.data.actual?.start;
}

/** The calendar year (in `timezone`) of a release's window; undefined when it has none. */
export function releaseYear(release: ReleaseRecord, timezone: string): number | undefined {
  const start = windowStart(release);
  return start === undefined ? undefined : toZonedDateTime(start, timezone).year;
}

/** How many releases have each status, every status listed (zeros included), in lifecycle order. */
export function countByStatus(releases: Iterable<ReleaseRecord>): { status: ReleaseStatus; count: number }[] {
  const counts = new Map<ReleaseStatus, number>(RELEASE_STATUSES.map((s) => [s, 0]));
  for (const r of releases) counts.set(r.data.status, (counts.get(r.data.status) ?? 0) + 1);
  return RELEASE_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
