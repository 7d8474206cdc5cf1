/**
 * A `deferred` bug must also stand in its release's knownIssues with `ticket` equal to the
 * bug id — that is how a deferred bug stays visible (and how a deferred A/B still fails the gate).
 */
import type { RuleContext } from './context.ts';

export function checkDeferredBugs(ctx: RuleContext): void {
  for (const report of ctx.content.testReports) {
    const release = ctx.content.releaseByRef.get(report.data.release);
    if (!release) continue;
    const tickets = new Set(release.data.knownIssues.map((k) => k.ticket).filter(Boolean));
    report.data.bugs?.forEach((bug, i) => {
      if (bug.status === 'deferred' && !tickets.has(bug.id)) {
        ctx.report(report, ['bugs', i, 'status'], `deferred bug ${bug.id} is not in the knownIssues of ${release.ref}`, `add { title, severity: ${bug.severity}, ticket: ${bug.id} } to knownIssues in ${release.file}`);
      }
    });
  }
}
