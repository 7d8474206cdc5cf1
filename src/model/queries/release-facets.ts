/**
 * The values the release list can be filtered by (service, status, type, year), and each
 * release's own values, which the page writes as data attributes for its small filter script.
 */
import type { Content, ReleaseRecord } from '../content.ts';
import { RELEASE_STATUSES, RELEASE_TYPES, type ReleaseStatus, type ReleaseType } from '../../schema/index.ts';
import { releaseYear } from './releases.ts';

/** The year value of a release without a window. */
export const NO_YEAR = 'none';

export interface ReleaseFacetValues {
  service: string;
  status: ReleaseStatus;
  type: ReleaseType;
  /** `2026`, or NO_YEAR. */
  year: string;
}

export interface ReleaseFacets {
  services: { id: string; name: string }[];
  /** Only values some release has, in lifecycle order. */
  statuses: ReleaseStatus[];
  types: ReleaseType[];
  /** Newest first; NO_YEAR last when some release has no window. */
  years: string[];
}

export function facetValues(release: ReleaseRecord, timezone: string): ReleaseFacetValues {
  const year = releaseYear(release, timezone);
  return { service: release.data.service, status: release.data.status, type: release.data.type, year: year === undefined ? NO_YEAR : String(year) };
}

export function releaseFacets(content: Content, releases: readonly ReleaseRecord[], timezone: string): ReleaseFacets {
  const values = releases.map((r) => facetValues(r, timezone));
  const has = <T>(pick: (v: ReleaseFacetValues) => T) => new Set(values.map(pick));
  const services = has((v) => v.service);
  const statuses = has((v) => v.status);
  const types = has((v) => v.type);
  const years = [...has((v) => v.year)];
  return {
    services: [...services]
      .map((id) => ({ id, name: content.services.get(id)?.data.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    statuses: RELEASE_STATUSES.filter((s) => statuses.has(s)),
    types: RELEASE_TYPES.filter((t) => types.has(t)),
    years: [...years.filter((y) => y !== NO_YEAR).sort((a, b) => Number(b) - Number(a)), ...years.filter((y) => y === NO_YEAR)],
  };
}
