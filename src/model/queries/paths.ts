/**
 * Where the portal publishes a record's page. Test reports and retrospectives are pages at
 * `/<folder>/<entry id>/`, the entry id being the file path under its folder without the
 * extension (`test-reports/pg/2.3.0-system.md` -> `/test-reports/pg/2.3.0-system/`): the
 * file path, not Astro's default slug, because slugs drop the dots of versions.
 */
import type { ReleaseRecord, RetrospectiveRecord, TestReportRecord } from '../content.ts';
import { releasePath } from './releases.ts';

/**
 * Page `page` (1-based) of a paged list: the list's own path for the first page, then
 * `<later><page>/` (`later` is the first page's path unless the later pages live elsewhere).
 */
export function pagePath(first: string, page: number, later = first): string {
  return page <= 1 ? first : `${later}${page}/`;
}

/**
 * Where pages 2, 3, … of the test report list live (`/test-reports/page/<n>/`): not
 * `/test-reports/<n>/`, which a report filed as `test-reports/<n>.md` would have.
 */
export const REPORT_LIST_LATER = '/test-reports/page/';

/** `test-reports/pg/2.3.0-system.md` -> `pg/2.3.0-system`. */
export function entryIdOf(file: string): string {
  return file.slice(file.indexOf('/') + 1).replace(/\.mdx?$/, '');
}

export function recordPath(record: TestReportRecord | RetrospectiveRecord | ReleaseRecord): string {
  if (record.kind === 'release') return releasePath(record.data.service, record.data.version);
  const folder = record.kind === 'test-report' ? 'test-reports' : 'retrospectives';
  const segments = entryIdOf(record.file).split('/').map(encodeURIComponent);
  return `/${folder}/${segments.join('/')}/`;
}
