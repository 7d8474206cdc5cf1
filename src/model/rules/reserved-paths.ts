/**
 * Record pages whose address a portal page already takes: a retrospective at
 * `retrospectives/actions.md` would be published at `/retrospectives/actions/`, which is the
 * action items board. It is an error (with the fix) instead of a page that silently vanishes.
 */
import { recordPath } from '../queries/paths.ts';
import type { RuleContext } from './context.ts';

/** Portal pages inside the record folders (`/retrospectives/actions/`: src/pages/retrospectives/actions.astro). */
export const RESERVED_PAGES: ReadonlyMap<string, string> = new Map([['/retrospectives/actions/', 'the action items board']]);

export function checkReservedPaths(ctx: RuleContext): void {
  for (const retro of ctx.content.retrospectives) {
    const taken = RESERVED_PAGES.get(recordPath(retro));
    if (taken) ctx.report(retro, [], `this file's page ${recordPath(retro)} is ${taken}`, 'rename the file or move it into a folder (e.g. retrospectives/2026/actions.md)');
  }
}
