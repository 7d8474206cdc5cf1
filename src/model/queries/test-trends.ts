/**
 * Test trends across releases, for /test-reports/: per service, each tested release's pass
 * rate, test cases and open bugs, oldest first; and the tests that were flaky (passed only on a
 * retry) in more than one release of a service.
 *
 * A release's numbers are those of the latest round of each of its test stages — the state
 * it shipped with, the same reports the gate reads: cases summed over them, pass rate = passed
 * ÷ executed over them (see TestCounts), open bugs = the bug gate's count (open + fixed, each
 * bug id once; bugCounts added).
 */
import type { Content, ReleaseRecord, TestReportRecord } from '../content.ts';
import { bugGateOf } from '../gate/bug-gate.ts';
import { latestReportPerStage } from '../gate/latest-reports.ts';
import type { JUnitTotals } from '../junit/types.ts';
import { testKey, type TestId } from '../junit/view.ts';
import { toMillis } from '../time.ts';
import { compareVersions, releaseTime, testReportsOf } from './releases.ts';
import { sumCounts } from './release-tests.ts';
import { reportCounts, reportDate } from './test-reports.ts';

/** What the trends need of one report's JUnit files. */
export interface ReportJUnit {
  totals: JUnitTotals;
  flakyTests: readonly TestId[];
}

export interface TrendPoint {
  release: ReleaseRecord;
  reports: number;
  /** Test cases over the latest rounds; undefined when none of them gives counts. */
  cases?: number;
  passRate?: number;
  openBugs: number;
  /** Distinct flaky tests over all the release's JUnit files. */
  flaky: number;
  /** Whether a latest round's verdict is `fail`. */
  failing: boolean;
}

export interface ServiceTrend {
  service: string;
  name: string;
  /** Oldest first; at most `maxPoints`, the most recent ones. */
  points: TrendPoint[];
  /** Older tested releases left out of the points. */
  omitted: number;
}

export interface FlakyAcross {
  service: string;
  test: TestId;
  /** Releases the test was flaky in, oldest first. */
  releases: ReleaseRecord[];
}

/** When a release is placed on the time axis: when it goes out, else its latest report's date. */
function whenOf(release: ReleaseRecord, reports: readonly TestReportRecord[], timezone: string): number {
  const out = releaseTime(release, timezone);
  if (out !== undefined) return out;
  const dates = reports.map((r) => reportDate(r)).filter((d) => d !== undefined).map((d) => toMillis(d, timezone));
  return dates.length > 0 ? Math.max(...dates) : Infinity;
}

/** Oldest first (see whenOf), then by version; each release's time computed once. */
function oldestFirst(releases: ReleaseRecord[], timezone: string, reportsOf: (r: ReleaseRecord) => TestReportRecord[]): ReleaseRecord[] {
  const when = new Map(releases.map((r) => [r, whenOf(r, reportsOf(r), timezone)]));
  return releases.sort((a, b) => {
    const d = when.get(a)! - when.get(b)!;
    return (Number.isNaN(d) ? 0 : d) || compareVersions(a.data.version, b.data.version);
  });
}

function flakyOf(reports: readonly TestReportRecord[], junit: ReadonlyMap<string, ReportJUnit>): Map<string, TestId> {
  const tests = new Map<string, TestId>();
  for (const report of reports) for (const test of junit.get(report.file)?.flakyTests ?? []) tests.set(testKey(test), test);
  return tests;
}

/** Per service (by name), its tested releases over time. `junit` holds the reports that have JUnit files, by report file. */
export function serviceTrends(
  content: Content,
  junit: ReadonlyMap<string, ReportJUnit>,
  timezone: string,
  maxPoints = 20,
): ServiceTrend[] {
  const reportsOf = (release: ReleaseRecord) => testReportsOf(content, release.ref);
  const byService = new Map<string, ReleaseRecord[]>();
  for (const release of content.releaseByRef.values()) {
    if (reportsOf(release).length === 0) continue;
    byService.set(release.data.service, [...(byService.get(release.data.service) ?? []), release]);
  }
  const trends: ServiceTrend[] = [];
  for (const [service, releases] of byService) {
    oldestFirst(releases, timezone, reportsOf);
    const kept = releases.slice(-maxPoints);
    const points = kept.map((release): TrendPoint => {
      const reports = reportsOf(release);
      const latest = latestReportPerStage(content, release.ref, timezone);
      const counts = latest.map((r) => reportCounts(r, junit.get(r.file)?.totals));
      const sum = sumCounts(counts);
      const point: TrendPoint = {
        release,
        reports: reports.length,
        openBugs: bugGateOf(content, release, timezone).tallies.reduce((n, t) => n + t.open, 0),
        flaky: flakyOf(reports, junit).size,
        failing: latest.some((r) => r.data.verdict === 'fail'),
      };
      if (counts.some((c) => c !== undefined)) point.cases = sum.total;
      if (sum.passRate !== undefined) point.passRate = sum.passRate;
      return point;
    });
    trends.push({ service, name: content.services.get(service)?.data.name ?? service, points, omitted: releases.length - kept.length });
  }
  return trends.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.service.localeCompare(b.service));
}

/** Tests flaky in at least two releases of the same service: most releases first. */
export function flakyAcrossReleases(content: Content, junit: ReadonlyMap<string, ReportJUnit>, timezone: string): FlakyAcross[] {
  const reportsOf = (release: ReleaseRecord) => testReportsOf(content, release.ref);
  const seen = new Map<string, FlakyAcross>();
  for (const release of content.releaseByRef.values()) {
    for (const [key, test] of flakyOf(reportsOf(release), junit)) {
      const id = `${release.data.service}\u0000${key}`;
      const entry = seen.get(id) ?? { service: release.data.service, test, releases: [] };
      entry.releases.push(release);
      seen.set(id, entry);
    }
  }
  return [...seen.values()]
    .filter((f) => f.releases.length > 1)
    .map((f) => ({ ...f, releases: oldestFirst(f.releases, timezone, reportsOf) }))
    .sort(
      (a, b) =>
        b.releases.length - a.releases.length ||
        a.service.localeCompare(b.service) ||
        a.test.group.localeCompare(b.test.group) ||
        a.test.name.localeCompare(b.test.name),
    );
}
