/**
 * The test report list (/test-reports/): every report, newest first, REPORTS_PER_PAGE to a
 * page (/test-reports/, /test-reports/page/2/, …) so no page grows with the number of reports;
 * and the compact index of all of them (/test-reports/index.json) that the list's filters read
 * when the list has more than one page. Like the release list (release-list.ts), a row is
 * formatted here once, in the site's language and time zone: the page renders it, and the
 * index carries the same text so the browser only builds the rows.
 *
 * The later pages live under /test-reports/page/ because /test-reports/<n>/ could be a report
 * (a report's id is its file path under test-reports/). A report filed as test-reports/page/…
 * would collide with them; the build verifier then reports its page as missing.
 */
import type { Content, TestReportRecord } from '../model/content.ts';
import { timezoneOf } from '../model/content.ts';
import type { JUnitTotals } from '../model/junit/types.ts';
import { perContent } from '../model/memo.ts';
import { REPORT_LIST_LATER, pagePath, recordPath } from '../model/queries/paths.ts';
import { releasePath, releaseTitle } from '../model/queries/releases.ts';
import { bugSummary, reportCounts, reportDate, reportsNewestFirst, serviceOf, type TestStage, type Verdict } from '../model/queries/test-reports.ts';
import { VERDICTS } from '../schema/index.ts';
import { formatDay, isoDateTime } from '../i18n/index.ts';
import { count, percent } from '../components/test-report/format.ts';
import type { PageContext } from './page-context.ts';
import { VERDICT_TONE } from './tones.ts';

export const REPORTS_PER_PAGE = 100;
export const REPORT_INDEX_PATH = '/test-reports/index.json';

/** `/test-reports/` for the first page, `/test-reports/page/<n>/` for the others. */
export function reportListPath(page: number): string {
  return pagePath('/test-reports/', page, REPORT_LIST_LATER);
}

/** Every report, newest first (the list's order), computed once per Content. */
export const reportsInListOrder = perContent((content: Content) => reportsNewestFirst(content.testReports, timezoneOf(content)));

/** What a row of the list shows, as text; `undefined` where the row shows "none". */
export interface ReportRow {
  href: string;
  title: string;
  /** The release's title and page; its ref and no page when the release is not in the content. */
  release: { text: string; href: string | undefined };
  service: string;
  stage: TestStage;
  stageText: string;
  /** "Round 2" when the report has a round. */
  roundText: string | undefined;
  verdict: Verdict;
  /** The report's date (end, else start), ISO with offset, and as the list shows it. */
  date: { iso: string; text: string } | undefined;
  cases: string | undefined;
  passRate: string | undefined;
  openBugs: string | undefined;
}

export function reportRow(report: TestReportRecord, junit: JUnitTotals | undefined, ctx: PageContext): ReportRow {
  const { t, content, locale, timezone } = ctx;
  const release = content.releaseByRef.get(report.data.release);
  const date = reportDate(report);
  const bugs = bugSummary(report);
  const counts = reportCounts(report, junit);
  return {
    href: recordPath(report),
    title: report.data.title,
    release: release
      ? { text: releaseTitle(release, content), href: releasePath(release.data.service, release.data.version) }
      : { text: report.data.release, href: undefined },
    service: serviceOf(report),
    stage: report.data.stage,
    stageText: t(`stage.${report.data.stage}`),
    roundText: report.data.round === undefined ? undefined : `${t('report.round')} ${report.data.round}`,
    verdict: report.data.verdict,
    date: date === undefined ? undefined : { iso: isoDateTime(date, timezone), text: formatDay(date, timezone, locale) },
    cases: counts ? count(counts.total, locale) : undefined,
    passRate: percent(counts?.passRate, locale),
    openBugs: bugs.source === 'none' ? undefined : String(bugs.open),
  };
}

/**
 * One row of the index: href, title, release href (null when the release is unknown),
 * release title or ref, service, stage, stage text, round text, verdict, date ISO, date text,
 * cases, pass rate, open bugs (null where the list shows "none").
 */
export type ReportIndexRow = [
  string, string, string | null, string, string, string, string, string | null, string, string | null, string | null, string | null, string | null, string | null,
];

export interface ReportIndex {
  total: number;
  labels: {
    verdict: Record<string, string>;
    tone: Record<string, string>;
    none: string;
  };
  rows: ReportIndexRow[];
}

export function reportIndexRow(row: ReportRow): ReportIndexRow {
  return [
    row.href,
    row.title,
    row.release.href ?? null,
    row.release.text,
    row.service,
    row.stage,
    row.stageText,
    row.roundText ?? null,
    row.verdict,
    row.date?.iso ?? null,
    row.date?.text ?? null,
    row.cases ?? null,
    row.passRate ?? null,
    row.openBugs ?? null,
  ];
}

/** The index of every report; `junit` holds the JUnit views of the reports that have JUnit files, by report file (src/portal/junit.ts). */
export function reportIndex(ctx: PageContext, junit: ReadonlyMap<string, { totals: JUnitTotals }>): ReportIndex {
  const reports = reportsInListOrder(ctx.content);
  return {
    total: reports.length,
    labels: {
      verdict: Object.fromEntries(VERDICTS.map((verdict) => [verdict, ctx.t(`verdict.${verdict}`)])),
      tone: { ...VERDICT_TONE },
      none: ctx.t('release.none'),
    },
    rows: reports.map((report) => reportIndexRow(reportRow(report, junit.get(report.file)?.totals, ctx))),
  };
}
