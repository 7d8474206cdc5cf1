/** Questions about test reports: newest first, bugs by severity and status, JUnit totals. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Content, TestReportRecord } from '../content.ts';
import { toMillis } from '../time.ts';
import { BUG_STATUSES, SEVERITIES, type Severity } from '../../schema/index.ts';
import type { JUnitTotals } from '../junit/types.ts';
import { parseJUnit } from '../junit/parse.ts';

export type BugStatus = (typeof BUG_STATUSES)[number];

export interface BugRow {
  severity: Severity;
  counts: Record<BugStatus, number>;
  total: number;
}

export interface BugSummary {
  /** A row per severity that has any bug, A first. */
  rows: BugRow[];
  /** Column totals. */
  totals: Record<BugStatus, number>;
  total: number;
  /** Open for the gate: `open` + `fixed`. */
  open: number;
  /** `list`: bugs listed one by one; `counts`: only open/closed counts per severity. */
  source: 'list' | 'counts' | 'none';
}

const zero = (): Record<BugStatus, number> => ({ open: 0, fixed: 0, closed: 0, deferred: 0 });

export function bugSummary(report: TestReportRecord): BugSummary {
  const bySeverity = new Map<Severity, Record<BugStatus, number>>();
  const add = (severity: Severity, status: BugStatus, n: number) => {
    if (n === 0) return;
    const row = bySeverity.get(severity) ?? zero();
    row[status] += n;
    bySeverity.set(severity, row);
  };
  const { bugs, bugCounts } = report.data;
  if (bugs) for (const bug of bugs) add(bug.severity, bug.status, 1);
  if (bugCounts) {
    for (const severity of SEVERITIES) {
      const c = bugCounts[severity];
      if (c) {
        add(severity, 'open', c.open);
        add(severity, 'closed', c.closed);
      }
    }
  }
  const rows = SEVERITIES.filter((s) => bySeverity.has(s)).map((severity) => {
    const counts = bySeverity.get(severity)!;
    return { severity, counts, total: BUG_STATUSES.reduce((n, s) => n + counts[s], 0) };
  });
  const totals = zero();
  for (const row of rows) for (const s of BUG_STATUSES) totals[s] += row.counts[s];
  return {
    rows,
    totals,
    total: rows.reduce((n, r) => n + r.total, 0),
    open: totals.open + totals.fixed,
    source: bugs ? 'list' : bugCounts ? 'counts' : 'none',
  };
}

/** The moment a report is dated by: its end, else its start. */
export function reportDate(report: TestReportRecord): string | undefined {
  return report.data.end ?? report.data.start;
}

/** Newest report first (undated last), then by release and round. */
export function reportsNewestFirst(reports: readonly TestReportRecord[], timezone: string): TestReportRecord[] {
  const at = (r: TestReportRecord) => {
    const d = reportDate(r);
    return d === undefined ? -Infinity : toMillis(d, timezone);
  };
  return [...reports].sort(
    (a, b) => at(b) - at(a) || a.data.release.localeCompare(b.data.release) || (b.data.round ?? 0) - (a.data.round ?? 0) || a.file.localeCompare(b.file),
  );
}

/** A report's test environment: its title from site.environments when it names one. */
export function environmentTitle(content: Content, report: TestReportRecord): string | undefined {
  const env = report.data.environment;
  if (env === undefined) return undefined;
  return content.site?.data.environments?.find((e) => e.id === env)?.title ?? env;
}

/** JUnit totals summed over a report's files; undefined when it has none or one cannot be read. */
export async function junitTotals(content: Content, report: TestReportRecord): Promise<JUnitTotals | undefined> {
  if (report.data.junit.length === 0) return undefined;
  const sum: JUnitTotals = { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
  for (const file of report.data.junit) {
    const bytes = await readFile(path.join(content.root, file)).catch(() => undefined);
    if (!bytes) return undefined;
    const result = parseJUnit(bytes);
    if (!result.ok) return undefined;
    for (const key of Object.keys(sum) as (keyof JUnitTotals)[]) sum[key] += result.report.totals[key];
  }
  return sum;
}
