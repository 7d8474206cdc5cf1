import { describe, expect, it } from 'vitest';
import { releaseCalendar } from '../../../src/model/queries/calendar.ts';
import { at, sampleContent, TZ } from './sample.ts';

describe('releaseCalendar', () => {
  it('splits months at "now": the current month and later ascending, earlier ones descending', async () => {
    const content = await sampleContent();
    const cal = releaseCalendar([...content.releaseByRef.values()], at('2026-11-24T12:00:00+08:00'), TZ);
    expect(cal.upcoming.map((m) => m.key)).toEqual(['2026-11', '2026-12']);
    expect(cal.upcoming[0]?.current).toBe(true);
    expect(cal.past[0]?.key).toBe('2026-10');
    expect(cal.past.at(-1)?.key).toBe('2026-01');
    expect(cal.unscheduled.map((r) => r.ref)).toEqual(['mobile-app@3.11', 'order-service@1.9.0']);
    // Entries of a month are in window order.
    expect(cal.upcoming[1]?.entries.map((e) => e.release.ref)).toEqual(['payment-gateway@2.5.0', 'user-center@4.3.0', 'web-portal@5.1.0']);
  });

  it('puts a window in the month of its start in the site time zone', async () => {
    const content = await sampleContent();
    // settlement-job 1.4.0 starts 2026-07-09T01:00+08:00, which is July 8th in UTC.
    const shanghai = releaseCalendar([content.releaseByRef.get('settlement-job@1.4.0')!], at('2027-01-01T00:00:00Z'), TZ);
    expect(shanghai.past[0]?.key).toBe('2026-07');
    // "Now" 2026-04-01T00:00Z is still March 31st in Los Angeles: March is the current month there.
    const la = releaseCalendar([content.releaseByRef.get('payment-gateway@2.3.0')!], at('2026-04-01T00:00:00Z'), 'America/Los_Angeles');
    expect(la.upcoming.map((m) => [m.key, m.current])).toEqual([['2026-03', true]]);
  });
});
