import { describe, expect, it } from 'vitest';
import { NO_YEAR, facetValues, releaseFacets } from '../../../src/model/queries/release-facets.ts';
import { bugSummary, junitTotals, reportsNewestFirst } from '../../../src/model/queries/test-reports.ts';
import { incidentMinutes, openActions, retrospectivesByYear } from '../../../src/model/queries/retrospectives.ts';
import { serviceSummaries, serviceSummary } from '../../../src/model/queries/services.ts';
import { currentStage } from '../../../src/model/queries/processes.ts';
import { byWindowNewestFirst } from '../../../src/model/queries/releases.ts';
import { fixtureContent, sampleContent, TZ } from './sample.ts';

describe('release filters', () => {
  it('offers only the values some release has, and a year per window', async () => {
    const content = await sampleContent();
    const releases = byWindowNewestFirst([...content.releaseByRef.values()], TZ);
    const facets = releaseFacets(content, releases, TZ);
    expect(facets.statuses).toEqual(['planned', 'testing', 'staging', 'ready', 'deploying', 'released', 'rolled-back', 'cancelled']);
    expect(facets.types).toEqual(['standard', 'hotfix', 'temporary']);
    expect(facets.years).toEqual(['2026', NO_YEAR]);
    expect(facets.services.map((s) => s.id)).toHaveLength(6);
    expect(facetValues(content.releaseByRef.get('mobile-app@3.11')!, TZ).year).toBe(NO_YEAR);
    expect(facetValues(content.releaseByRef.get('payment-gateway@2.3.1')!, TZ)).toEqual({ service: 'payment-gateway', status: 'released', type: 'hotfix', year: '2026' });
  });
});

describe('test reports', () => {
  it('counts listed bugs by severity and status; fixed counts as open', async () => {
    const content = await sampleContent();
    const report = content.testReports.find((r) => r.file.endsWith('payment-gateway/2.3.0-system-r2.md'))!;
    const summary = bugSummary(report);
    expect(summary.source).toBe('list');
    expect(summary.rows.map((r) => [r.severity, r.counts])).toEqual([
      ['B', { open: 0, fixed: 0, closed: 1, deferred: 0 }],
      ['C', { open: 0, fixed: 1, closed: 2, deferred: 0 }],
    ]);
    expect(summary.open).toBe(1);
    expect(summary.total).toBe(4);
  });

  it('reads bugCounts as open and closed per severity', async () => {
    const content = await sampleContent();
    const report = content.testReports.find((r) => r.data.bugCounts)!;
    const summary = bugSummary(report);
    expect(summary.source).toBe('counts');
    expect(summary.totals.fixed + summary.totals.deferred).toBe(0);
  });

  it('sorts newest first and sums JUnit totals', async () => {
    const content = await fixtureContent();
    const [report] = reportsNewestFirst(content.testReports, TZ);
    expect(await junitTotals(content, report!)).toEqual({ tests: 2, passed: 1, failed: 0, errors: 0, skipped: 1, flaky: 0 });
    const sample = await sampleContent();
    const dates = reportsNewestFirst(sample.testReports, TZ).map((r) => r.data.end ?? r.data.start ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe('retrospectives', () => {
  it('groups by year newest first; incident duration; open actions', async () => {
    const content = await sampleContent();
    const years = retrospectivesByYear(content.retrospectives, TZ);
    expect(years.map((y) => y.year)).toEqual([2026]);
    expect(years[0]!.items.map((r) => r.data.date)).toEqual(['2026-09-18', '2026-08-27', '2026-07-14', '2026-06-26', '2026-03-14']);
    const incident = content.retrospectives.find((r) => r.data.incident?.severity === 'P3')!;
    expect(incidentMinutes(incident, TZ)).toBe(160);
    expect(openActions(incident)).toBe(2);
  });
});

describe('services and stages', () => {
  it('summarises a service: history newest version first, rollbacks, latest to go out', async () => {
    const content = await sampleContent();
    const summary = serviceSummary(content, content.services.get('payment-gateway')!, TZ);
    expect(summary.history.map((r) => r.data.version)).toEqual(['2.5.0', '2.4.0', '2.3.1', '2.3.0', '2.2.4']);
    expect(summary.rollbacks).toBe(1);
    expect(summary.latest?.data.version).toBe('2.4.0');
    expect(serviceSummaries(await fixtureContent(), TZ).map((s) => [s.service.id, s.history.length])).toEqual([['billing', 0], ['shop', 2]]);
  });

  it('finds the current stage from the status', async () => {
    const content = await sampleContent();
    expect(currentStage(content, content.releaseByRef.get('order-service@1.10.0')!)?.id).toBe('go-live');
    expect(currentStage(content, content.releaseByRef.get('order-service@1.9.0')!)).toBeUndefined();
  });
});
