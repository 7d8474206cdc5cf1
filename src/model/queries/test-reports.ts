/**
 * Questions about test reports: newest first, bugs by severity and status, JUnit totals and
 * the page's bounded view of the JUnit files, the counts a report stands for and its pass rate.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Content, TestReportRecord } from '../content.ts';
import { toMillis } from '../time.ts';
import { BUG_STATUSES, SEVERITIES, TEST_STAGES, VERDICTS, parseReleaseRef, type Severity } from '../../schema/index.ts';
import type { JUnitTotals } from '../junit/types.ts';
import { parseJUnit } from '../junit/parse.ts';
import { junitView, rate, VIEW_LIMITS, type JUnitFile, type JUnitView, type ViewLimits } from '../junit/view.ts';

export type TestStage = (typeof TEST_STAGES)[number];
export type Verdict = (typeof VERDICTS)[number];

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

/** A report's JUnit files, parsed; undefined when it has none or one cannot be read (the check reports that). */
export async function readJUnitFiles(content: Content, report: TestReportRecord): Promise<JUnitFile[] | undefined> {
  if (report.data.junit.length === 0) return undefined;
  const files: JUnitFile[] = [];
  for (const file of report.data.junit) {
    const bytes = await readFile(path.join(content.root, file)).catch(() => undefined);
    if (!bytes) return undefined;
    const result = parseJUnit(bytes);
    if (!result.ok) return undefined;
    files.push({ file, report: result.report });
  }
  return files;
}

/** JUnit totals summed over a report's files; undefined when it has none or one cannot be read. */
export async function junitTotals(content: Content, report: TestReportRecord): Promise<JUnitTotals | undefined> {
  return (await reportJUnitView(content, report))?.totals;
}

/**
 * The bounded page view of a report's JUnit files (src/model/junit/view.ts). The parsed
 * documents are dropped once it is built: only the capped lists stay in memory.
 */
export async function reportJUnitView(content: Content, report: TestReportRecord, limits: ViewLimits = VIEW_LIMITS): Promise<JUnitView | undefined> {
  const files = await readJUnitFiles(content, report);
  return files && junitView(files, limits);
}

/**
 * The test cases a report stands for: the tester's `cases` when given (they cover manual and
 * automated cases alike — the sample reports count their JUnit cases in them), else the JUnit
 * totals. Pass rate is passed ÷ executed, executed being total − skipped − blocked (JUnit:
 * tests − skipped; errors count as executed and not passed).
 */
export interface TestCounts {
  source: 'cases' | 'junit';
  total: number;
  passed?: number;
  failed?: number;
  errors?: number;
  skipped?: number;
  blocked?: number;
  flaky?: number;
  /** total − skipped − blocked; with `passed`, what the pass rate divides. */
  executed: number;
  /** 0–1; undefined when `passed` is not given or nothing was executed. */
  passRate?: number;
}

export function reportCounts(report: TestReportRecord, junit: JUnitTotals | undefined): TestCounts | undefined {
  const cases = report.data.cases;
  if (cases) {
    const executed = cases.total - (cases.skipped ?? 0) - (cases.blocked ?? 0);
    const counts: TestCounts = { source: 'cases', total: cases.total, executed };
    for (const key of ['passed', 'failed', 'skipped', 'blocked'] as const) if (cases[key] !== undefined) counts[key] = cases[key];
    if (junit && junit.flaky > 0) counts.flaky = junit.flaky;
    const passRate = cases.passed === undefined ? undefined : rate(cases.passed, executed);
    if (passRate !== undefined) counts.passRate = passRate;
    return counts;
  }
  if (!junit) return undefined;
  const counts: TestCounts = {
    source: 'junit',
    total: junit.tests,
    passed: junit.passed,
    failed: junit.failed,
    errors: junit.errors,
    skipped: junit.skipped,
    flaky: junit.flaky,
    executed: junit.tests - junit.skipped,
  };
  const passRate = rate(junit.passed, counts.executed);
  if (passRate !== undefined) counts.passRate = passRate;
  return counts;
}

/** Pass rate of the manual `cases` alone (for the side-by-side totals). */
export function manualPassRate(report: TestReportRecord): number | undefined {
  return report.data.cases ? reportCounts(report, undefined)?.passRate : undefined;
}

export interface ReportFacets {
  services: { id: string; name: string }[];
  stages: TestStage[];
  verdicts: Verdict[];
}

/** The values the report list can be filtered by: only those some report has, in a fixed order. */
export function reportFacets(content: Content, reports: readonly TestReportRecord[]): ReportFacets {
  const services = new Set(reports.map((r) => serviceOf(r)));
  const stages = new Set(reports.map((r) => r.data.stage));
  const verdicts = new Set(reports.map((r) => r.data.verdict));
  return {
    services: [...services]
      .map((id) => ({ id, name: content.services.get(id)?.data.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id)),
    stages: TEST_STAGES.filter((s) => stages.has(s)),
    verdicts: VERDICTS.filter((v) => verdicts.has(v)),
  };
}

/** The service id of the release a report tests. */
export function serviceOf(report: TestReportRecord): string {
  return parseReleaseRef(report.data.release)?.service ?? report.data.release;
}
