/**
 * The JUnit view of each test report, read once per build: a report's page, its release's page
 * and /test-reports/ all ask for it, and a 50,000-case file takes seconds to parse. Only the
 * bounded view (src/model/junit/view.ts) is kept, never the parsed documents.
 */
import type { Content, TestReportRecord } from '../model/content.ts';
import type { JUnitView } from '../model/junit/view.ts';
import { reportJUnitView } from '../model/queries/test-reports.ts';

const views = new Map<string, Promise<JUnitView | undefined>>();

/** The report's JUnit view; undefined when it has no JUnit files. */
export function junitViewOf(content: Content, report: TestReportRecord): Promise<JUnitView | undefined> {
  const key = `${content.root}\u0000${report.file}`;
  let view = views.get(key);
  if (!view) {
    view = reportJUnitView(content, report);
    views.set(key, view);
  }
  return view;
}

/** The JUnit views of some reports, by report file (reports without JUnit files are left out). */
export async function junitViewsOf(content: Content, reports: readonly TestReportRecord[]): Promise<Map<string, JUnitView>> {
  const found = new Map<string, JUnitView>();
  // One after the other: parsing is CPU-bound, and one large file at a time keeps the peak heap low.
  for (const report of reports) {
    const view = await junitViewOf(content, report);
    if (view) found.set(report.file, view);
  }
  return found;
}
