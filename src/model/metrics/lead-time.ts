/**
 * Lead time of a deployment: from the start of its first test report (the earliest `start`
 * among the release's test reports: the change handed to test, 提交测试) to the end of its
 * go-live (`actual.end`). Records hold no commit times, so this is the delivery part of
 * DORA's lead time for changes. Reports that start only when the go-live has ended (checks
 * in production) do not begin a lead time. A deployment without a go-live end, or without a
 * report that started before it, is listed as not measured, never counted as zero.
 */
import type { DateTime } from 'luxon';
import type { TestReportRecord } from '../content.ts';
import type { Deployment } from './deployments.ts';
import { instant, minutesBetween } from './deployments.ts';

export type LeadTimeGap = 'no-end' | 'no-test-start';

export interface LeadTime {
  deployment: Deployment;
  /** The report whose start begins the lead time. */
  firstReport: TestReportRecord | undefined;
  from: DateTime | undefined;
  /** Minutes; undefined when not measured (see `gap`). */
  minutes: number | undefined;
  gap: LeadTimeGap | undefined;
}

/** `reports`: the test reports of the deployment's release. */
export function leadTimeOf(reports: readonly TestReportRecord[], deployment: Deployment, timezone: string): LeadTime {
  if (deployment.end === undefined) return { deployment, firstReport: undefined, from: undefined, minutes: undefined, gap: 'no-end' };
  let firstReport: TestReportRecord | undefined;
  let from: DateTime | undefined;
  for (const report of reports) {
    if (report.data.start === undefined) continue;
    const start = instant(report.data.start, timezone);
    if (start >= deployment.end) continue;
    if (from === undefined || start < from) {
      from = start;
      firstReport = report;
    }
  }
  if (from === undefined) return { deployment, firstReport, from, minutes: undefined, gap: 'no-test-start' };
  return { deployment, firstReport, from, minutes: minutesBetween(from, deployment.end), gap: undefined };
}
