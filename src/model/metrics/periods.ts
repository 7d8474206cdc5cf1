/**
 * The periods delivery metrics are counted in: calendar months and quarters in the site's
 * time zone, and the whole span of a scope. A period that contains "now" is counted up to
 * now (its elapsed days), so this month's frequency is not diluted by days still to come.
 */
import type { DateTime } from 'luxon';

export type PeriodKind = 'month' | 'quarter' | 'span';

export interface Period {
  kind: PeriodKind;
  /** `2026-03`, `2026-Q1`, or `span`. */
  key: string;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter; 0 for the span. */
  index: number;
  /** First instant, in the site's zone. */
  start: DateTime;
  /** First instant after the period (exclusive). */
  end: DateTime;
  /** Days counted for rates: the whole period, or up to "now" when now falls inside it (at least 1). */
  days: number;
  /** Calendar months the period touches up to "now" (at least 1). */
  months: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function monthKey(at: DateTime): string {
  return `${at.year}-${pad(at.month)}`;
}

export function quarterKey(at: DateTime): string {
  return `${at.year}-Q${at.quarter}`;
}

const DAY_MS = 86_400_000;

function measured(kind: PeriodKind, key: string, year: number, index: number, start: DateTime, end: DateTime, now: DateTime): Period {
  const until = now > start && now < end ? now : end;
  // Plain arithmetic (Luxon's diff costs ~0.1 ms a call, and pages ask for thousands of periods).
  const days = Math.max(1, (until.toMillis() - start.toMillis()) / DAY_MS);
  const last = until.minus({ milliseconds: 1 });
  const months = Math.max(1, (last.year - start.year) * 12 + (last.month - start.month) + 1);
  return { kind, key, year, index, start, end, days, months };
}

export function monthOf(at: DateTime, now: DateTime): Period {
  const start = at.startOf('month');
  return measured('month', monthKey(start), start.year, start.month, start, start.plus({ months: 1 }), now);
}

export function quarterOf(at: DateTime, now: DateTime): Period {
  const start = at.startOf('quarter');
  return measured('quarter', quarterKey(start), start.year, start.quarter, start, start.plus({ months: 3 }), now);
}

/**
 * Every month (or quarter) from the one holding `first` to the one holding `last`, newest
 * first. `first` and `last` are in the site's zone.
 */
export function periodsBetween(kind: 'month' | 'quarter', first: DateTime, last: DateTime, now: DateTime): Period[] {
  const of = kind === 'month' ? monthOf : quarterOf;
  const out: Period[] = [];
  const stop = of(last, now).start;
  for (let p = of(first, now); p.start <= stop; p = of(p.end, now)) out.push(p);
  return out.reverse();
}

/** From the first day of the month of `first` to the end of the month of `last`, measured up to "now". */
export function spanOf(first: DateTime, last: DateTime, now: DateTime): Period {
  const start = first.startOf('month');
  const end = last.startOf('month').plus({ months: 1 });
  return measured('span', 'span', start.year, 0, start, end, now);
}

export function contains(period: Period, at: DateTime): boolean {
  return at >= period.start && at < period.end;
}
