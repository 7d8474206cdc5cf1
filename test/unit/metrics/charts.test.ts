/**
 * The metrics charts as Mermaid reads them: xychart (deployments and failures per month,
 * median lead time) and pie (deployments per service), parsed by Mermaid itself; hostile
 * service names and labels cannot break or inject into them.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { decode, parseAny } from '../diagrams/mermaid.ts';
import { HOSTILE_TEXTS, shown } from '../diagrams/hostile.ts';
import { deploymentsChart, leadTimeChart, leadTimeSeries, pieChart } from '../../../src/model/metrics/charts.ts';
import { deliveryMetrics } from '../../../src/model/metrics/index.ts';
import { buildContent, goLive, release, report, TZ } from './build.ts';

const { default: mermaid } = await import('mermaid');

interface XyDb { getChartConfig?: () => unknown; getXYChartData?: () => { xAxis: { categories?: string[]; title: string }; yAxis: { title: string; max: number }; plots: { type: string; data: [string, number][] }[] } }
interface PieDb { getSections(): Map<string, number> }

async function db<T>(source: string): Promise<T> {
  await parseAny(source);
  return (await mermaid.mermaidAPI.getDiagramFromText(source)).db as unknown as T;
}

const NOW = DateTime.fromISO('2026-04-20T12:00:00+08:00', { setZone: true });

function sample() {
  return deliveryMetrics(
    buildContent({
      services: { a: 'A' },
      releases: [
        release('a', '1.0.0', goLive('2026-01-15')),
        release('a', '1.1.0', { ...goLive('2026-03-10'), status: 'rolled-back', rolledBack: { at: '2026-03-10T23:20:00+08:00', reason: 'x' } }),
        release('a', '1.2.0', goLive('2026-03-20')),
      ],
      reports: [report('a@1.0.0', '2026-01-05'), report('a@1.2.0', '2026-03-18')],
    }),
    NOW,
    TZ,
  );
}

describe('deploymentsChart', () => {
  it('is an xychart with a bar of deployments and a line of failures per month, oldest first', async () => {
    const source = deploymentsChart(sample().all.months, { xAxis: 'Month', yAxis: 'Count' });
    expect(await parseAny(source)).toBe('xychart');
    const data = (await db<XyDb>(source)).getXYChartData!();
    expect(data.xAxis.categories).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(data.plots.map((p) => [p.type, p.data.map(([, v]) => v)])).toEqual([
      ['bar', [1, 0, 2, 0]],
      ['line', [0, 0, 1, 0]],
    ]);
    // Counts get whole-number ticks: the axis reaches at least 10.
    expect(data.yAxis.max).toBe(10);
  });
});

describe('leadTimeChart', () => {
  it('draws only the months with a measured median, in days', async () => {
    const months = sample().all.months;
    expect(leadTimeSeries(months).map((s) => [s.key, Math.round(s.days * 10) / 10])).toEqual([
      ['2026-01', 11],
      ['2026-03', 3],
    ]);
    const source = leadTimeChart(months, { xAxis: 'Month', yAxis: 'Days' })!;
    const data = (await db<XyDb>(source)).getXYChartData!();
    expect(data.xAxis.categories).toEqual(['2026-01', '2026-03']);
    expect(data.plots[0]!.data.map(([, v]) => v)).toEqual([11, 3]);
  });

  it('is undefined when no month has one', () => {
    const empty = deliveryMetrics(buildContent({ services: { a: 'A' }, releases: [release('a', '1.0.0')] }), NOW, TZ);
    expect(leadTimeChart(empty.all.months, { xAxis: 'x', yAxis: 'y' })).toBeUndefined();
  });
});

describe('charts and hostile text', () => {
  it('keep every hostile axis label and service name as text', async () => {
    const slices = HOSTILE_TEXTS.map((label, i) => ({ label, value: i + 1 }));
    const pie = await db<PieDb>(pieChart(slices));
    expect([...pie.getSections().keys()].map(decode)).toEqual(HOSTILE_TEXTS.map(shown));
    for (const text of HOSTILE_TEXTS) {
      const source = deploymentsChart(sample().all.months, { xAxis: text, yAxis: text });
      expect(source).not.toMatch(/<script|%%\{/);
      const data = (await db<XyDb>(source)).getXYChartData!();
      expect(decode(data.xAxis.title)).toBe(shown(text));
    }
  });

  it('gives repeated labels their own slice, and leaves out empty ones', async () => {
    const pie = await db<PieDb>(pieChart([{ label: 'Pay', value: 2 }, { label: 'Pay', value: 1 }, { label: 'Idle', value: 0 }]));
    expect([...pie.getSections()].map(([k, v]) => [decode(k), v])).toEqual([['Pay', 2], ['Pay (2)', 1]]);
  });
});
