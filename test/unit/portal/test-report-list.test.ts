/**
 * The test report list's rows and the index its filters read (src/portal/test-report-list.ts),
 * on the sample content: the same text the page shows, newest first, and "none" where a
 * report has no value; a report whose release is not in the content keeps its ref as text.
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/index.ts';
import { loadContent } from '../../../src/model/load.ts';
import { timezoneOf, type Content } from '../../../src/model/content.ts';
import type { PageContext } from '../../../src/portal/page-context.ts';
import { reportIndex, reportIndexRow, reportListPath, reportRow, reportsInListOrder } from '../../../src/portal/test-report-list.ts';
import { REPO } from '../helpers.ts';

function ctxOf(content: Content, locale: 'en' | 'zh-CN'): PageContext {
  const timezone = timezoneOf(content);
  return { content, site: content.site!.data, locale, timezone, siteTitle: 'T', t: translator(locale), now: DateTime.now().setZone(timezone), role: (k) => k };
}

describe('test report list', async () => {
  const { content, problems } = await loadContent(path.join(REPO, 'content'));

  it('loads the sample clean', () => expect(problems).toEqual([]));

  it('puts page 1 at /test-reports/ and the others under /test-reports/page/', () => {
    expect([1, 2, 10].map(reportListPath)).toEqual(['/test-reports/', '/test-reports/page/2/', '/test-reports/page/10/']);
  });

  it('indexes every report newest first, each row as the page shows it, in the site language', () => {
    const ctx = ctxOf(content, 'en');
    const index = reportIndex(ctx, new Map());
    const reports = reportsInListOrder(content);
    expect(index.total).toBe(content.testReports.length);
    expect(index.rows.map((r) => r[0])).toEqual(reports.map((r) => `/test-reports/${r.file.replace(/^test-reports\//, '').replace(/\.mdx?$/, '')}/`));
    const dates = index.rows.map((r) => r[9]).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
    const row = index.rows.find((r) => r[0] === '/test-reports/payment-gateway/2.3.0-system-r2/')!;
    expect(row.slice(2, 9)).toEqual(['/releases/payment-gateway/2.3.0/', row[3], 'payment-gateway', 'system', 'System test', 'Round 2', row[8]]);
    expect(index.labels.verdict).toMatchObject({ pass: 'Pass', fail: 'Fail' });
    expect(reportIndex(ctxOf(content, 'zh-CN'), new Map()).labels.none).toBe(translator('zh-CN')('release.none'));
  });

  it('keeps the ref of a release the content does not have, as text without a link', () => {
    const ctx = ctxOf(content, 'en');
    const report = content.testReports[0]!;
    const orphan = { ...report, data: { ...report.data, release: 'no-such-service@9.9.9' } };
    const row = reportIndexRow(reportRow(orphan, undefined, ctx));
    expect(row[2]).toBeNull();
    expect(row[3]).toBe('no-such-service@9.9.9');
    expect(row[4]).toBe('no-such-service');
  });
});
