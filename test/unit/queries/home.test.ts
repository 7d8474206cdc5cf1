import { describe, expect, it } from 'vitest';
import { homeOverview } from '../../../src/model/queries/home.ts';
import { at, sampleContent, TZ } from './sample.ts';

const refs = (list: { ref: string }[]) => list.map((r) => r.ref);

describe('homeOverview on the sample', () => {
  it('lists what is in progress, soonest window first', async () => {
    const home = homeOverview(await sampleContent(), at('2026-11-24T12:00:00+08:00'), TZ);
    expect(refs(home.inProgress)).toEqual(['order-service@1.10.0', 'payment-gateway@2.5.0', 'user-center@4.3.0', 'web-portal@5.1.0']);
  });

  it('lists the next windows that have not ended, and keeps a window in progress until it ends', async () => {
    const content = await sampleContent();
    expect(refs(homeOverview(content, at('2026-11-25T00:30:00+08:00'), TZ).upcoming)[0]).toBe('order-service@1.10.0');
    expect(refs(homeOverview(content, at('2026-11-25T01:30:00+08:00'), TZ).upcoming)[0]).toBe('payment-gateway@2.5.0');
    expect(homeOverview(content, at('2027-01-01T00:00:00+08:00'), TZ).upcoming).toEqual([]);
  });

  it('lists recent go-lives newest first, within the limit', async () => {
    const home = homeOverview(await sampleContent(), at('2026-11-24T12:00:00+08:00'), TZ, { upcoming: 3, recent: 2 });
    expect(refs(home.recent)).toEqual(['settlement-job@1.5.0-beta.1', 'mobile-app@3.10']);
  });

  it('finds rollbacks of the quarter of "now", in the site time zone', async () => {
    const content = await sampleContent();
    // 2.3.0 was rolled back on 2026-03-12 23:40 +08:00: Q1 2026.
    const q1 = homeOverview(content, at('2026-03-31T23:30:00+08:00'), TZ);
    expect(refs(q1.rolledBackThisQuarter)).toEqual(['payment-gateway@2.3.0']);
    expect(q1.quarter).toEqual({ year: 2026, quarter: 1 });
    // 2026-03-31T16:30Z is already April 1st 00:30 in Shanghai: Q2, no rollback.
    const q2 = homeOverview(content, at('2026-03-31T16:30:00Z'), TZ);
    expect(q2.quarter).toEqual({ year: 2026, quarter: 2 });
    expect(q2.rolledBackThisQuarter).toEqual([]);
  });

  it('counts every status, zeros included, summing to all releases', async () => {
    const content = await sampleContent();
    const { counts } = homeOverview(content, at('2026-11-24T12:00:00+08:00'), TZ);
    expect(counts.map((c) => c.status)).toEqual(['planned', 'testing', 'staging', 'ready', 'deploying', 'released', 'rolled-back', 'cancelled']);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(content.releaseByRef.size);
    expect(counts.find((c) => c.status === 'released')?.count).toBe(11);
  });
});
