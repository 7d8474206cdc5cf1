/**
 * Status claims: in a process each status but `cancelled` is claimed by exactly one stage;
 * a release's status must be claimed by a stage of its process.
 */
import { RELEASE_STATUSES } from '../../schema/index.ts';
import type { RuleContext } from './context.ts';

export function checkStatusClaims(ctx: RuleContext): void {
  for (const process of ctx.content.processes.values()) {
    const claimedBy = new Map<string, string>();
    process.data.stages.forEach((stage, s) => {
      stage.statuses.forEach((status, k) => {
        if (status === 'cancelled') {
          ctx.report(process, ['stages', s, 'statuses', k], 'cancelled belongs to no stage', 'remove it: a cancelled release is in no stage');
          return;
        }
        const other = claimedBy.get(status);
        if (other) ctx.report(process, ['stages', s, 'statuses', k], `status ${status} is already claimed by stage ${other}`, 'each status is claimed by exactly one stage');
        else claimedBy.set(status, stage.id);
      });
    });
    const unclaimed = RELEASE_STATUSES.filter((s) => s !== 'cancelled' && !claimedBy.has(s));
    if (unclaimed.length > 0) {
      ctx.report(process, ['stages'], `no stage claims status ${unclaimed.join(', ')}`, 'list each status under the `statuses` of the stage a release is in then');
    }
  }
  for (const release of ctx.content.releases) {
    const process = ctx.content.processes.get(release.data.process);
    if (!process || release.data.status === 'cancelled') continue;
    if (!process.data.stages.some((stage) => stage.statuses.includes(release.data.status))) {
      ctx.report(release, ['status'], `no stage of process ${process.id} claims status ${release.data.status}`);
    }
  }
}
