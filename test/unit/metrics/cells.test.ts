/**
 * What the metrics tables print for a period: "no data" instead of 0 % or NaN, the records
 * behind each number (linked, with what each contributed), and a cap on very long lists.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { metricCells, periodLabel, RECORDS_SHOWN } from '../../../src/components/metrics/cells.ts';
import { translator } from '../../../src/i18n/index.ts';
import { deliveryMetrics } from '../../../src/model/metrics/index.ts';
import type { PageContext } from '../../../src/portal/page-context.ts';
import { releaseSections } from '../../../src/portal/release-sections.ts';
import type { Content } from '../../../src/model/content.ts';
import { buildContent, goLive, release, retro, TZ } from './build.ts';

const NOW = DateTime.fromISO('2026-04-20T12:00:00+08:00', { setZone: true }).setZone(TZ);

function ctxOf(content: Content, locale: 'en' | 'zh-CN' = 'en'): PageContext {
  const site = content.site!.data;
  return { content, site, locale, timezone: TZ, siteTitle: 'T', t: translator(locale), now: NOW, role: (k) => k };
}

function content() {
  return buildContent({
    services: { pay: 'Payments' },
    releases: [
      release('pay', '1.0.0', goLive('2026-01-15', { actual: { start: '2026-01-15T22:00:00+08:00', end: '2026-01-15T23:00:00+08:00', downtime: 10 } })),
      release('pay', '1.1.0', { ...goLive('2026-03-10'), status: 'rolled-back', rolledBack: { at: '2026-03-10T23:20:00+08:00', reason: 'x' } }),
    ],
    retros: [retro('Pay 1.1.0 rollback', ['pay@1.1.0'], { outcome: 'rolled-back' })],
  });
}

describe('metricCells', () => {
  it('says "no data" for a month without deployments, and never prints NaN', () => {
    const c = content();
    const feb = deliveryMetrics(c, NOW, TZ).all.months.find((m) => m.period.key === '2026-02')!;
    const cells = metricCells(feb, ctxOf(c));
    expect(cells.deployments).toMatchObject({ value: '0', empty: false, band: 'low', items: [] });
    for (const key of ['leadTime', 'changeFailure', 'restore', 'window', 'downtime'] as const) {
      expect(cells[key]).toMatchObject({ value: 'no data', empty: true, band: undefined, items: [] });
    }
    expect(JSON.stringify(cells)).not.toMatch(/NaN|Infinity|undefined%/);
    expect(periodLabel(feb.period, ctxOf(c))).toBe('February 2026');
    expect(periodLabel(feb.period, ctxOf(c, 'zh-CN'))).toBe('2026年2月');
  });

  it('links each failed change to its release and to what made it a failure', () => {
    const c = content();
    const march = deliveryMetrics(c, NOW, TZ).all.months.find((m) => m.period.key === '2026-03')!;
    const cfr = metricCells(march, ctxOf(c)).changeFailure;
    expect(cfr).toMatchObject({ value: '100%', detail: '1 of 1', band: 'low' });
    expect(cfr.items).toEqual([
      {
        href: '/releases/pay/1.1.0/',
        label: 'Payments 1.1.0',
        note: 'rolled back · retrospective with outcome Rolled back',
        also: [{ href: '/retrospectives/r1/', label: 'Pay 1.1.0 rollback' }],
      },
    ]);
    const restore = metricCells(march, ctxOf(c, 'zh-CN')).restore;
    expect(restore).toMatchObject({ value: '1小时20分钟', band: 'high' });
    expect(restore.items[0]!.note).toBe('从开始上线到回滚：1小时20分钟');
  });

  it('lists at most RECORDS_SHOWN records under a number and counts the rest', () => {
    const many = buildContent({
      services: { pay: 'Payments' },
      releases: Array.from({ length: RECORDS_SHOWN + 5 }, (_, i) => release('pay', `1.0.${i}`, goLive(`2026-03-${String((i % 28) + 1).padStart(2, '0')}`))),
    });
    const span = deliveryMetrics(many, NOW, TZ).all.span!;
    const cells = metricCells(span, ctxOf(many));
    expect(cells.deployments.value).toBe(String(RECORDS_SHOWN + 5));
    expect(cells.deployments.items).toHaveLength(RECORDS_SHOWN);
    expect(cells.deployments.more).toBe(5);
  });
});

describe('release page sections', () => {
  it('lists carry-over after the known issues, only when there is some', () => {
    const r = content().releaseByRef.get('pay@1.1.0')!;
    const extras = { gate: false, body: false, testReports: 0, retrospectives: 0 };
    expect(releaseSections(r, { ...extras, carryOver: 2 }).map((s) => s.id)).toEqual(['carry-over', 'plan', 'rolled-back']);
    expect(releaseSections(r, { ...extras, carryOver: 0 }).map((s) => s.id)).toEqual(['plan', 'rolled-back']);
  });
});
