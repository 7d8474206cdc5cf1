/**
 * A release's testing across all its reports, for the release page: per test stage every round
 * in order (round, then date), each with its verdict, counts, pass rate and open bugs, so that
 * "round 1 fail → round 2 pass" reads on one line; the latest round of each stage is marked
 * (it is what the gate reads, src/model/gate/latest-reports.ts); and open bugs per severity
 * against site.bugGate, as the bug gate itself counts them (src/model/gate/bug-gate.ts).
 */
import type { Content, ReleaseRecord, TestReportRecord } from '../content.ts';
import { bugGateOf, type SeverityTally } from '../gate/bug-gate.ts';
import { latestReportPerStage } from '../gate/latest-reports.ts';
import type { Localized } from '../gate/types.ts';
import type { JUnitTotals } from '../junit/types.ts';
import { rate } from '../junit/view.ts';
import { toMillis } from '../time.ts';
import { TEST_STAGES } from '../../schema/index.ts';
import { testReportsOf } from './releases.ts';
import { bugSummary, reportCounts, reportDate, type TestCounts, type TestStage } from './test-reports.ts';

export interface RoundRow {
  report: TestReportRecord;
  /** `round`, 1 when the report gives none. */
  round: number;
  /** The report's end, else its start. */
  date?: string;
  counts?: TestCounts;
  /** Open + fixed bugs the report lists or counts; undefined when it records no bugs. */
  openBugs?: number;
  /** The latest round of its stage: the one the gate reads. */
  latest: boolean;
}

export interface StageRounds {
  stage: TestStage;
  /** Oldest round first. */
  rounds: RoundRow[];
  latest: RoundRow;
}

export interface LatestTotals {
  /** Test cases over the latest round of each stage. */
  total: number;
  passed: number;
  executed: number;
  /** passed ÷ executed over the latest rounds that give `passed`. */
  passRate?: number;
}

export interface ReleaseTestSummary {
  /** Stages in the order they were tested (first round's date), then in the spec's order. */
  stages: StageRounds[];
  reportCount: number;
  latest: LatestTotals;
  bugGate: { passes: boolean; reason: Localized; tallies: SeverityTally[] };
}

const roundOf = (r: TestReportRecord): number => r.data.round ?? 1;
const millis = (text: string | undefined, timezone: string): number => (text === undefined ? Infinity : toMillis(text, timezone));

/** Round, then end, then start, then file: the order latest-reports.ts reads ("latest" is the last). */
function byRound(timezone: string) {
  return (a: TestReportRecord, b: TestReportRecord): number =>
    roundOf(a) - roundOf(b) ||
    millis(a.data.end, timezone) - millis(b.data.end, timezone) ||
    millis(a.data.start, timezone) - millis(b.data.start, timezone) ||
    a.file.localeCompare(b.file);
}

/** Sum of the counts of some rounds (those with `passed` make the pass rate). */
export function sumCounts(rows: readonly (TestCounts | undefined)[]): LatestTotals {
  const sum: LatestTotals = { total: 0, passed: 0, executed: 0 };
  for (const c of rows) {
    if (!c) continue;
    sum.total += c.total;
    if (c.passed !== undefined && c.passRate !== undefined) {
      sum.passed += c.passed;
      sum.executed += c.executed;
    }
  }
  const passRate = rate(sum.passed, sum.executed);
  if (passRate !== undefined) sum.passRate = passRate;
  return sum;
}

/**
 * `junit` holds the JUnit totals of reports that have JUnit files, by report file (the page
 * reads the files once; this stays synchronous and pure).
 */
export function releaseTestSummary(
  content: Content,
  release: ReleaseRecord,
  junit: ReadonlyMap<string, JUnitTotals>,
  timezone: string,
): ReleaseTestSummary {
  const reports = testReportsOf(content, release.ref);
  const latest = new Set(latestReportPerStage(content, release.ref, timezone));
  const byStage = new Map<TestStage, TestReportRecord[]>();
  for (const report of reports) byStage.set(report.data.stage, [...(byStage.get(report.data.stage) ?? []), report]);

  const stages: StageRounds[] = [];
  for (const [stage, list] of byStage) {
    const rounds = list.sort(byRound(timezone)).map((report): RoundRow => {
      const row: RoundRow = { report, round: roundOf(report), latest: latest.has(report) };
      const date = reportDate(report);
      if (date !== undefined) row.date = date;
      const counts = reportCounts(report, junit.get(report.file));
      if (counts) row.counts = counts;
      const bugs = bugSummary(report);
      if (bugs.source !== 'none') row.openBugs = bugs.open;
      return row;
    });
    stages.push({ stage, rounds, latest: rounds.find((r) => r.latest) ?? rounds.at(-1)! });
  }
  const firstDate = (s: StageRounds) => Math.min(...s.rounds.map((r) => millis(r.report.data.start ?? r.date, timezone)));
  stages.sort((a, b) => firstDate(a) - firstDate(b) || TEST_STAGES.indexOf(a.stage) - TEST_STAGES.indexOf(b.stage));

  const gate = bugGateOf(content, release, timezone);
  return {
    stages,
    reportCount: reports.length,
    latest: sumCounts(stages.map((s) => s.latest.counts)),
    bugGate: { passes: gate.passes, reason: gate.reason, tallies: gate.tallies },
  };
}
