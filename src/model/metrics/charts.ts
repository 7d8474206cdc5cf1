/**
 * Charts of the metrics page as Mermaid source (xychart and pie). The page passes its own
 * labels (already in the site's language); every text goes through ../diagrams/escape.ts,
 * service names included, and the numbers are written by this module alone.
 */
import { esc } from '../diagrams/escape.ts';
import type { PeriodMetrics } from './index.ts';

export interface ChartLabels {
  xAxis: string;
  yAxis: string;
}

/** A number as Mermaid reads it: at most one decimal, no exponent. */
const num = (n: number) => String(Math.round(n * 10) / 10);

/**
 * A y-axis top that leaves room above the highest value. Counts get a top of at least 10, so
 * the axis ticks are whole numbers (Mermaid asks for about ten ticks: 0–3 would tick by 0.2).
 */
const top = (values: readonly number[], counts: boolean) => {
  const max = Math.max(0, ...values);
  return counts ? Math.max(10, Math.ceil(max * 1.15)) : Math.max(1, Math.ceil(max * 1.15));
};

/** Bars light, lines dark: readable on the light and the dark theme. */
const BAR = '#8fb3ef';
const LINE = '#d0453a';
const TREND = '#2f6fd0';

interface Series {
  kind: 'bar' | 'line';
  values: readonly number[];
  color: string;
}

/**
 * The chart's title is the figure's caption (Diagram.astro), so the source has none. Data
 * labels show each bar's value; the width grows with the number of months so that their
 * labels (`2026-03`) never overlap.
 */
function xychart(labels: ChartLabels, categories: readonly string[], series: readonly Series[], counts: boolean): string {
  const all = series.flatMap((s) => s.values);
  return [
    '---',
    'config:',
    '  xyChart:',
    `    width: ${Math.max(640, categories.length * 80)}`,
    '    height: 320',
    '    showDataLabel: true',
    '    showDataLabelOutsideBar: true',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${series.map((s) => s.color).join(', ')}"`,
    '---',
    'xychart',
    `  x-axis "${esc(labels.xAxis)}" [${categories.map((c) => `"${esc(c)}"`).join(', ')}]`,
    `  y-axis "${esc(labels.yAxis)}" 0 --> ${top(all, counts)}`,
    ...series.map((s) => `  ${s.kind} [${s.values.map(num).join(', ')}]`),
    '',
  ].join('\n');
}

/** Oldest first: the order a chart reads. `months` come newest first from the metrics. */
const chronological = (months: readonly PeriodMetrics[]) => [...months].reverse();

/** Deployments per month as bars, failed changes per month as a line. */
export function deploymentsChart(months: readonly PeriodMetrics[], labels: ChartLabels): string {
  const list = chronological(months);
  return xychart(
    labels,
    list.map((m) => m.period.key),
    [
      { kind: 'bar', values: list.map((m) => m.deployments.count), color: BAR },
      { kind: 'line', values: list.map((m) => m.changeFailure.failed.length), color: LINE },
    ],
    true,
  );
}

/** The months that have a measured median lead time, oldest first, with the median in days. */
export function leadTimeSeries(months: readonly PeriodMetrics[]): { key: string; days: number; minutes: number }[] {
  return chronological(months)
    .filter((m) => m.leadTime.median !== undefined)
    .map((m) => ({ key: m.period.key, minutes: m.leadTime.median!, days: m.leadTime.median! / 1440 }));
}

/** Median lead time per month in days, as a line; undefined when no month has one. */
export function leadTimeChart(months: readonly PeriodMetrics[], labels: ChartLabels): string | undefined {
  const series = leadTimeSeries(months);
  if (series.length === 0) return undefined;
  return xychart(labels, series.map((s) => s.key), [{ kind: 'line', values: series.map((s) => s.days), color: TREND }], false);
}

export interface Slice {
  label: string;
  value: number;
}

/**
 * A pie of the slices with a value above zero, untitled like the charts above (Mermaid
 * keeps only the first of equal labels, so a repeated label gets its position appended).
 */
export function pieChart(slices: readonly Slice[]): string {
  const seen = new Set<string>();
  const lines = ['pie showData'];
  slices.forEach((slice, i) => {
    if (slice.value <= 0) return;
    const label = seen.has(slice.label) ? `${slice.label} (${i + 1})` : slice.label;
    seen.add(label);
    lines.push(`  "${esc(label)}" : ${num(slice.value)}`);
  });
  return `${lines.join('\n')}\n`;
}
