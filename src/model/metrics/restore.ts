/**
 * Time to restore: how long production was impaired before service was back.
 *
 * - Each incident of a retrospective with both `detected` and `resolved`: detected → resolved.
 *   It counts for every service whose release the retrospective names.
 * - Each rolled-back release that no such incident covers: go-live start (`actual.start`)
 *   → `rolledBack.at`. A rollback that a retrospective's incident times already describe
 *   counts once, as that incident (the incident times are the closer measure).
 *
 * An event is dated by its start (detection, or go-live start).
 */
import type { DateTime } from 'luxon';
import type { Content, ReleaseRecord, RetrospectiveRecord } from '../content.ts';
import { instant, minutesBetween as between } from './deployments.ts';
import { parseReleaseRef, type INCIDENT_SEVERITIES } from '../../schema/index.ts';

type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export type RestoreEvent =
  | {
      kind: 'incident';
      retro: RetrospectiveRecord;
      severity: IncidentSeverity;
      start: DateTime;
      end: DateTime;
      minutes: number;
      services: string[];
      releases: ReleaseRecord[];
    }
  | {
      kind: 'rollback';
      release: ReleaseRecord;
      start: DateTime;
      end: DateTime;
      minutes: number;
      services: string[];
      releases: ReleaseRecord[];
    };

const minutesBetween = (a: DateTime, b: DateTime) => Math.max(0, between(a, b));

/** Every restore event of the content, oldest first. */
export function restoreEvents(content: Content, timezone: string): RestoreEvent[] {
  const events: RestoreEvent[] = [];
  const covered = new Set<string>();
  for (const retro of content.retrospectives) {
    const incident = retro.data.incident;
    if (!incident?.detected || !incident.resolved) continue;
    const releases = retro.data.releases.map((ref) => content.releaseByRef.get(ref)).filter((r): r is ReleaseRecord => r !== undefined);
    const services = [...new Set(retro.data.releases.map((ref) => parseReleaseRef(ref)?.service).filter((s): s is string => s !== undefined))];
    const start = instant(incident.detected, timezone);
    const end = instant(incident.resolved, timezone);
    for (const ref of retro.data.releases) covered.add(ref);
    events.push({ kind: 'incident', retro, severity: incident.severity, start, end, minutes: minutesBetween(start, end), services, releases });
  }
  for (const release of content.releaseByRef.values()) {
    if (release.data.status !== 'rolled-back' || !release.data.actual || !release.data.rolledBack || covered.has(release.ref)) continue;
    const start = instant(release.data.actual.start, timezone);
    const end = instant(release.data.rolledBack.at, timezone);
    events.push({ kind: 'rollback', release, start, end, minutes: minutesBetween(start, end), services: [release.data.service], releases: [release] });
  }
  return events.sort((a, b) => a.start.toMillis() - b.start.toMillis());
}
