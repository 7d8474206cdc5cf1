/**
 * Test results across reports, as the release page and /test-reports/ show them: each stage's
 * rounds in order with the latest marked, counts and pass rate, open bugs against the bug gate
 * (the gate's own count), per-service trends and tests flaky in more than one release.
 */
import { describe, expect, it } from 'vitest';
import type { Content, TestReportRecord } from '../../../src/model/content.ts';
import { bugGate } from '../../../src/model/gate/bug-gate.ts';
import type { JUnitView } from '../../../src/model/junit/view.ts';
import { releaseTestSummary } from '../../../src/model/queries/release-tests.ts';
import { flakyAcrossReleases, serviceTrends } from '../../../src/model/queries/test-trends.ts';
import { reportCounts, reportFacets, reportJUnitView } from '../../../src/model/queries/test-reports.ts';
import { sampleContent, TZ } from './sample.ts';

async function junitOf(content: Content): Promise<Map<string, JUnitView>> {
  const views = new Map<string, JUnitView>();
  for (const report of content.testReports) {
    const view = await reportJUnitView(content, report);
    if (view) views.set(report.file, view);
  }
  return views;
}
const totalsOf = (views: Map<string, JUnitView>) => new Map([...views].map(([file, v]) => [file, v.totals]));

async function summaryOf(ref: string) {
  const content = await sampleContent();
  const release = content.releaseByRef.get(ref)!;
  return { content, release, summary: releaseTestSummary(content, release, totalsOf(await junitOf(content)), TZ) };
}

describe('reportCounts', () => {
  const report = (data: Partial<TestReportRecord['data']>) => ({ data: { junit: [], ...data } }) as unknown as TestReportRecord;

  it("takes the tester's cases when given: pass rate = passed ÷ (total − skipped − blocked)", () => {
    const counts = reportCounts(report({ cases: { total: 186, passed: 171, failed: 12, skipped: 0, blocked: 3 } }), undefined)!;
    expect(counts).toMatchObject({ source: 'cases', total: 186, executed: 183 });
    expect(counts.passRate).toBeCloseTo(171 / 183);
  });

  it('has no pass rate when the cases do not say how many passed', () => {
    expect(reportCounts(report({ cases: { total: 40 } }), undefined)?.passRate).toBeUndefined();
  });

  it('falls back to JUnit: errors ran and did not pass, skipped did not run', () => {
    const counts = reportCounts(report({}), { tests: 35, passed: 30, failed: 3, errors: 1, skipped: 1, flaky: 1 })!;
    expect(counts).toMatchObject({ source: 'junit', total: 35, executed: 34, flaky: 1 });
    expect(counts.passRate).toBeCloseTo(30 / 34);
    expect(reportCounts(report({}), undefined)).toBeUndefined();
  });
});

describe('releaseTestSummary (sample content)', () => {
  it('shows each stage with its rounds in order, round 1 fail → round 2 pass, the latest marked', async () => {
    const { summary } = await summaryOf('payment-gateway@2.3.0');
    expect(summary.reportCount).toBe(3);
    expect(summary.stages.map((s) => [s.stage, s.rounds.map((r) => [r.round, r.report.data.verdict, r.latest])])).toEqual([
      ['system', [[1, 'fail', false], [2, 'pass', true]]],
      ['staging', [[1, 'pass', true]]],
    ]);
    const [r1, r2] = summary.stages[0]!.rounds;
    // Round 1 from its JUnit file: 30 passed of 34 executed; round 2: all 34 executed passed.
    expect(r1!.counts).toMatchObject({ source: 'junit', total: 35 });
    expect(r1!.counts!.passRate).toBeCloseTo(30 / 34);
    expect(r2!.counts!.passRate).toBe(1);
    expect([r1!.openBugs, r2!.openBugs]).toEqual([4, 1]);
  });

  it('orders stages by when they were tested and sums the latest rounds only', async () => {
    const { summary } = await summaryOf('order-service@1.10.0');
    expect(summary.stages.map((s) => s.stage)).toEqual(['system', 'integration', 'staging']);
    // Latest rounds: system round 2 (JUnit, 24 cases), integration (46), staging (58).
    expect(summary.latest.total).toBe(24 + 46 + 58);
    expect(summary.latest.passRate).toBeCloseTo((22 + 45 + 58) / (23 + 45 + 58));
  });

  it("compares open bugs per severity with site.bugGate using the gate's own count", async () => {
    const { content, release, summary } = await summaryOf('web-portal@5.1.0');
    expect(summary.bugGate.tallies.map((t) => [t.severity, t.open, t.limit, t.within])).toEqual([
      ['A', 0, 0, true],
      ['B', 1, 0, false],
      ['C', 2, 5, true],
      ['D', 0, undefined, true],
    ]);
    const rule = bugGate({ content, release, item: { id: 'bugs', text: '', required: true, rule: 'bug-gate' } as never, timezone: TZ });
    expect(summary.bugGate.passes).toBe(false);
    expect(summary.bugGate.reason).toEqual(rule.reason);
  });

  it('counts a bug fixed in a later round as open only while the latest round says so', async () => {
    const { summary } = await summaryOf('mobile-app@3.10');
    // Round 1 had A, B and C bugs open; round 2 closed them (a deferred C does not count).
    expect(summary.stages[0]!.rounds[0]!.openBugs).toBe(3);
    expect(summary.bugGate.tallies.every((t) => t.open === 0)).toBe(true);
    expect(summary.bugGate.passes).toBe(true);
  });
});

describe('serviceTrends (sample content)', () => {
  it('gives each service its tested releases oldest first, from the latest round of each stage', async () => {
    const content = await sampleContent();
    const trends = serviceTrends(content, await junitOf(content), TZ);
    expect(trends).toHaveLength(6);
    const pay = trends.find((t) => t.service === 'payment-gateway')!;
    expect(pay.points.map((p) => p.release.data.version)).toEqual(['2.2.4', '2.3.0', '2.3.1', '2.4.0', '2.5.0']);
    const v230 = pay.points[1]!;
    // 2.3.0: system round 2 (35 JUnit cases) + staging (52); round 1's failures are history.
    expect(v230).toMatchObject({ cases: 87, passRate: 1, reports: 3, flaky: 1, failing: false });
    // Open bugs as the gate counts them: C BUG-3305 (fixed) + D BUG-3322 (open).
    expect(v230.openBugs).toBe(2);
    const portal = trends.find((t) => t.service === 'web-portal')!;
    expect(portal.points.map((p) => [p.release.data.version, p.failing, p.openBugs])).toEqual([
      ['5.0.0', false, 0],
      ['5.1.0', true, 3],
    ]);
  });

  it('charts at most the most recent releases and says how many older ones are left out', async () => {
    const content = await sampleContent();
    const pay = serviceTrends(content, new Map(), TZ, 2).find((t) => t.service === 'payment-gateway')!;
    expect(pay.points.map((p) => p.release.data.version)).toEqual(['2.4.0', '2.5.0']);
    expect(pay.omitted).toBe(3);
  });
});

describe('flakyAcrossReleases (sample content)', () => {
  it('finds tests flaky in two releases of a service, not a test flaky in two rounds of one release', async () => {
    const content = await sampleContent();
    const flaky = flakyAcrossReleases(content, await junitOf(content), TZ);
    expect(flaky.map((f) => [f.service, f.test.name, f.releases.map((r) => r.ref)])).toEqual([
      ['web-portal', 'TradeQuery allows 180-day range', ['web-portal@5.0.0', 'web-portal@5.1.0']],
    ]);
  });

  it('keys a test by service, class and name', async () => {
    const content = await sampleContent();
    const same = { totals: { tests: 1, passed: 1, failed: 0, errors: 0, skipped: 0, flaky: 1 }, flakyTests: [{ group: 'C', name: 't' }] };
    const byFile = (refs: string[]) =>
      new Map(content.testReports.filter((r) => refs.includes(r.data.release)).map((r) => [r.file, same]));
    // Two releases of payment-gateway share it; user-center's one release does not add a second service entry.
    const flaky = flakyAcrossReleases(content, byFile(['payment-gateway@2.2.4', 'payment-gateway@2.5.0', 'user-center@4.3.0']), TZ);
    expect(flaky.map((f) => [f.service, f.releases.map((r) => r.data.version)])).toEqual([['payment-gateway', ['2.2.4', '2.5.0']]]);
  });
});

describe('reportFacets', () => {
  it('offers only the services, stages and verdicts some report has, in a fixed order', async () => {
    const content = await sampleContent();
    const facets = reportFacets(content, content.testReports);
    expect(facets.services).toHaveLength(6);
    expect(facets.stages).toEqual(['system', 'integration', 'acceptance', 'staging', 'smoke', 'regression', 'performance', 'security']);
    expect(facets.verdicts).toEqual(['pass', 'fail', 'conditional']);
    const one = reportFacets(content, content.testReports.filter((r) => r.data.release === 'web-portal@5.1.0'));
    expect(one).toEqual({ services: [{ id: 'web-portal', name: content.services.get('web-portal')!.data.name }], stages: ['system'], verdicts: ['fail'] });
  });
});
