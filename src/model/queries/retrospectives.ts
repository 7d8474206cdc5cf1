/**
 * Questions about retrospectives: the archive by year and quarter and its filters, incident
 * duration, open action items (the board across retrospectives, overdue relative to "now"),
 * and the items a release carries over from retrospectives of earlier releases.
 */
import type { DateTime } from 'luxon';
import type { Content, ReleaseRecord, RetrospectiveRecord } from '../content.ts';
import { isDateOnly, toDateTime, toMillis, toZonedDateTime } from '../time.ts';
import { OUTCOMES, parseReleaseRef, type Retrospective } from '../../schema/index.ts';
import { compareVersions, releaseTime } from './releases.ts';

type Outcome = (typeof OUTCOMES)[number];

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

/** The calendar quarter (in `timezone`) a retrospective was held in. */
export function retrospectiveQuarter(retro: RetrospectiveRecord, timezone: string): { year: number; quarter: number } {
  const at = toDateTime(retro.data.date, timezone).setZone(timezone);
  return { year: at.year, quarter: at.quarter };
}

export interface RetroYear {
  year: number;
  /** Newest quarter first, only quarters that have a retrospective. */
  quarters: { quarter: number; items: RetrospectiveRecord[] }[];
}

/** The archive: years newest first, each with its quarters newest first, each with its retrospectives newest first. */
export function retrospectivesByQuarter(list: readonly RetrospectiveRecord[], timezone: string): RetroYear[] {
  return retrospectivesByYear(list, timezone).map(({ year, items }) => {
    const quarters = new Map<number, RetrospectiveRecord[]>();
    for (const retro of items) {
      const { quarter } = retrospectiveQuarter(retro, timezone);
      quarters.set(quarter, [...(quarters.get(quarter) ?? []), retro]);
    }
    return { year, quarters: [...quarters.entries()].sort((a, b) => b[0] - a[0]).map(([quarter, q]) => ({ quarter, items: q })) };
  });
}

/** Service ids of the releases a retrospective names, each once, in the order named. */
export function retrospectiveServices(retro: RetrospectiveRecord): string[] {
  return [...new Set(retro.data.releases.map((ref) => parseReleaseRef(ref)?.service).filter((s): s is string => s !== undefined))];
}

export interface RetroFacets {
  /** Outcomes some retrospective has, in the schema's order. */
  outcomes: Outcome[];
  services: { id: string; name: string }[];
  /** Tags in locale order. */
  tags: string[];
}

/** The values the archive can be filtered by: only values some retrospective has. */
export function retrospectiveFacets(content: Content, list: readonly RetrospectiveRecord[]): RetroFacets {
  const outcomes = new Set(list.map((r) => r.data.outcome).filter((o): o is Outcome => o !== undefined));
  const services = new Set(list.flatMap(retrospectiveServices));
  const tags = new Set(list.flatMap((r) => r.data.tags));
  return {
    outcomes: OUTCOMES.filter((o) => outcomes.has(o)),
    services: [...services]
      .map((id) => ({ id, name: content.services.get(id)?.data.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
  };
}

// ---------------------------------------------------------------------------------------
// Action items across retrospectives: the board of open items, and carry-over to releases.

export type ActionItem = Retrospective['actions'][number];

export interface OpenAction {
  action: ActionItem;
  /** Position in the retrospective's `actions` list. */
  index: number;
  retro: RetrospectiveRecord;
  /** The moment the item is late after: its due date-time, or the end of its due day. */
  dueBy: DateTime | undefined;
  overdue: boolean;
  /** Calendar days (in the site's zone) from the due day to today; 0 when due earlier today; undefined when not overdue. */
  daysOverdue: number | undefined;
}

/** An open action item relative to `now`: overdue once its due day (or due time) has passed. */
export function openAction(retro: RetrospectiveRecord, index: number, now: DateTime, timezone: string): OpenAction {
  const action = retro.data.actions[index]!;
  const dueBy = action.due === undefined ? undefined : isDateOnly(action.due) ? toDateTime(action.due, timezone).endOf('day') : toDateTime(action.due, timezone);
  const overdue = dueBy !== undefined && dueBy < now;
  const day = (d: DateTime) => d.setZone(timezone).startOf('day').toMillis();
  const daysOverdue = overdue ? Math.round((day(now) - day(dueBy)) / 86_400_000) : undefined;
  return { action, index, retro, dueBy, overdue, daysOverdue };
}

/** Every open item of the given retrospectives. */
export function openActionsOf(retros: Iterable<RetrospectiveRecord>, now: DateTime, timezone: string): OpenAction[] {
  const out: OpenAction[] = [];
  for (const retro of retros) {
    retro.data.actions.forEach((a, i) => {
      if (a.status === 'open') out.push(openAction(retro, i, now, timezone));
    });
  }
  return out;
}

/** Overdue first (the longest overdue first), then by due date, items without one last; ties by title. */
export function byUrgency(a: OpenAction, b: OpenAction): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.dueBy?.toMillis() ?? Infinity;
  const db = b.dueBy?.toMillis() ?? Infinity;
  return (da === db ? 0 : da < db ? -1 : 1) || a.action.title.localeCompare(b.action.title) || a.retro.file.localeCompare(b.retro.file) || a.index - b.index;
}

export interface OwnerGroup {
  /** The owner as written; undefined for items nobody owns. */
  owner: string | undefined;
  items: OpenAction[];
  overdue: number;
}

/**
 * The action items board: every open item of every retrospective, grouped by owner. Within a
 * group overdue items come first (longest overdue first), then by due date. Groups with
 * overdue items come first (most overdue items first, then the longest overdue), then the
 * others by their nearest due date; items without an owner come last.
 */
export function actionBoard(content: Content, now: DateTime, timezone: string): OwnerGroup[] {
  const groups = new Map<string | undefined, OpenAction[]>();
  for (const item of openActionsOf(content.retrospectives, now, timezone)) {
    const owner = item.action.owner?.trim() || undefined;
    groups.set(owner, [...(groups.get(owner) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([owner, items]) => {
      const sorted = items.sort(byUrgency);
      return { owner, items: sorted, overdue: sorted.filter((i) => i.overdue).length };
    })
    .sort((a, b) => {
      if ((a.owner === undefined) !== (b.owner === undefined)) return a.owner === undefined ? 1 : -1;
      return b.overdue - a.overdue || byUrgency(a.items[0]!, b.items[0]!) || (a.owner ?? '').localeCompare(b.owner ?? '');
    });
}

/** A release's place in time: its go-live (actual start, else the planned window), or none yet. */
type When = (release: ReleaseRecord) => number | undefined;

function earlierBy(when: When) {
  return (a: ReleaseRecord, b: ReleaseRecord): boolean => {
    const ta = when(a);
    const tb = when(b);
    if (ta !== undefined && tb !== undefined && ta !== tb) return ta < tb;
    return compareVersions(a.data.version, b.data.version) < 0;
  };
}

/**
 * Whether release `a` comes before release `b` of the same service: by go-live time (actual
 * start, else the planned window), and by version where either has no time yet.
 */
export function isEarlierRelease(a: ReleaseRecord, b: ReleaseRecord, timezone: string): boolean {
  return earlierBy((r) => releaseTime(r, timezone))(a, b);
}

export interface CarriedAction extends OpenAction {
  /** The earlier releases of the service the retrospective names. */
  from: ReleaseRecord[];
}

/**
 * Carry-over of every release, by ref: the open action items of retrospectives that name an
 * earlier release of the same service (and do not name this release: those are its own),
 * most urgent first. One pass for the whole content: each date is read once.
 */
export function carryOverIndex(content: Content, now: DateTime, timezone: string): Map<string, CarriedAction[]> {
  const times = new Map<ReleaseRecord, number | undefined>();
  const when: When = (r) => {
    if (!times.has(r)) times.set(r, releaseTime(r, timezone));
    return times.get(r);
  };
  const earlier = earlierBy(when);
  // Per service: each retrospective with open items, and the releases of that service it names.
  const byService = new Map<string, { retro: RetrospectiveRecord; items: OpenAction[]; releases: ReleaseRecord[] }[]>();
  for (const retro of content.retrospectives) {
    const items = openActionsOf([retro], now, timezone);
    if (items.length === 0) continue;
    const named = retro.data.releases.map((ref) => content.releaseByRef.get(ref)).filter((r): r is ReleaseRecord => r !== undefined);
    for (const service of new Set(named.map((r) => r.data.service))) {
      const entry = { retro, items, releases: named.filter((r) => r.data.service === service) };
      byService.set(service, [...(byService.get(service) ?? []), entry]);
    }
  }
  const index = new Map<string, CarriedAction[]>();
  for (const release of content.releaseByRef.values()) {
    const carried: CarriedAction[] = [];
    for (const { retro, items, releases } of byService.get(release.data.service) ?? []) {
      if (retro.data.releases.includes(release.ref)) continue;
      const from = releases.filter((r) => earlier(r, release));
      if (from.length > 0) carried.push(...items.map((item) => ({ ...item, from })));
    }
    if (carried.length > 0) index.set(release.ref, carried.sort(byUrgency));
  }
  return index;
}

/** Carry-over of one release (see carryOverIndex; pages use the index, built once per build). */
export function carryOverActions(content: Content, release: ReleaseRecord, now: DateTime, timezone: string): CarriedAction[] {
  return carryOverIndex(content, now, timezone).get(release.ref) ?? [];
}
