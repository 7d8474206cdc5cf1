/**
 * The release calendar of one month as a Mermaid gantt: a section per service, a bar per
 * release window (the planned window, else what actually happened) over the days it
 * touches, dates and times in `site.timezone`. Cancelled releases and releases with no
 * window are left out. Bars are marked done (released), crit (rolled back) or active
 * (deploying); the bar text names the version, the time and the status, so colour is
 * never the only signal.
 */
import type { DateTime } from 'luxon';
import type { Release } from '../../schema/index.ts';
import { toZonedDateTime } from '../time.ts';
import { clip, esc, escLineStart, textWidth } from './escape.ts';
import { labels, type DiagramLocale } from './labels.ts';

export type CalendarRelease = Pick<Release, 'service' | 'version' | 'status' | 'window' | 'actual'>;

export interface CalendarOptions {
  locale?: DiagramLocale;
  /** Service id -> name for the section titles; the id is shown when missing. */
  serviceNames?: Readonly<Record<string, string>>;
}

export interface GanttEntry {
  release: CalendarRelease;
  service: string;
  start: DateTime;
  end: DateTime;
}

/** Columns of a section (service) name; longer names are clipped. */
const SECTION_WIDTH = 24;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const TAGS: Partial<Record<Release['status'], string>> = { released: 'done', 'rolled-back': 'crit', deploying: 'active' };

function monthBounds(month: string, timezone: string): { first: DateTime; next: DateTime } {
  if (!MONTH.test(month)) throw new Error(`calendarGantt: month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const first = toZonedDateTime(`${month}-01`, timezone);
  return { first, next: first.plus({ months: 1 }) };
}

/** The releases whose window touches `month` (YYYY-MM in `timezone`), by service name then start. */
export function calendarEntries(
  releases: readonly CalendarRelease[],
  month: string,
  timezone: string,
  options: CalendarOptions = {},
): GanttEntry[] {
  const { first, next } = monthBounds(month, timezone);
  const entries: GanttEntry[] = [];
  for (const release of releases) {
    if (release.status === 'cancelled') continue;
    const span = release.window ?? release.actual;
    if (!span) continue;
    const start = toZonedDateTime(span.start, timezone);
    const end = span.end === undefined ? start : toZonedDateTime(span.end, timezone);
    if (!start.isValid || !end.isValid || end < first || start >= next) continue;
    entries.push({ release, service: options.serviceNames?.[release.service] ?? release.service, start, end });
  }
  return entries.sort(
    (a, b) => a.service.localeCompare(b.service) || a.start.toMillis() - b.start.toMillis() || a.release.version.localeCompare(b.release.version),
  );
}

function timeText(e: GanttEntry): string {
  const sameDay = e.start.hasSame(e.end, 'day');
  return sameDay ? `${e.start.toFormat('HH:mm')}–${e.end.toFormat('HH:mm')}` : `${e.start.toFormat('MM-dd HH:mm')}–${e.end.toFormat('MM-dd HH:mm')}`;
}

/** Mermaid source of the month's release calendar. */
export function calendarGantt(
  releases: readonly CalendarRelease[],
  month: string,
  timezone: string,
  options: CalendarOptions = {},
): string {
  const locale = options.locale ?? 'zh-CN';
  const l = labels(locale);
  const { first, next } = monthBounds(month, timezone);
  const lastDay = next.minus({ days: 1 }).startOf('day');
  const entries = calendarEntries(releases, month, timezone, options);
  const widest = Math.max(0, ...entries.map((e) => textWidth(clip(e.service, SECTION_WIDTH))));
  const out = [
    '---',
    // Compact: a service's releases share one row unless their windows overlap.
    'displayMode: compact',
    'config:',
    '  gantt:',
    // Room for the section (service) names left of the bars.
    `    leftPadding: ${Math.min(200, Math.max(75, widest * 6 + 24))}`,
    '---',
    'gantt',
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %d',
    '  tickInterval 1day',
    '  todayMarker off',
  ];
  if (entries.length === 0) out.push(`  title ${esc(l.noReleases)}`);
  // Markers on the month's first day and the next month's first day: the axis spans the whole month.
  out.push(`  ${escLineStart(month)} :vert, m1, ${first.toFormat('yyyy-MM-dd')}, 0d`);
  out.push(`  ${escLineStart(next.toFormat('yyyy-MM'))} :vert, m2, ${next.toFormat('yyyy-MM-dd')}, 0d`);
  let section: string | undefined;
  entries.forEach((e, i) => {
    if (e.service !== section) {
      section = e.service;
      out.push(`  section ${esc(clip(e.service, SECTION_WIDTH))}`);
    }
    const from = e.start < first ? first : e.start.startOf('day');
    const to = e.end.startOf('day') > lastDay ? lastDay : e.end.startOf('day');
    const days = Math.max(1, Math.round(to.diff(from, 'days').days) + 1);
    const text = [clip(e.release.version, 24), timeText(e), l.status[e.release.status]].join(' · ');
    const tag = TAGS[e.release.status];
    out.push(`    ${escLineStart(text)} :${tag ? `${tag}, ` : ''}t${i + 1}, ${from.toFormat('yyyy-MM-dd')}, ${days}d`);
  });
  return `${out.join('\n')}\n`;
}

/** The text alternative: one entry per release window, grouped by service. */
export function calendarOutline(
  releases: readonly CalendarRelease[],
  month: string,
  timezone: string,
  options: CalendarOptions = {},
): string[] {
  const l = labels(options.locale ?? 'zh-CN');
  const entries = calendarEntries(releases, month, timezone, options);
  if (entries.length === 0) return [l.noReleases];
  return entries.map((e) => `${e.service} ${e.release.version} · ${e.start.toFormat('yyyy-MM-dd')} ${timeText(e)} · ${l.status[e.release.status]}`);
}
