/** Questions about services: their version history, how often they were rolled back. */
import type { Content, ReleaseRecord, ServiceRecord } from '../content.ts';
import { pagePath } from './paths.ts';
import { compareVersions, releaseTime, releasesOfService } from './releases.ts';

export interface ServiceSummary {
  service: ServiceRecord;
  /** Every release of the service, newest version first. */
  history: ReleaseRecord[];
  rollbacks: number;
  /** The newest version that went out (released or rolled back), if any. */
  latest?: ReleaseRecord;
}

export function servicePath(id: string): string {
  return `/services/${encodeURIComponent(id)}/`;
}

/** Releases per page of a service's version history. */
export const SERVICE_RELEASES_PER_PAGE = 100;

/** Page `page` of a service's version history: its page, then `/services/<id>/2/`, … */
export function serviceHistoryPath(id: string, page: number): string {
  return pagePath(servicePath(id), page);
}

export function serviceName(content: Content, id: string): string {
  return content.services.get(id)?.data.name ?? id;
}

export function serviceSummary(content: Content, service: ServiceRecord, timezone: string): ServiceSummary {
  const history = releasesOfService(content, service.id).reverse();
  const wentOut = history.filter((r) => r.data.status === 'released' || r.data.status === 'rolled-back');
  // The latest to go out is the one that went out last (a hotfix of an older line counts).
  const latest = [...wentOut].sort((a, b) => (releaseTime(b, timezone) ?? 0) - (releaseTime(a, timezone) ?? 0) || compareVersions(b.data.version, a.data.version))[0];
  const summary: ServiceSummary = { service, history, rollbacks: history.filter((r) => r.data.status === 'rolled-back').length };
  if (latest) summary.latest = latest;
  return summary;
}

/** Every service, by display name. */
export function serviceSummaries(content: Content, timezone: string): ServiceSummary[] {
  return [...content.services.values()]
    .sort((a, b) => a.data.name.localeCompare(b.data.name) || a.id.localeCompare(b.id))
    .map((s) => serviceSummary(content, s, timezone));
}
