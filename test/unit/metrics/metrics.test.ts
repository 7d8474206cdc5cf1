/**
 * Delivery metrics on hand-made content: every metric, its DORA band, the records behind
 * each number, empty periods ("no data", never 0 % or NaN) and a service with no releases.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { changeFailureBand, deploymentBand, leadTimeBand, restoreBand } from '../../../src/model/metrics/bands.ts';
import { deliveryMetrics, type PeriodMetrics, type ScopeMetrics } from '../../../src/model/metrics/index.ts';
import { monthOf, periodsBetween, quarterOf } from '../../../src/model/metrics/periods.ts';
import { median, percentile, ratio } from '../../../src/model/metrics/stats.ts';
import { buildContent, goLive, release, report, retro, TZ } from './build.ts';

const NOW = DateTime.fromISO('2026-04-20T12:00:00+08:00', { setZone: true });
const refs = (list: { release: { ref: string } }[]) => list.map((x) => x.release.ref);

/**
 * pay: 1.0.0 fine (Jan); 1.1.0 rolled back (Mar 10) and hotfixed by 1.1.1 two days later;
 *      1.2.0 (Mar 25) whose hotfix 1.2.1 comes 11 days later (not a failure).
 * shop: 2.0.0 (Feb 10) caused an incident (retrospective), fixed by hotfix 2.0.1 the next
 *      evening, which the same retrospective names; 2.1.0 (Mar 20) started early, has no
 *      test report; 3.0.0 cancelled and 3.1.0 planned are not deployments.
 * idle: no release at all.
 */
function sample() {
  return buildContent({
    services: { pay: 'Payments', shop: 'Shop', idle: 'Idle' },
    releases: [
      release('pay', '1.0.0', goLive('2026-01-15', { actual: { start: '2026-01-15T22:00:00+08:00', end: '2026-01-15T23:00:00+08:00', downtime: 10 } })),
      release('pay', '1.1.0', {
        status: 'rolled-back',
        window: { start: '2026-03-10T22:00:00+08:00', end: '2026-03-10T23:30:00+08:00' },
        actual: { start: '2026-03-10T22:00:00+08:00', end: '2026-03-10T23:45:00+08:00', downtime: '30m' },
        rolledBack: { at: '2026-03-10T23:20:00+08:00', reason: 'errors' },
      }),
      release('pay', '1.1.1', { type: 'hotfix', process: 'hotfix', ...goLive('2026-03-12') }),
      release('pay', '1.2.0', goLive('2026-03-25', { actual: { start: '2026-03-25T22:00:00+08:00', end: '2026-03-25T23:00:00+08:00', downtime: 0 } })),
      release('pay', '1.2.1', { type: 'hotfix', ...goLive('2026-04-05') }),
      release('shop', '2.0.0', goLive('2026-02-10')),
      release('shop', '2.0.1', {
        type: 'hotfix',
        window: { start: '2026-02-11T20:00:00+08:00', end: '2026-02-11T21:00:00+08:00' },
        actual: { start: '2026-02-11T20:00:00+08:00', end: '2026-02-11T20:30:00+08:00' },
      }),
      release('shop', '2.1.0', {
        window: { start: '2026-03-20T22:00:00+08:00', end: '2026-03-20T23:30:00+08:00' },
        actual: { start: '2026-03-20T21:30:00+08:00', end: '2026-03-20T23:00:00+08:00' },
      }),
      release('shop', '3.0.0', { status: 'cancelled', window: undefined, actual: undefined }),
      release('shop', '3.1.0', { status: 'planned', window: undefined, actual: undefined }),
    ],
    reports: [
      report('pay@1.0.0', '2026-01-05'),
      report('pay@1.0.0', '2026-01-08'),
      report('pay@1.1.0', '2026-03-01'),
      report('pay@1.1.1', '2026-03-12T09:00:00+08:00'),
      report('pay@1.2.0', '2026-03-20'),
      report('shop@2.0.0', '2026-02-01'),
      report('shop@2.0.0', undefined),
      // A smoke test that starts when the go-live ends does not begin a lead time.
      report('shop@2.0.1', '2026-02-11T20:30:00+08:00', { stage: 'smoke' }),
    ],
    retros: [
      retro('Shop 2.0.0 incident', ['shop@2.0.0', 'shop@2.0.1'], {
        outcome: 'incident',
        incident: { severity: 'P2', detected: '2026-02-11T09:00:00+08:00', resolved: '2026-02-11T11:30:00+08:00' },
      }),
    ],
  });
}

const metrics = () => deliveryMetrics(sample(), NOW, TZ);
const month = (scope: ScopeMetrics, key: string): PeriodMetrics => scope.months.find((m) => m.period.key === key)!;

describe('periods', () => {
  it('lists every month and quarter from the first record to now, newest first, in the site time zone', () => {
    const m = metrics();
    expect(m.all.months.map((p) => p.period.key)).toEqual(['2026-04', '2026-03', '2026-02', '2026-01']);
    expect(m.all.quarters.map((p) => p.period.key)).toEqual(['2026-Q2', '2026-Q1']);
    expect(m.all.span!.period.start.toISODate()).toBe('2026-01-01');
    // 2026-02-28T17:00Z is already 1 March in Shanghai.
    const at = DateTime.fromISO('2026-02-28T17:00:00Z').setZone(TZ);
    expect(monthOf(at, NOW).key).toBe('2026-03');
  });

  it('counts a period that holds "now" up to now', () => {
    const april = monthOf(NOW, NOW);
    expect(april.days).toBeCloseTo(19.5, 5);
    expect(april.months).toBe(1);
    const q2 = quarterOf(NOW, NOW);
    expect(q2.months).toBe(1);
    expect(quarterOf(DateTime.fromISO('2026-01-01T00:00:00+08:00').setZone(TZ), NOW).days).toBe(90);
    const may = DateTime.fromISO('2026-05-20T00:00:00+08:00').setZone(TZ);
    expect(quarterOf(may, may).months).toBe(2);
    expect(periodsBetween('month', NOW, NOW, NOW).map((p) => p.key)).toEqual(['2026-04']);
  });
});

describe('deployment frequency', () => {
  it('counts releases that reached production (released, rolled-back) by go-live start, with the records', () => {
    const m = metrics();
    expect(m.all.span!.deployments.count).toBe(8);
    const march = month(m.all, '2026-03');
    expect(refs(march.deployments.deployments)).toEqual(['pay@1.1.0', 'pay@1.1.1', 'shop@2.1.0', 'pay@1.2.0']);
    expect(march.deployments.perWeek).toBeCloseTo((4 / 31) * 7, 5);
    expect(march.deployments.band).toBe('medium');
    expect(month(m.all, '2026-04').deployments.count).toBe(1);
  });

  it('bands: daily elite, weekly high, monthly medium, else low', () => {
    expect(deploymentBand(31, { days: 31, months: 1 })).toBe('elite');
    expect(deploymentBand(4, { days: 28, months: 1 })).toBe('high');
    expect(deploymentBand(4, { days: 31, months: 1 })).toBe('medium');
    expect(deploymentBand(1, { days: 31, months: 1 })).toBe('medium');
    expect(deploymentBand(0, { days: 31, months: 1 })).toBe('low');
    expect(deploymentBand(2, { days: 90, months: 3 })).toBe('low');
    expect(deploymentBand(3, { days: 90, months: 3 })).toBe('medium');
  });
});

describe('lead time', () => {
  it('runs from the first test report start to actual.end; median and p90 by nearest rank', () => {
    const march = month(metrics().all, '2026-03');
    // pay@1.1.0: 03-01 00:00 → 03-10 23:45; pay@1.1.1: 09:00 → 23:00; pay@1.2.0: 03-20 00:00 → 03-25 23:00.
    expect(march.leadTime.measured.map((l) => [l.deployment.release.ref, l.minutes])).toEqual([
      ['pay@1.1.0', 14385],
      ['pay@1.1.1', 840],
      ['pay@1.2.0', 8580],
    ]);
    expect(march.leadTime.median).toBe(8580);
    expect(march.leadTime.p90).toBe(14385);
    expect(march.leadTime.band).toBe('high');
    expect(march.leadTime.unmeasured.map((l) => [l.deployment.release.ref, l.gap])).toEqual([['shop@2.1.0', 'no-test-start']]);
  });

  it('takes the earliest report, and ignores reports that start when the go-live has ended', () => {
    const m = metrics();
    const jan = month(m.all, '2026-01');
    expect(jan.leadTime.measured[0]!.minutes).toBe(10 * 1440 + 23 * 60);
    expect(jan.leadTime.measured[0]!.firstReport!.data.start).toBe('2026-01-05');
    const feb = month(m.all, '2026-02');
    expect(feb.leadTime.unmeasured.map((l) => [l.deployment.release.ref, l.gap])).toEqual([['shop@2.0.1', 'no-test-start']]);
  });

  it('says no data for a period with deployments but nothing measured', () => {
    const content = buildContent({ services: { a: 'A' }, releases: [release('a', '1.0.0', { actual: { start: '2026-03-10T22:00:00+08:00' } })], reports: [report('a@1.0.0', '2026-03-01')] });
    const span = deliveryMetrics(content, NOW, TZ).all.span!;
    expect(span.leadTime.median).toBeUndefined();
    expect(span.leadTime.band).toBeUndefined();
    expect(span.leadTime.unmeasured.map((l) => l.gap)).toEqual(['no-end']);
  });

  it('bands: under a day elite, a week high, 30 days medium, else low', () => {
    expect(leadTimeBand(1439)).toBe('elite');
    expect(leadTimeBand(1440)).toBe('high');
    expect(leadTimeBand(7 * 1440)).toBe('medium');
    expect(leadTimeBand(30 * 1440 - 1)).toBe('medium');
    expect(leadTimeBand(30 * 1440)).toBe('low');
  });
});

describe('change failure rate', () => {
  it('counts rollbacks, incident retrospectives and hotfixes within 7 days, and keeps each cause', () => {
    const m = metrics();
    const march = month(m.all, '2026-03');
    expect(march.changeFailure.total).toBe(4);
    expect(march.changeFailure.rate).toBe(0.25);
    expect(march.changeFailure.band).toBe('low');
    const [failed] = march.changeFailure.failed;
    expect(failed!.deployment.release.ref).toBe('pay@1.1.0');
    expect(failed!.causes.map((c) => c.kind)).toEqual(['rolled-back', 'hotfix']);
    const hotfix = failed!.causes[1]!;
    expect(hotfix.kind === 'hotfix' && [hotfix.hotfix.ref, hotfix.afterMinutes]).toEqual(['pay@1.1.1', 2 * 1440 - 105]);
  });

  it('does not blame the hotfix that a retrospective also names (it went live after the detection)', () => {
    const feb = month(metrics().all, '2026-02');
    expect(feb.changeFailure.failed.map((o) => [o.deployment.release.ref, o.causes.map((c) => c.kind)])).toEqual([['shop@2.0.0', ['retrospective', 'hotfix']]]);
    expect(feb.changeFailure.rate).toBe(0.5);
  });

  it('does not count a hotfix more than 7 days later', () => {
    const m = metrics();
    const pay = m.services.find((s) => s.service === 'pay')!;
    expect(month(pay, '2026-03').changeFailure.failed.map((o) => o.deployment.release.ref)).toEqual(['pay@1.1.0']);
    expect(month(pay, '2026-04').changeFailure.rate).toBe(0);
    expect(month(pay, '2026-04').changeFailure.band).toBe('elite');
  });

  it('bands: at most 5 % elite, 10 % high, 15 % medium, else low', () => {
    expect(changeFailureBand(0.05)).toBe('elite');
    expect(changeFailureBand(0.06)).toBe('high');
    expect(changeFailureBand(0.15)).toBe('medium');
    expect(changeFailureBand(0.151)).toBe('low');
  });
});

describe('time to restore', () => {
  it('takes incidents detected → resolved and uncovered rollbacks go-live → rolled back, by start', () => {
    const m = metrics();
    const q1 = m.all.quarters.find((q) => q.period.key === '2026-Q1')!;
    expect(q1.restore.events.map((e) => [e.kind, e.minutes])).toEqual([
      ['incident', 150],
      ['rollback', 80],
    ]);
    expect(q1.restore.median).toBe(115);
    expect(q1.restore.longest).toBe(150);
    expect(q1.restore.band).toBe('high');
    const shop = m.services.find((s) => s.service === 'shop')!;
    expect(month(shop, '2026-02').restore.events).toHaveLength(1);
    expect(month(shop, '2026-03').restore.events).toHaveLength(0);
  });

  it('counts a rollback that a retrospective incident describes once, as the incident', () => {
    const content = buildContent({
      services: { a: 'A' },
      releases: [release('a', '1.0.0', { status: 'rolled-back', rolledBack: { at: '2026-03-10T23:50:00+08:00', reason: 'x' } })],
      retros: [retro('r', ['a@1.0.0'], { outcome: 'rolled-back', incident: { severity: 'P3', detected: '2026-03-10T22:30:00+08:00', resolved: '2026-03-10T23:00:00+08:00' } })],
    });
    const span = deliveryMetrics(content, NOW, TZ).all.span!;
    expect(span.restore.events.map((e) => [e.kind, e.minutes])).toEqual([['incident', 30]]);
    expect(span.restore.band).toBe('elite');
    expect(span.changeFailure.failed[0]!.causes.map((c) => c.kind)).toEqual(['rolled-back', 'retrospective']);
  });

  it('bands: under an hour elite, a day high, a week medium, else low', () => {
    expect(restoreBand(59)).toBe('elite');
    expect(restoreBand(60)).toBe('high');
    expect(restoreBand(1440)).toBe('medium');
    expect(restoreBand(7 * 1440)).toBe('low');
  });
});

describe('planned-window adherence and downtime', () => {
  it('judges start and end against the window, and sums the downtime that is recorded', () => {
    const march = month(metrics().all, '2026-03');
    expect(march.window.rate).toBe(0.5);
    expect(march.window.missed.map((c) => [c.deployment.release.ref, c.early, c.overrun])).toEqual([
      ['pay@1.1.0', 0, 15],
      ['shop@2.1.0', 30, 0],
    ]);
    expect(march.downtime.total).toBe(30);
    expect(refs(march.downtime.recorded.map((d) => d.deployment))).toEqual(['pay@1.1.0', 'pay@1.2.0']);
    expect(refs(march.downtime.unrecorded.map((d) => d.deployment))).toEqual(['pay@1.1.1', 'shop@2.1.0']);
  });

  it('reads a window end written as a date alone as the end of that day', () => {
    const content = buildContent({ services: { a: 'A' }, releases: [release('a', '1.0.0', { window: { start: '2026-03-10', end: '2026-03-10' } })] });
    expect(deliveryMetrics(content, NOW, TZ).all.span!.window.rate).toBe(1);
  });

  it('says no data when no deployment records downtime', () => {
    const feb = month(metrics().all, '2026-02');
    expect(feb.downtime.total).toBeUndefined();
    expect(feb.downtime.unrecorded).toHaveLength(2);
  });
});

describe('empty periods and services', () => {
  it('gives no value (not 0 % or NaN) for a month without deployments', () => {
    const pay = metrics().services.find((s) => s.service === 'pay')!;
    const feb = month(pay, '2026-02');
    expect(feb.deployments.count).toBe(0);
    expect(feb.deployments.band).toBe('low');
    expect(feb.leadTime.median).toBeUndefined();
    expect(feb.leadTime.p90).toBeUndefined();
    expect(feb.changeFailure.rate).toBeUndefined();
    expect(feb.changeFailure.band).toBeUndefined();
    expect(feb.restore.median).toBeUndefined();
    expect(feb.window.rate).toBeUndefined();
    expect(feb.downtime.total).toBeUndefined();
    expect(JSON.stringify([feb.deployments.perWeek])).toBe('[0]');
  });

  it('has no periods for a service with no releases, and lists every service by name', () => {
    const m = metrics();
    expect(m.services.map((s) => s.service)).toEqual(['idle', 'pay', 'shop']);
    const idle = m.services[0]!;
    expect(idle.span).toBeUndefined();
    expect(idle.months).toEqual([]);
    expect(idle.quarters).toEqual([]);
  });

  it('has no periods at all for content without deployments', () => {
    const m = deliveryMetrics(buildContent({ services: { a: 'A' }, releases: [release('a', '1.0.0', { status: 'planned', window: undefined, actual: undefined })] }), NOW, TZ);
    expect(m.all.span).toBeUndefined();
    expect(m.all.months).toEqual([]);
  });
});

describe('stats', () => {
  it('median, nearest-rank percentile and ratio are undefined for nothing', () => {
    expect(median([])).toBeUndefined();
    expect(median([3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([], 90)).toBeUndefined();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([3, 1, 2], 90)).toBe(3);
    expect(ratio(1, 0)).toBeUndefined();
    expect(ratio(1, 4)).toBe(0.25);
  });
});
