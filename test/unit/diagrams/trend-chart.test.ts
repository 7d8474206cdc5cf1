/**
 * The trend charts of /test-reports/ (src/model/diagrams/trend-chart.ts), read back with
 * Mermaid's own parser: labels arrive as written whatever they contain, values are plotted as
 * given, and the axes fit the metric.
 */
import { describe, expect, it } from 'vitest';
import { niceCeiling, trendChart, trendOutline, yRange, type TrendValue } from '../../../src/model/diagrams/index.ts';
import { parseXyChart } from './mermaid.ts';
import { HOSTILE_TEXTS, shown } from './hostile.ts';

const values = (pairs: [string, number][]): TrendValue[] => pairs.map(([label, value]) => ({ label, value, text: String(value) }));
const AXES = { xTitle: '版本', yTitle: '通过率 (%)' };

describe('trendChart', () => {
  it('plots the pass rate as a line over the releases, from a floor below the lowest value to 100', async () => {
    const chart = await parseXyChart(trendChart('pass-rate', values([['2.2.4', 100], ['2.3.0', 88.24], ['2.4.0', 98.4]]), AXES));
    expect(chart.categories).toEqual(['2.2.4', '2.3.0', '2.4.0']);
    expect(chart.plots).toEqual([{ type: 'line', values: [100, 88.2, 98.4] }]);
    expect([chart.yMin, chart.yMax]).toEqual([70, 100]);
    expect([chart.xTitle, chart.yTitle]).toEqual(['版本', '通过率 (%)']);
  });

  it('draws a single release as a bar (a one-point line would draw nothing)', async () => {
    const chart = await parseXyChart(trendChart('pass-rate', values([['3.10', 99.6]]), AXES));
    expect(chart.plots).toEqual([{ type: 'bar', values: [99.6] }]);
  });

  it('plots counts as bars from 0, with whole-number room even when all are 0', async () => {
    const cases = await parseXyChart(trendChart('cases', values([['1.0', 74], ['1.1', 128]]), { xTitle: 'Release', yTitle: 'Test cases' }));
    expect(cases.plots).toEqual([{ type: 'bar', values: [74, 128] }]);
    expect([cases.yMin, cases.yMax]).toEqual([0, 200]);
    const bugs = await parseXyChart(trendChart('open-bugs', values([['1.0', 0], ['1.1', 0]]), { xTitle: 'Release', yTitle: 'Open bugs' }));
    expect([bugs.yMin, bugs.yMax]).toEqual([0, 10]);
  });

  it('keeps any text of a label as text: no Mermaid syntax, directive or markup gets through', async () => {
    const hostile = HOSTILE_TEXTS.map((text, i): TrendValue => ({ label: text, value: i, text: String(i) }));
    const source = trendChart('cases', hostile, { xTitle: HOSTILE_TEXTS[0], yTitle: '%%{init: {}}%% "y"' });
    expect(source).not.toMatch(/<script|onerror|%%\{/);
    const chart = await parseXyChart(source);
    // Labels are clipped to 16 columns; each reads as the text itself (whitespace collapsed).
    expect(chart.categories).toHaveLength(HOSTILE_TEXTS.length);
    chart.categories.forEach((label, i) => {
      const text = shown(HOSTILE_TEXTS[i]!);
      expect(label.endsWith('…') ? text.startsWith(label.slice(0, -1).trimEnd()) : label === text, `${label} for ${text}`).toBe(true);
    });
    expect(chart.xTitle).toBe(shown(HOSTILE_TEXTS[0]));
    expect(chart.yTitle).toBe('%%{init: {}}%% "y"');
    expect(chart.plots[0]!.values).toEqual(HOSTILE_TEXTS.map((_, i) => i));
  });

  it('refuses an empty series and lists every value in the text alternative', () => {
    expect(() => trendChart('cases', [], AXES)).toThrow(/no values/);
    expect(trendOutline([{ label: '2.3.0', value: 87, text: '87' }])).toEqual(['2.3.0: 87']);
  });
});

describe('axis ranges', () => {
  it('rounds count axes up to 1, 2 or 5 × 10ⁿ, at least 10', () => {
    expect([0, 3, 10, 11, 74, 128, 246, 50_000, 50_001].map(niceCeiling)).toEqual([10, 10, 10, 20, 100, 200, 500, 50_000, 100_000]);
  });

  it('starts the pass-rate axis at most at 90 and never below 0', () => {
    expect(yRange('pass-rate', [100, 100])).toEqual({ min: 90, max: 100 });
    expect(yRange('pass-rate', [3])).toEqual({ min: 0, max: 100 });
  });
});
