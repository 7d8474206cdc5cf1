/** Questions about retrospectives: by year, newest first; incident duration; open actions. */
import type { RetrospectiveRecord } from '../content.ts';
import { toZonedDateTime, toMillis } from '../time.ts';

export function retrospectivesNewestFirst(list: readonly RetrospectiveRecord[], timezone: string): RetrospectiveRecord[] {
  return [...list].sort((a, b) => toMillis(b.data.date, timezone) - toMillis(a.data.date, timezone) || a.data.title.localeCompare(b.data.title));
}

/** Years, newest first, each with its retrospectives newest first. */
export function retrospectivesByYear(list: readonly RetrospectiveRecord[], timezone: string): { year: number; items: RetrospectiveRecord[] }[] {
  const years = new Map<number, RetrospectiveRecord[]>();
  for (const retro of retrospectivesNewestFirst(list, timezone)) {
    const year = toZonedDateTime(retro.data.date, timezone).year;
    years.set(year, [...(years.get(year) ?? []), retro]);
  }
  return [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, items]) => ({ year, items }));
}

/** Minutes from detected to resolved; undefined unless both are known. */
export function incidentMinutes(retro: RetrospectiveRecord, timezone: string): number | undefined {
  const incident = retro.data.incident;
  if (!incident?.detected || !incident.resolved) return undefined;
  return Math.max(0, Math.round((toMillis(incident.resolved, timezone) - toMillis(incident.detected, timezone)) / 60_000));
}

export function openActions(retro: RetrospectiveRecord): number {
  return retro.data.actions.filter((a) => a.status === 'open').length;
}
