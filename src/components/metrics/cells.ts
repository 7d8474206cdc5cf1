/**
 * What the metrics tables show for one period: each metric as a value, a line under it, its
 * DORA band, and the records behind it (each a link with a note saying what it contributed).
 * Formatting only; every number comes from src/model/metrics.
 */
import type { PageContext } from '../../portal/page-context.ts';
import type { Tone } from '../../portal/tones.ts';
import type { ReleaseRecord } from '../../model/content.ts';
import type { Band, ChangeOutcome, Deployment, FailureCause, PeriodMetrics, Period } from '../../model/metrics/index.ts';
import { formatDay, formatMinutes, formatMonth, formatNumber, type MessageKey } from '../../i18n/index.ts';
import { recordPath } from '../../model/queries/paths.ts';
import { releasePath } from '../../model/queries/releases.ts';

export const METRIC_KEYS = ['deployments', 'leadTime', 'changeFailure', 'restore', 'window', 'downtime'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Column headings of the metrics tables (each links to the metric's definition). */
export const COLUMNS = {
  deployments: 'metrics.col.deployments',
  leadTime: 'metrics.col.leadTime',
  changeFailure: 'metrics.col.changeFailure',
  restore: 'metrics.col.restore',
  window: 'metrics.col.window',
  downtime: 'metrics.col.downtime',
} as const satisfies Record<MetricKey, MessageKey>;

export const BAND_TONE: Record<Band, Tone> = { elite: 'ok', high: 'accent', medium: 'warn', low: 'bad' };

export interface Link {
  href: string;
  label: string;
}

export interface CellItem extends Link {
  note: string;
  /** Other records the note names (the retrospective or hotfix behind a failure, the releases of an incident). */
  also: Link[];
}

export interface Cell {
  /** The number, or "no data". */
  value: string;
  empty: boolean;
  /** A second line: rate per week, p90, "1 of 4" … */
  detail: string | undefined;
  band: Band | undefined;
  /** The records behind the number, at most RECORDS_SHOWN. */
  items: CellItem[];
  /** Records behind the number beyond those listed (they are in the rows of the months). */
  more: number;
}

/**
 * Records listed under one number. A whole span of a large portal has thousands; beyond
 * this the cell says how many more, and the months list them (a page stays a few hundred KB).
 */
export const RECORDS_SHOWN = 60;

/** Minutes, shortened for a table: whole hours from a day up. */
export function duration(minutes: number, ctx: PageContext): string {
  const rounded = minutes >= 1440 ? Math.round(minutes / 60) * 60 : Math.round(minutes);
  return formatMinutes(rounded, ctx.locale);
}

export function percent(rate: number, ctx: PageContext): string {
  return formatNumber(rate, ctx.locale, { style: 'percent', maximumFractionDigits: 1 });
}

/** One decimal; two below 1, so a rare cadence (0.02 per week) does not read as 0. */
function decimal(n: number, ctx: PageContext): string {
  return formatNumber(n, ctx.locale, { maximumFractionDigits: n > 0 && n < 1 ? 2 : 1 });
}

export function periodLabel(period: Period, ctx: PageContext): string {
  if (period.kind === 'month') return formatMonth(period.year, period.index, ctx.locale);
  if (period.kind === 'quarter') return ctx.t('home.quarter', { year: period.year, q: period.index });
  const last = period.end.minus({ days: 1 });
  return `${ctx.t('metrics.span')} (${ctx.t('metrics.spanRange', { from: formatMonth(period.start.year, period.start.month, ctx.locale), to: formatMonth(last.year, last.month, ctx.locale) })})`;
}

function releaseLink(release: ReleaseRecord, ctx: PageContext): Link {
  const name = ctx.content.services.get(release.data.service)?.data.name ?? release.data.service;
  return { href: releasePath(release.data.service, release.data.version), label: `${name} ${release.data.version}` };
}

const item = (link: Link, note: string, also: Link[] = []): CellItem => ({ ...link, note, also });

function goLive(d: Deployment, ctx: PageContext): string {
  return formatDay(d.release.data.actual!.start, ctx.timezone, ctx.locale);
}

function causeText(cause: FailureCause, ctx: PageContext): string {
  if (cause.kind === 'rolled-back') return ctx.t('metrics.cause.rolled-back');
  if (cause.kind === 'retrospective') return ctx.t('metrics.cause.retrospective', { outcome: ctx.t(`outcome.${cause.retro.data.outcome!}`) });
  return ctx.t('metrics.cause.hotfix', { version: cause.hotfix.data.version, after: duration(cause.afterMinutes, ctx) });
}

function causeLinks(outcome: ChangeOutcome, ctx: PageContext): Link[] {
  return outcome.causes.flatMap((c): Link[] => {
    if (c.kind === 'retrospective') return [{ href: recordPath(c.retro), label: c.retro.data.title }];
    if (c.kind === 'hotfix') return [releaseLink(c.hotfix, ctx)];
    return [];
  });
}

const cell = (value: string | undefined, detail: string | undefined, band: Band | undefined, items: CellItem[], ctx: PageContext): Cell => ({
  value: value ?? ctx.t('metrics.noData'),
  empty: value === undefined,
  detail,
  band,
  items: items.slice(0, RECORDS_SHOWN),
  more: Math.max(0, items.length - RECORDS_SHOWN),
});

export function metricCells(m: PeriodMetrics, ctx: PageContext): Record<MetricKey, Cell> {
  const { t } = ctx;
  const dep = m.deployments;
  const lead = m.leadTime;
  const cfr = m.changeFailure;
  const restore = m.restore;
  const win = m.window;
  const down = m.downtime;
  const failedSet = new Set(cfr.failed.map((o) => o.deployment));

  return {
    deployments: cell(
      String(dep.count),
      t('metrics.perWeek', { n: decimal(dep.perWeek, ctx) }),
      dep.band,
      dep.deployments.map((d) => item(releaseLink(d.release, ctx), `${goLive(d, ctx)} · ${t(`status.${d.release.data.status}`)}`)),
      ctx,
    ),
    leadTime: cell(
      lead.median === undefined ? undefined : duration(lead.median, ctx),
      lead.p90 === undefined ? undefined : `${t('metrics.p90', { value: duration(lead.p90, ctx) })} · ${t('metrics.measuredOf', { part: lead.measured.length, whole: lead.measured.length + lead.unmeasured.length })}`,
      lead.band,
      [
        ...lead.measured.map((l) =>
          item(releaseLink(l.deployment.release, ctx), t('metrics.lead.measured', { value: duration(l.minutes!, ctx) }), [{ href: recordPath(l.firstReport!), label: l.firstReport!.data.title }]),
        ),
        ...lead.unmeasured.map((l) => item(releaseLink(l.deployment.release, ctx), t(`metrics.lead.${l.gap!}`))),
      ],
      ctx,
    ),
    changeFailure: cell(
      cfr.rate === undefined ? undefined : percent(cfr.rate, ctx),
      cfr.rate === undefined ? undefined : t('metrics.ofN', { part: cfr.failed.length, whole: cfr.total }),
      cfr.band,
      [
        ...cfr.failed.map((o) => item(releaseLink(o.deployment.release, ctx), o.causes.map((c) => causeText(c, ctx)).join(' · '), causeLinks(o, ctx))),
        ...dep.deployments.filter((d) => !failedSet.has(d)).map((d) => item(releaseLink(d.release, ctx), t('metrics.cause.none'))),
      ],
      ctx,
    ),
    restore: cell(
      restore.median === undefined ? undefined : duration(restore.median, ctx),
      restore.longest === undefined ? undefined : `${t('metrics.events', { n: restore.events.length })} · ${t('metrics.longest', { value: duration(restore.longest, ctx) })}`,
      restore.band,
      restore.events.map((e) =>
        e.kind === 'incident'
          ? item({ href: recordPath(e.retro), label: e.retro.data.title }, t('metrics.restore.incident', { severity: e.severity, value: duration(e.minutes, ctx) }), e.releases.map((r) => releaseLink(r, ctx)))
          : item(releaseLink(e.release, ctx), t('metrics.restore.rollback', { value: duration(e.minutes, ctx) })),
      ),
      ctx,
    ),
    window: cell(
      win.rate === undefined ? undefined : percent(win.rate, ctx),
      win.rate === undefined ? undefined : t('metrics.ofN', { part: win.kept.length, whole: win.kept.length + win.missed.length }),
      undefined,
      [...win.missed, ...win.kept, ...win.unmeasured].map((c) => {
        const note =
          c.kept === undefined
            ? t('metrics.window.unmeasured')
            : c.kept
              ? t('metrics.window.kept')
              : [c.early > 0 ? t('metrics.window.early', { value: duration(c.early, ctx) }) : '', c.overrun > 0 ? t('metrics.window.overrun', { value: duration(c.overrun, ctx) }) : '']
                  .filter(Boolean)
                  .join(' · ') || t('metrics.window.overrun', { value: duration(0, ctx) });
        return item(releaseLink(c.deployment.release, ctx), note);
      }),
      ctx,
    ),
    downtime: cell(
      down.total === undefined ? undefined : duration(down.total, ctx),
      down.total === undefined || down.unrecorded.length === 0 ? undefined : t('metrics.recordedOf', { part: down.recorded.length, whole: down.recorded.length + down.unrecorded.length }),
      undefined,
      [...down.recorded, ...down.unrecorded].map((d) =>
        item(releaseLink(d.deployment.release, ctx), d.minutes === undefined ? t('metrics.downtime.unrecorded') : duration(d.minutes, ctx)),
      ),
      ctx,
    ),
  };
}
