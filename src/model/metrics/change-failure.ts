/**
 * Change failure: a deployment failed when any of these holds (all that hold are kept, so
 * the page can say why):
 *
 * - it was rolled back (status `rolled-back`);
 * - a retrospective with outcome `incident` or `rolled-back` names it — unless it went live
 *   after that incident was detected: a release shipped after the detection (the hotfix a
 *   retrospective also names) is the cure, not the cause;
 * - a hotfix (type `hotfix`) of the same service reached production within 7 days (168 h)
 *   after its go-live ended (after its start when it has no end).
 */
import type { ReleaseRecord, RetrospectiveRecord } from '../content.ts';
import type { Deployment } from './deployments.ts';
import { instant, minutesBetween } from './deployments.ts';

export const HOTFIX_WINDOW_DAYS = 7;
const FAILED_OUTCOMES: ReadonlySet<string> = new Set(['incident', 'rolled-back']);

export type FailureCause =
  | { kind: 'rolled-back'; release: ReleaseRecord }
  | { kind: 'retrospective'; retro: RetrospectiveRecord }
  | { kind: 'hotfix'; hotfix: ReleaseRecord; afterMinutes: number };

export interface ChangeOutcome {
  deployment: Deployment;
  /** Empty when the change did not fail. */
  causes: FailureCause[];
}

/**
 * `retros`: the retrospectives that name the deployment's release; `service`: the
 * deployments of its service (the hotfixes are looked for there).
 */
export function changeOutcome(retros: readonly RetrospectiveRecord[], deployment: Deployment, service: readonly Deployment[], timezone: string): ChangeOutcome {
  const { release } = deployment;
  const causes: FailureCause[] = [];
  if (release.data.status === 'rolled-back') causes.push({ kind: 'rolled-back', release });
  for (const retro of retros) {
    if (!retro.data.outcome || !FAILED_OUTCOMES.has(retro.data.outcome)) continue;
    const detected = retro.data.incident?.detected;
    if (detected !== undefined && deployment.start > instant(detected, timezone)) continue;
    causes.push({ kind: 'retrospective', retro });
  }
  const after = deployment.end ?? deployment.start;
  const limit = after.toMillis() + HOTFIX_WINDOW_DAYS * 24 * 3_600_000;
  for (const other of service) {
    if (other === deployment || other.service !== deployment.service || other.release.data.type !== 'hotfix') continue;
    if (other.start <= deployment.start || other.start.toMillis() > limit) continue;
    causes.push({ kind: 'hotfix', hotfix: other.release, afterMinutes: Math.max(0, minutesBetween(after, other.start)) });
  }
  return { deployment, causes };
}

export function failed(outcome: ChangeOutcome): boolean {
  return outcome.causes.length > 0;
}
