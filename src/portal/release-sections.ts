/** The sections a release page shows, in page order, for its "on this page" links. */
import type { MessageKey } from '../i18n/index.ts';
import type { ReleaseRecord } from '../model/content.ts';

export interface PageSection {
  id: string;
  label: MessageKey;
}

export interface ReleaseExtras {
  /** Whether the gate checklist component is on the page (its section id is `gate-checklist`). */
  gate: boolean;
  body: boolean;
  testReports: number;
  retrospectives: number;
  /** Open action items carried over from retrospectives of earlier releases (section id `carry-over`). */
  carryOver: number;
}

export function releaseSections(release: ReleaseRecord, extras: ReleaseExtras): PageSection[] {
  const r = release.data;
  const sections: [boolean, string, MessageKey][] = [
    [r.changes.length > 0, 'changes', 'release.changes'],
    [r.knownIssues.length > 0, 'known-issues', 'release.knownIssues'],
    [extras.carryOver > 0, 'carry-over', 'carryOver.title'],
    [r.plan !== undefined, 'plan', 'release.plan'],
    [extras.testReports > 0, 'tests', 'releaseTests.title'],
    [extras.gate, 'gate-checklist', 'release.checklist'],
    [r.approvals.length > 0, 'approvals', 'release.approvals'],
    [r.verification !== undefined, 'verification', 'release.verification'],
    [r.rolledBack !== undefined, 'rolled-back', 'release.rolledBack'],
    [r.monitoring !== undefined && (r.monitoring.dashboards.length > 0 || r.monitoring.alerts.length > 0), 'monitoring', 'release.monitoring'],
    [r.links.length > 0, 'links', 'release.links'],
    [extras.body, 'body', 'release.body'],
    [extras.testReports > 0, 'test-reports', 'release.testReports'],
    [extras.retrospectives > 0, 'retrospectives', 'release.retrospectives'],
  ];
  return sections.filter(([shown]) => shown).map(([, id, label]) => ({ id, label }));
}
