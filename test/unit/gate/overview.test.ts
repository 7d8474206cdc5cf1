/** The home page's gate overview on the sample content: who is waiting on what, and open follow-ups. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockedReleases, openFollowUps } from '../../../src/model/gate/overview.ts';
import { loadContent } from '../../../src/model/load.ts';
import { timezoneOf } from '../../../src/model/content.ts';
import { REPO } from '../helpers.ts';

const summary = (entries: ReturnType<typeof blockedReleases>) =>
  entries.map((e) => `${e.release.ref} ${e.stage.stageId}: ${e.items.map((i) => i.itemId).join(', ')}`);

describe('gate overview of the sample content', async () => {
  const { content, problems } = await loadContent(path.join(REPO, 'content'));

  it('loads clean', () => expect(problems).toEqual([]));

  it('lists every release in progress with the items that keep it from its next stage', () => {
    expect(summary(blockedReleases(content))).toEqual([
      'mobile-app@3.11 submit-test: launch-plan, tests-passed',
      'order-service@1.10.0 go-live: verified',
      'payment-gateway@2.5.0 staging: approvals',
      'user-center@4.3.0 staging: baseline-recorded, approvals',
      'web-portal@5.1.0 submit-test: tests-passed',
    ]);
    const approvals = blockedReleases(content).find((e) => e.release.ref === 'payment-gateway@2.5.0')!.items[0]!;
    expect(approvals.reason.en).toBe('no decision from ops');
  });

  it('never lists released, rolled-back or cancelled releases as blocked', () => {
    const statuses = blockedReleases(content).map((e) => e.release.data.status);
    expect(statuses.every((s) => !['released', 'rolled-back', 'cancelled'].includes(s))).toBe(true);
  });

  it('lists released releases whose follow-up stages have required items open, the most recent window first', () => {
    expect(summary(openFollowUps(content, timezoneOf(content)))).toEqual([
      'settlement-job@1.5.0-beta.1 merge-back: formal-plan', // 2026-10-22
      'user-center@4.2.1-tmp.1 merge-back: formal-plan', // 2026-05-08
      'user-center@4.2.0 summary: retrospective', // 2026-04-22
      'order-service@1.8.0 summary: retrospective', // 2026-02-26
      'payment-gateway@2.2.4 summary: retrospective', // 2026-01-15
    ]);
  });
});
