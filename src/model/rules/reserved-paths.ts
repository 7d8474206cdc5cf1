/**
 * Record pages whose address a portal page already takes: a retrospective at
 * `retrospectives/actions.md` would be published at `/retrospectives/actions/`, which is the
 * action items board, and a test report at `test-reports/page/2.md` at `/test-reports/page/2/`,
 * which is page 2 of the test report list. It is an error (with the fix) instead of a page
 * that silently vanishes (or, for the report, a build that fails in its verifier).
 */
import { REPORT_LIST_LATER, recordPath } from '../queries/paths.ts';
import type { RuleContext } from './context.ts';

/** Portal pages inside the record folders (`/retrospectives/actions/`: src/pages/retrospectives/actions.astro). */
export const RESERVED_PAGES: ReadonlyMap<string, string> = new Map([['/retrospectives/actions/', 'the action items board']]);

/** n when `path` is `/test-reports/page/<n>/`, any number, so a list that grows never takes a report's page. */
function reportListPage(path: string): string | undefined {
  return path.startsWith(REPORT_LIST_LATER) ? /^(\d+)\/$/.exec(path.slice(REPORT_LIST_LATER.length))?.[1] : undefined;
}

export function checkReservedPaths(ctx: RuleContext): void {
  for (const retro of ctx.content.retrospectives) {
    const taken = RESERVED_PAGES.get(recordPath(retro));
    if (taken) ctx.report(retro, [], `this file's page ${recordPath(retro)} is ${taken}`, 'rename the file or move it into a folder (e.g. retrospectives/2026/actions.md)');
  }
  for (const report of ctx.content.testReports) {
    const page = reportListPage(recordPath(report));
    if (page) ctx.report(report, [], `this file's page ${recordPath(report)} is page ${page} of the test report list`, 'rename its folder (e.g. test-reports/pages/2.md)');
  }
}
