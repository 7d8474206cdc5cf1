/**
 * DORA performance bands (elite, high, medium, low) for the metrics that have one. The
 * thresholds follow the clusters of DORA's Accelerate State of DevOps report 2023, made
 * contiguous so that every value falls in exactly one band (the report's clusters overlap
 * or leave gaps, e.g. its high and medium time to restore are both "less than one day").
 * The metrics page prints this table, so what a number is compared with is never hidden.
 */
import type { Period } from './periods.ts';

export const BANDS = ['elite', 'high', 'medium', 'low'] as const;
export type Band = (typeof BANDS)[number];

export type BandedMetric = 'deployments' | 'leadTime' | 'changeFailure' | 'restore';

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * The limits, as data for the page: minutes (lead time, restore; "less than"), a fraction
 * (change failure; "at most"), or days per deployment (frequency; "at least one every").
 */
export const THRESHOLDS = {
  /** At least one deployment every N days: elite 1 (daily), high 7 (weekly); medium is one per calendar month touched. */
  deployments: { elite: 1, high: 7 },
  /** Median lead time less than: one day, one week, 30 days. */
  leadTime: { elite: DAY, high: 7 * DAY, medium: 30 * DAY },
  /** Change failure rate at most: 5 %, 10 %, 15 %. */
  changeFailure: { elite: 0.05, high: 0.1, medium: 0.15 },
  /** Median time to restore less than: one hour, one day, one week. */
  restore: { elite: HOUR, high: DAY, medium: 7 * DAY },
} as const;

/**
 * Deployment frequency of `count` deployments in `period`: at least one per day elite, at
 * least one per week high, at least one per calendar month medium, else low.
 */
export function deploymentBand(count: number, period: Pick<Period, 'days' | 'months'>): Band {
  // Multiplied out, so a 28-day month with 4 deployments is exactly "one a week".
  if (count * THRESHOLDS.deployments.elite >= period.days) return 'elite';
  if (count * THRESHOLDS.deployments.high >= period.days) return 'high';
  if (count >= period.months) return 'medium';
  return 'low';
}

function below(minutes: number, limits: { elite: number; high: number; medium: number }): Band {
  if (minutes < limits.elite) return 'elite';
  if (minutes < limits.high) return 'high';
  if (minutes < limits.medium) return 'medium';
  return 'low';
}

export function leadTimeBand(medianMinutes: number): Band {
  return below(medianMinutes, THRESHOLDS.leadTime);
}

export function restoreBand(medianMinutes: number): Band {
  return below(medianMinutes, THRESHOLDS.restore);
}

export function changeFailureBand(rate: number): Band {
  const limits = THRESHOLDS.changeFailure;
  if (rate <= limits.elite) return 'elite';
  if (rate <= limits.high) return 'high';
  if (rate <= limits.medium) return 'medium';
  return 'low';
}
