/** The counting rules of spec/records.md "JUnit counting", applied to one <testcase>. */
import type { CaseStatus, JUnitCase, JUnitTotals } from './types.ts';

const RETRY_TAGS: ReadonlySet<string> = new Set(['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']);

/** The result element that decides each status; `passed` has none. */
export const DECIDING_TAG = { failed: 'failure', error: 'error', skipped: 'skipped' } as const satisfies Partial<
  Record<CaseStatus, string>
>;

/**
 * Classifies a testcase from the local names of its direct child elements. Only direct children
 * count and attributes never do; retry elements change nothing except marking a pass as flaky.
 */
export function classify(childTags: Iterable<string>): { status: CaseStatus; flaky: boolean } {
  let failure = false;
  let error = false;
  let skipped = false;
  let retried = false;
  for (const tag of childTags) {
    if (tag === 'failure') failure = true;
    else if (tag === 'error') error = true;
    else if (tag === 'skipped') skipped = true;
    else if (RETRY_TAGS.has(tag)) retried = true;
  }
  const status: CaseStatus = failure ? 'failed' : error ? 'error' : skipped ? 'skipped' : 'passed';
  return { status, flaky: status === 'passed' && retried };
}

export function emptyTotals(): JUnitTotals {
  return { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
}

export function addCase(totals: JUnitTotals, c: Pick<JUnitCase, 'status' | 'flaky'>): void {
  totals.tests += 1;
  if (c.status === 'passed') totals.passed += 1;
  else if (c.status === 'failed') totals.failed += 1;
  else if (c.status === 'error') totals.errors += 1;
  else totals.skipped += 1;
  if (c.flaky) totals.flaky += 1;
}
