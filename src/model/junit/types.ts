/** The model of one ingested JUnit XML report (spec: records.md, "JUnit counting"). */

export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface JUnitTotals {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  /** Passed testcases whose only result children are flakyFailure/flakyError/rerunFailure/rerunError (also counted in `passed`). */
  flaky: number;
}

export interface JUnitCase {
  name: string;
  classname?: string;
  status: CaseStatus;
  flaky: boolean;
  /** Seconds; absent when the attribute is missing, negative or not a number. */
  time?: number;
  /** From the element that decided the status (first <failure>, <error> or <skipped>). */
  message?: string;
  type?: string;
  /** Body of the deciding element(s), capped at maxTextChars. */
  text?: string;
  systemOut?: string;
  systemErr?: string;
  /** 1-based source line of the <testcase> start tag. */
  line?: number;
}

export interface JUnitSuite {
  name: string;
  /** Names of the enclosing suites, outermost first. */
  path: string[];
  time?: number;
  timestamp?: string;
  hostname?: string;
  properties: Record<string, string>;
  /** Counts of this suite's own `cases` only, so summing over `suites` gives the report totals. */
  totals: JUnitTotals;
  cases: JUnitCase[];
  systemOut?: string;
  systemErr?: string;
}

export interface JUnitReport {
  root: 'testsuites' | 'testsuite' | 'testrun';
  totals: JUnitTotals;
  time?: number;
  /**
   * Every suite at any depth, in document order. Cases are listed under their nearest
   * enclosing suite; testcases outside any suite go into a synthetic suite named after the root.
   */
  suites: JUnitSuite[];
}

export interface JUnitProblem {
  message: string;
  line?: number;
  column?: number;
}

export type JUnitResult = { ok: true; report: JUnitReport } | { ok: false; problem: JUnitProblem };

export interface JUnitParseOptions {
  /** Refuse larger inputs (bytes). Default 50 MiB. */
  maxBytes?: number;
  /** Cap on every kept text (failure bodies, system-out/err, messages). Default 64 KiB. */
  maxTextChars?: number;
}
