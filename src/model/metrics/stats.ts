/** Summary statistics of the metrics; each is undefined for no values (never NaN). */

/** The median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p % of
 * the values at or below it (so the p90 of 3 values is the largest). Always a value that occurred.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** part / whole, or undefined when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
