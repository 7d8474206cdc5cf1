/**
 * A per-release trend (pass rate, test cases, open bugs) as a Mermaid xychart: one category
 * per release on the x axis, oldest first. Mermaid 12 reads both `xychart` and the older
 * `xychart-beta` keyword; we write `xychart`. Every label (releases, axis titles, series name)
 * goes through ./escape.ts; numbers are written by us. The caller passes labels in the site's
 * language, so this module holds no wording of its own.
 */
import { clip, esc } from './escape.ts';

export type TrendMetric = 'pass-rate' | 'cases' | 'open-bugs';

export interface TrendValue {
  /** The x-axis label: the release's version. */
  label: string;
  value: number;
  /** The value as the text alternative shows it (`97.5%`, `1,204`). */
  text: string;
}

export interface TrendChartOptions {
  /** Title of the y axis (e.g. `通过率 (%)`). */
  yTitle: string;
  /** Title of the x axis (e.g. `版本`). */
  xTitle: string;
}

/**
 * One colour per metric, the same in the light and the dark theme (mermaid's default palette
 * starts with a near-white in the light theme); each keeps 3:1 against both backgrounds.
 */
const COLOURS: Record<TrendMetric, string> = { 'pass-rate': '#2f6fd0', cases: '#5a6f95', 'open-bugs': '#d1453b' };

/** Columns of an x-axis label; longer versions are clipped (the text alternative has them whole). */
const LABEL_WIDTH = 16;

/**
 * 1, 2, 5 × 10ⁿ at or above `n`, at least 10: an all-zero series still has an axis, and a
 * count axis keeps whole-number ticks (mermaid draws about ten).
 */
export function niceCeiling(n: number): number {
  if (n <= 10) return 10;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/** The y range of a metric: percentages up to 100 from a floor below the lowest value; counts from 0. */
export function yRange(metric: TrendMetric, values: readonly number[]): { min: number; max: number } {
  const high = Math.max(0, ...values);
  if (metric !== 'pass-rate') return { min: 0, max: niceCeiling(high) };
  const low = Math.min(100, ...values);
  return { min: Math.max(0, Math.min(90, Math.floor(low / 10) * 10 - 10)), max: 100 };
}

/** A number as Mermaid's grammar reads it: plain decimal, at most one fraction digit. */
function num(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return Number.isFinite(rounded) ? String(rounded) : '0';
}

/**
 * Mermaid source of one metric's trend. The pass rate is a line (a bar when there is a single
 * release, since a one-point line draws nothing); cases and open bugs are bars.
 */
export function trendChart(metric: TrendMetric, values: readonly TrendValue[], options: TrendChartOptions): string {
  if (values.length === 0) throw new Error('trendChart: no values (a chart needs at least one release)');
  const { min, max } = yRange(metric, values.map((v) => v.value));
  const kind = metric === 'pass-rate' && values.length > 1 ? 'line' : 'bar';
  const labels = values.map((v) => `"${esc(clip(v.label, LABEL_WIDTH))}"`).join(', ');
  const data = values.map((v) => num(Math.min(max, Math.max(min, v.value)))).join(', ');
  return [
    '---',
    'config:',
    '  xyChart:',
    '    width: 420',
    '    height: 260',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${COLOURS[metric]}"`,
    '---',
    'xychart',
    `  x-axis "${esc(options.xTitle)}" [${labels}]`,
    `  y-axis "${esc(options.yTitle)}" ${min} --> ${max}`,
    `  ${kind} [${data}]`,
    '',
  ].join('\n');
}

/** The text alternative: one entry per release, `2.3.0: 97.5%`. */
export function trendOutline(values: readonly TrendValue[]): string[] {
  return values.map((v) => `${v.label}: ${v.text}`);
}
