/**
 * Delivery metrics computed from the records alone, per service and for all services, per
 * month, per quarter and over the whole span: deployment frequency, lead time, change
 * failure rate, time to restore, planned-window adherence and downtime. Every number keeps
 * the records behind it, so the page can list them; a period without data has `undefined`
 * values, never 0 % or NaN. Pure: "now" and the time zone are passed in.
 */
import type { DateTime } from 'luxon';
import type { Content } from '../content.ts';
import { changeFailureBand, deploymentBand, leadTimeBand, restoreBand, type Band } from './bands.ts';
import { changeOutcome, failed, type ChangeOutcome } from './change-failure.ts';
import { deployments, type Deployment } from './deployments.ts';
import { leadTimeOf, type LeadTime } from './lead-time.ts';
import { contains, periodsBetween, spanOf, type Period } from './periods.ts';
import { restoreEvents, type RestoreEvent } from './restore.ts';
import { median, percentile, ratio, sum } from './stats.ts';
import { downtimeOf, windowCheck, type Downtime, type WindowCheck } from './window.ts';

export interface DeploymentFrequency {
  count: number;
  /** Average deployments per week over the period's counted days. */
  perWeek: number;
  band: Band;
  deployments: Deployment[];
}

export interface LeadTimeSummary {
  /** Minutes; undefined when no deployment of the period could be measured. */
  median: number | undefined;
  p90: number | undefined;
  band: Band | undefined;
  measured: LeadTime[];
  unmeasured: LeadTime[];
}

export interface ChangeFailureSummary {
  /** failed / deployments; undefined without deployments. */
  rate: number | undefined;
  band: Band | undefined;
  failed: ChangeOutcome[];
  total: number;
}

export interface RestoreSummary {
  /** Minutes; undefined without restore events. */
  median: number | undefined;
  longest: number | undefined;
  band: Band | undefined;
  events: RestoreEvent[];
}

export interface WindowSummary {
  /** kept / (kept + missed); undefined when none could be judged. */
  rate: number | undefined;
  kept: WindowCheck[];
  missed: WindowCheck[];
  unmeasured: WindowCheck[];
}

export interface DowntimeSummary {
  /** Minutes summed over the deployments that record it; undefined when none does. */
  total: number | undefined;
  recorded: Downtime[];
  unrecorded: Downtime[];
}

export interface PeriodMetrics {
  period: Period;
  deployments: DeploymentFrequency;
  leadTime: LeadTimeSummary;
  changeFailure: ChangeFailureSummary;
  restore: RestoreSummary;
  window: WindowSummary;
  downtime: DowntimeSummary;
}

export interface ScopeMetrics {
  /** A service id, or undefined for all services. */
  service: string | undefined;
  /** The whole span from the scope's first deployment or restore event to now; undefined without any. */
  span: PeriodMetrics | undefined;
  /** Newest first. */
  months: PeriodMetrics[];
  quarters: PeriodMetrics[];
}

export interface DeliveryMetrics {
  now: DateTime;
  all: ScopeMetrics;
  /** Every service of the content (with releases or not), by name. */
  services: ScopeMetrics[];
}

/** What is known about one deployment, computed once. */
export interface DeploymentFacts {
  deployment: Deployment;
  leadTime: LeadTime;
  outcome: ChangeOutcome;
  window: WindowCheck;
  downtime: Downtime;
}

export function deploymentFacts(content: Content, timezone: string): DeploymentFacts[] {
  const all = deployments(content, timezone);
  // Indexes, so the facts cost one pass over each kind of record, not one per deployment.
  const reports = groupBy(content.testReports, (r) => [r.data.release]);
  const retros = groupBy(content.retrospectives, (r) => r.data.releases);
  const byService = groupBy(all, (d) => [d.service]);
  return all.map((deployment) => ({
    deployment,
    leadTime: leadTimeOf(reports.get(deployment.release.ref) ?? [], deployment, timezone),
    outcome: changeOutcome(retros.get(deployment.release.ref) ?? [], deployment, byService.get(deployment.service) ?? [], timezone),
    window: windowCheck(deployment, timezone),
    downtime: downtimeOf(deployment),
  }));
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

export function periodMetrics(period: Period, facts: readonly DeploymentFacts[], events: readonly RestoreEvent[]): PeriodMetrics {
  const inPeriod = facts.filter((f) => contains(period, f.deployment.start));
  const restores = events.filter((e) => contains(period, e.start));
  const count = inPeriod.length;

  const measured = inPeriod.map((f) => f.leadTime).filter((l) => l.minutes !== undefined);
  const leadMinutes = measured.map((l) => l.minutes!);
  const leadMedian = median(leadMinutes);

  const failedOutcomes = inPeriod.map((f) => f.outcome).filter(failed);
  const rate = ratio(failedOutcomes.length, count);

  const restoreMinutes = restores.map((e) => e.minutes);
  const restoreMedian = median(restoreMinutes);

  const checks = inPeriod.map((f) => f.window);
  const kept = checks.filter((c) => c.kept === true);
  const missed = checks.filter((c) => c.kept === false);

  const downtimes = inPeriod.map((f) => f.downtime);
  const recorded = downtimes.filter((d) => d.minutes !== undefined);

  return {
    period,
    deployments: { count, perWeek: (count / period.days) * 7, band: deploymentBand(count, period), deployments: inPeriod.map((f) => f.deployment) },
    leadTime: {
      median: leadMedian,
      p90: percentile(leadMinutes, 90),
      band: leadMedian === undefined ? undefined : leadTimeBand(leadMedian),
      measured,
      unmeasured: inPeriod.map((f) => f.leadTime).filter((l) => l.minutes === undefined),
    },
    changeFailure: { rate, band: rate === undefined ? undefined : changeFailureBand(rate), failed: failedOutcomes, total: count },
    restore: {
      median: restoreMedian,
      longest: restoreMinutes.length > 0 ? Math.max(...restoreMinutes) : undefined,
      band: restoreMedian === undefined ? undefined : restoreBand(restoreMedian),
      events: restores,
    },
    window: { rate: ratio(kept.length, kept.length + missed.length), kept, missed, unmeasured: checks.filter((c) => c.kept === undefined) },
    downtime: {
      total: recorded.length > 0 ? sum(recorded.map((d) => d.minutes!)) : undefined,
      recorded,
      unrecorded: downtimes.filter((d) => d.minutes === undefined),
    },
  };
}

/** The months and quarters of a whole content, made once and shared by every scope. */
export interface Calendar {
  months: Period[];
  quarters: Period[];
}

export function scopeMetrics(
  service: string | undefined,
  facts: readonly DeploymentFacts[],
  events: readonly RestoreEvent[],
  now: DateTime,
  calendar?: Calendar,
): ScopeMetrics {
  const mine = service === undefined ? facts : facts.filter((f) => f.deployment.service === service);
  const myEvents = service === undefined ? events : events.filter((e) => e.services.includes(service));
  const times = [...mine.map((f) => f.deployment.start), ...myEvents.map((e) => e.start)];
  if (times.length === 0) return { service, span: undefined, months: [], quarters: [] };
  const zone = now.zone;
  const first = times.reduce((a, b) => (b < a ? b : a)).setZone(zone);
  const last = [now, ...times].reduce((a, b) => (b > a ? b : a)).setZone(zone);
  const inRange = (p: Period) => p.end > first && p.start <= last;
  const at = (period: Period) => periodMetrics(period, mine, myEvents);
  return {
    service,
    span: at(spanOf(first, last, now)),
    months: (calendar?.months.filter(inRange) ?? periodsBetween('month', first, last, now)).map(at),
    quarters: (calendar?.quarters.filter(inRange) ?? periodsBetween('quarter', first, last, now)).map(at),
  };
}

/** The metrics of the whole content at `now` (in the site's time zone). */
export function deliveryMetrics(content: Content, now: DateTime, timezone: string): DeliveryMetrics {
  const local = now.setZone(timezone);
  const facts = deploymentFacts(content, timezone);
  const events = restoreEvents(content, timezone);
  const all = scopeMetrics(undefined, facts, events, local);
  const calendar = { months: all.months.map((m) => m.period), quarters: all.quarters.map((q) => q.period) };
  const services = [...content.services.values()]
    .sort((a, b) => a.data.name.localeCompare(b.data.name) || a.id.localeCompare(b.id))
    .map((s) => scopeMetrics(s.id, facts, events, local, calendar));
  return { now: local, all, services };
}

export type { Band } from './bands.ts';
export type { Deployment } from './deployments.ts';
export type { LeadTime } from './lead-time.ts';
export type { ChangeOutcome, FailureCause } from './change-failure.ts';
export type { RestoreEvent } from './restore.ts';
export type { WindowCheck, Downtime } from './window.ts';
export type { Period } from './periods.ts';
