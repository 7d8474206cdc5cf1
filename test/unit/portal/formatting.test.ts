/**
 * The formatting helpers every page calls, which keep their Intl formatters and parsed values
 * between calls: the text they give must be what a fresh formatter gives, in both locales,
 * whatever was formatted before.
 */
import { DateTime } from 'luxon';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { formatInstant, formatList, formatNumber, formatRange, formatWhen } from '../../../src/i18n/index.ts';
import { compareVersions } from '../../../src/model/queries/releases.ts';

describe('date-times with the zone offset', () => {
  it('says the offset as luxon would, east and west, on the half hour, and UTC as UTC', () => {
    const zones = ['Asia/Shanghai', 'Asia/Kolkata', 'America/St_Johns', 'America/New_York', 'Asia/Kathmandu', 'UTC'];
    for (const zone of zones) {
      const text = '2026-03-12T22:00:00+08:00';
      const dt = DateTime.fromISO(text, { setZone: true }).setZone(zone);
      const label = zone === 'UTC' ? 'UTC' : `(UTC${dt.toFormat('ZZ')})`;
      expect(formatWhen(text, zone, 'en').endsWith(` ${label}`)).toBe(true);
      expect(formatWhen(text, zone, 'zh-CN').endsWith(` ${label}`)).toBe(true);
    }
    expect(formatWhen('2026-03-12T22:00:00+08:00', 'America/St_Johns', 'en')).toContain('(UTC-02:30)');
    expect(formatWhen('2026-07-12T22:00:00+08:00', 'America/St_Johns', 'en')).toContain('(UTC-02:30)');
    expect(formatWhen('2026-01-12T22:00:00+08:00', 'America/St_Johns', 'en')).toContain('(UTC-03:30)');
    expect(formatRange('2026-03-12T22:00:00+08:00', '2026-03-12T23:30:00+08:00', 'Asia/Kolkata', 'en')).toMatch(/–.*\(UTC\+05:30\)$/);
  });

  it('formats each instant in its own zone and locale, though one was formatted before', () => {
    const at = DateTime.fromISO('2026-11-01T00:00:00Z');
    const shanghai = formatInstant(at, 'Asia/Shanghai', 'zh-CN');
    expect(shanghai).toContain('(UTC+08:00)');
    expect(shanghai).toContain('2026');
    expect(formatInstant(at, 'America/New_York', 'en')).toContain('(UTC-04:00)');
    expect(formatInstant(at, 'Asia/Shanghai', 'en')).not.toBe(shanghai);
    expect(formatInstant(at.plus({ hours: 1 }), 'Asia/Shanghai', 'zh-CN')).not.toBe(shanghai);
  });
});

describe('numbers and lists', () => {
  it('gives what a new Intl formatter gives, for each locale and option set', () => {
    const cases: [number, Intl.NumberFormatOptions][] = [
      [12345.678, {}],
      [0.975, { style: 'percent', maximumFractionDigits: 1 }],
      [0.5, { style: 'percent', maximumFractionDigits: 1 }],
      [0.25, { maximumFractionDigits: 3 }],
      [32.94, { maximumFractionDigits: 1 }],
    ];
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const [value, options] of cases) {
        expect(formatNumber(value, locale, options)).toBe(new Intl.NumberFormat(locale, options).format(value));
      }
    }
    expect(formatNumber(0.975, 'en', { style: 'percent', maximumFractionDigits: 1 })).toBe('97.5%');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatList(['张伟', '李娜'], 'zh-CN')).toBe(new Intl.ListFormat('zh-CN', { style: 'narrow', type: 'conjunction' }).format(['张伟', '李娜']));
    expect(formatList(['Ann', 'Bo', 'Cy'], 'en')).toBe(new Intl.ListFormat('en', { style: 'narrow', type: 'conjunction' }).format(['Ann', 'Bo', 'Cy']));
  });
});

describe('compareVersions', () => {
  it('orders semver by semver, anything else naturally, on the first call and after', () => {
    const versions = ['2.10.0', '2.9.0', '2.9.0-rc.1', '10.0.0', 'r10', 'r9', '2026.3', '2026.10', 'v1.2.3', '1.2.4'];
    const once = [...versions].sort(compareVersions);
    expect(once.indexOf('2.9.0-rc.1')).toBeLessThan(once.indexOf('2.9.0'));
    expect(once.indexOf('2.9.0')).toBeLessThan(once.indexOf('2.10.0'));
    expect(once.indexOf('2.10.0')).toBeLessThan(once.indexOf('10.0.0'));
    expect(once.indexOf('r9')).toBeLessThan(once.indexOf('r10'));
    expect(once.indexOf('2026.3')).toBeLessThan(once.indexOf('2026.10'));
    expect(compareVersions('v1.2.3', '1.2.4')).toBeLessThan(0);
    // Each pair as semver.compare or localeCompare answer it, asked twice (the parses are kept).
    const reference = (a: string, b: string): number => {
      const va = semver.valid(a);
      const vb = semver.valid(b);
      return va && vb ? semver.compare(va, vb) : a.localeCompare(b, 'en', { numeric: true });
    };
    for (let round = 0; round < 2; round++) {
      for (const a of versions) for (const b of versions) expect(Math.sign(compareVersions(a, b)), `${a} vs ${b}`).toBe(Math.sign(reference(a, b)));
    }
  });
});
