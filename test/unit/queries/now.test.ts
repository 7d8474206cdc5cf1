import { describe, expect, it } from 'vitest';
import { now } from '../../../src/portal/now.ts';

describe('now()', () => {
  it('is SHIPLOG_NOW when set, in the site time zone', () => {
    const t = now('Asia/Shanghai', { SHIPLOG_NOW: '2026-03-31T16:30:00Z' });
    expect(t.toISO()).toBe('2026-04-01T00:30:00.000+08:00');
  });

  it('reads a date-time without an offset in the site time zone', () => {
    expect(now('Asia/Shanghai', { SHIPLOG_NOW: '2026-11-24T12:00' }).toUTC().toISO()).toBe('2026-11-24T04:00:00.000Z');
  });

  it('refuses a value that is not a date-time', () => {
    expect(() => now('UTC', { SHIPLOG_NOW: 'tomorrow' })).toThrow(/SHIPLOG_NOW=tomorrow is not an ISO date-time/);
  });

  it('is the build time otherwise, the same for every call', () => {
    const a = now('UTC', {});
    expect(Math.abs(a.toMillis() - Date.now())).toBeLessThan(60_000);
    expect(now('UTC', {}).toMillis()).toBe(a.toMillis());
  });
});
