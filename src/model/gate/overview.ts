/**
 * The gate across all releases, for the home page: what keeps each release in progress from
 * its next stage, and which released releases still have follow-ups open (monitoring,
 * summary report) — the work a release manager chases today.
 */
import type { Content, ReleaseRecord } from '../content.ts';
import { pagePath } from '../queries/paths.ts';
import { byWindowNewestFirst } from '../queries/releases.ts';
import { evaluateRelease } from './evaluate.ts';
import type { ItemEvaluation, StageEvaluation } from './types.ts';

export interface ReleaseAttention {
  release: ReleaseRecord;
  /** The stage the items belong to: the current stage, or the follow-up stage. */
  stage: StageEvaluation;
  items: ItemEvaluation[];
}

const WENT_OUT = new Set(['released', 'rolled-back']);

/** Releases still in progress whose current stage has required items that do not hold yet. */
export function blockedReleases(content: Content): ReleaseAttention[] {
  const result: ReleaseAttention[] = [];
  for (const release of content.releaseByRef.values()) {
    if (WENT_OUT.has(release.data.status)) continue;
    const gate = evaluateRelease(content, release);
    if (!gate?.gated || gate.openInCurrent.length === 0) continue;
    const stage = gate.stages.find((s) => s.stageId === gate.currentStageId);
    if (stage) result.push({ release, stage, items: gate.openInCurrent });
  }
  return result.sort((a, b) => a.release.ref.localeCompare(b.release.ref));
}

/**
 * Released (or rolled-back) releases with required follow-up items that do not hold, one entry
 * per stage: the most recent release first (the follow-ups someone still remembers), its stages
 * in process order.
 */
export function openFollowUps(content: Content, timezone: string): ReleaseAttention[] {
  const result: ReleaseAttention[] = [];
  const wentOut = [...content.releaseByRef.values()].filter((release) => WENT_OUT.has(release.data.status));
  for (const release of byWindowNewestFirst(wentOut, timezone)) {
    const gate = evaluateRelease(content, release);
    for (const stage of gate?.stages ?? []) {
      if (stage.position !== 'follow-up') continue;
      const items = stage.items.filter((item) => item.required && !item.holds);
      if (items.length > 0) result.push({ release, stage, items });
    }
  }
  return result;
}

/**
 * How many follow-ups the home page shows. The rest are on /follow-ups/: at 10,000 releases
 * the home page listed thousands and weighed 5.8 MB.
 */
export const HOME_FOLLOW_UPS = 10;

/** Follow-ups per page of /follow-ups/. */
export const FOLLOW_UPS_PER_PAGE = 50;

/** Page `page` of the open follow-ups: `/follow-ups/`, then `/follow-ups/2/`, … */
export function followUpsPath(page: number): string {
  return pagePath('/follow-ups/', page);
}
