/** Ends are not before their starts (windows, actual, incidents, test runs). */
import { endsBeforeStart } from '../time.ts';
import type { RuleContext } from './context.ts';

export function checkDateOrder(ctx: RuleContext): void {
  const tz = ctx.timezone;
  for (const release of ctx.content.releases) {
    const { window, actual } = release.data;
    if (window && endsBeforeStart(window.start, window.end, tz)) {
      ctx.report(release, ['window', 'end'], `${window.end} is before window.start ${window.start}`);
    }
    if (actual?.end && endsBeforeStart(actual.start, actual.end, tz)) {
      ctx.report(release, ['actual', 'end'], `${actual.end} is before actual.start ${actual.start}`);
    }
  }
  for (const report of ctx.content.testReports) {
    const { start, end } = report.data;
    if (start && end && endsBeforeStart(start, end, tz)) ctx.report(report, ['end'], `${end} is before start ${start}`);
  }
  for (const retro of ctx.content.retrospectives) {
    const incident = retro.data.incident;
    if (incident?.detected && incident.resolved && endsBeforeStart(incident.detected, incident.resolved, tz)) {
      ctx.report(retro, ['incident', 'resolved'], `${incident.resolved} is before incident.detected ${incident.detected}`);
    }
  }
}
