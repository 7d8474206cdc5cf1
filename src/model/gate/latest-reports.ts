/**
 * The latest report of each test stage a release has (spec: bug-gate, tests-passed):
 * the highest `round`, then the latest `end`. Earlier rounds are history, not the state.
 */
import { TEST_STAGES } from '../../schema/index.ts';
import type { Content, TestReportRecord } from '../content.ts';
import { recordPath } from '../queries/paths.ts';
import { testReportsOf } from '../queries/releases.ts';
import { toMillis } from '../time.ts';
import { say } from './text.ts';
import type { Evidence, Localized } from './types.ts';

/** A report without `round` is a first round (the schema's "1 for the first"). */
const roundOf = (report: TestReportRecord): number => report.data.round ?? 1;
const endOf = (report: TestReportRecord, timezone: string): number =>
  report.data.end === undefined ? -Infinity : toMillis(report.data.end, timezone);

/** Whether `a` is a later report than `b` of the same stage; on a full tie the later file wins, so the answer is stable. */
function isLater(a: TestReportRecord, b: TestReportRecord, timezone: string): boolean {
  return roundOf(a) - roundOf(b) > 0 || (roundOf(a) === roundOf(b) && endOf(a, timezone) >= endOf(b, timezone));
}

/** One report per test stage, in the order of the spec's test stages. */
export function latestReportPerStage(content: Content, ref: string, timezone: string): TestReportRecord[] {
  const latest = new Map<string, TestReportRecord>();
  for (const report of testReportsOf(content, ref)) {
    const current = latest.get(report.data.stage);
    if (!current || isLater(report, current, timezone)) latest.set(report.data.stage, report);
  }
  return TEST_STAGES.flatMap((stage) => latest.get(stage) ?? []);
}

/** `2.3.0 系统测试报告, round 2` — how a reason names a report. */
export function reportLabel(report: TestReportRecord): Localized {
  const { title, round } = report.data;
  return round === undefined ? say(title, title) : say(`${title}, round ${round}`, `${title}，第 ${round} 轮`);
}

/** `system round 2` — how a reason names a test stage's latest round. */
export function stageRoundLabel(report: TestReportRecord): Localized {
  const { stage, round } = report.data;
  return round === undefined ? say(stage, stage) : say(`${stage} round ${round}`, `${stage} 第 ${round} 轮`);
}

export function reportEvidence(report: TestReportRecord): Evidence {
  return { label: report.data.title, href: recordPath(report) };
}
