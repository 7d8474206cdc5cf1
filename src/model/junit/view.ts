/**
 * What a test report page shows of its JUnit files, bounded whatever their size: totals, pass
 * rate and duration; failures and errors first (capped, each text clipped for the page); flaky
 * tests (capped); one row per suite (capped, the rest summed in one row); the slowest tests.
 * Passed testcases are never listed one by one: a 50,000-case report becomes a page of a few
 * hundred rows, and the JUnit files themselves stay linked for the rest.
 *
 * `flakyTests` keeps every flaky test's identity (not only the shown ones), for the trends page.
 */
import { emptyTotals } from './classify.ts';
import { detach } from './text.ts';
import type { CaseStatus, JUnitCase, JUnitReport, JUnitTotals } from './types.ts';

export interface ViewLimits {
  /** Failures and errors listed (failures first). */
  problems: number;
  flaky: number;
  /** Suite rows; the others are summed in one row. */
  suites: number;
  slowest: number;
  /** Characters of a failure message shown. */
  messageChars: number;
  /** Characters of a failure body (stack trace) shown. */
  textChars: number;
  /** Characters of system-out and of system-err shown, each. */
  outputChars: number;
}

export const VIEW_LIMITS: Readonly<ViewLimits> = {
  problems: 50,
  flaky: 50,
  suites: 100,
  slowest: 20,
  messageChars: 500,
  textChars: 2000,
  outputChars: 1000,
};

/** Text cut for the page: `cut` characters more are in the JUnit file. */
export interface Clipped {
  text: string;
  cut: number;
}

export interface CaseLine {
  name: string;
  classname?: string;
  /** Enclosing suites, outermost first, joined by ` › `. */
  suite: string;
  /** The JUnit file (content path) the case is in. */
  file: string;
  status: CaseStatus;
  flaky: boolean;
  /** Seconds. */
  time?: number;
  type?: string;
  message?: Clipped;
  /** The failure (or error) body: usually the stack trace. */
  text?: Clipped;
  systemOut?: Clipped;
  systemErr?: Clipped;
  /** Line of the <testcase> in its file. */
  line?: number;
}

export interface SuiteLine {
  suite: string;
  file: string;
  totals: JUnitTotals;
  /** Seconds: the suite's `time`, else the sum of its cases' times. */
  time?: number;
}

export interface Capped<T> {
  shown: T[];
  /** How many there are in all (shown or not). */
  total: number;
}

export interface JUnitView {
  files: string[];
  totals: JUnitTotals;
  /** Seconds; undefined when no file says and no case is timed. */
  time?: number;
  /** passed ÷ (tests − skipped), 0–1; undefined when nothing ran. */
  passRate?: number;
  /** Failed testcases, then errors, each in file order. */
  problems: Capped<CaseLine>;
  flaky: Capped<CaseLine>;
  /** Every flaky testcase, shown or not (small: two strings each). */
  flakyTests: TestId[];
  /** Suites with failures or errors first (most first), then in file order; suites without own cases are left out. */
  suites: Capped<SuiteLine> & { rest: { totals: JUnitTotals; time?: number } };
  /** Slowest testcases with a time above 0, slowest first. */
  slowest: CaseLine[];
}

export interface JUnitFile {
  /** Content path of the file, as the report names it. */
  file: string;
  report: JUnitReport;
}

/** passed ÷ executed, or undefined when nothing was executed. */
export function rate(passed: number, executed: number): number | undefined {
  return executed > 0 ? passed / executed : undefined;
}

/** Text clipped to `max` characters (never inside a surrogate pair), detached from its document. */
export function clip(text: string, max: number): Clipped {
  if (text.length <= max) return { text: detach(text), cut: 0 };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: detach(text.slice(0, end)), cut: text.length - end };
}

/** A testcase's identity across reports and releases: its class (else its suite) and its name. */
export interface TestId {
  group: string;
  name: string;
}

export function testKey(id: TestId): string {
  return `${id.group}\u0000${id.name}`;
}

const SUITE_SEPARATOR = ' › ';

function caseLine(c: JUnitCase, suite: string, file: string, limits: ViewLimits, withText: boolean): CaseLine {
  const line: CaseLine = { name: detach(c.name), suite, file, status: c.status, flaky: c.flaky };
  if (c.classname !== undefined) line.classname = detach(c.classname);
  if (c.time !== undefined) line.time = c.time;
  if (c.line !== undefined) line.line = c.line;
  if (!withText) return line;
  if (c.type !== undefined) line.type = detach(c.type);
  if (c.message !== undefined) line.message = clip(c.message, limits.messageChars);
  if (c.text !== undefined) line.text = clip(c.text, limits.textChars);
  if (c.systemOut !== undefined) line.systemOut = clip(c.systemOut, limits.outputChars);
  if (c.systemErr !== undefined) line.systemErr = clip(c.systemErr, limits.outputChars);
  return line;
}

/** Keeps the `size` largest items seen, largest first (a 50,000-case report is never sorted whole). */
class Top<T> {
  readonly items: T[] = [];
  private readonly size: number;
  private readonly weigh: (item: T) => number;
  constructor(size: number, weigh: (item: T) => number) {
    this.size = size;
    this.weigh = weigh;
  }
  /** Whether an item of this weight would be kept (so callers can skip building it). */
  wants(weight: number): boolean {
    return this.size > 0 && (this.items.length < this.size || weight > this.weigh(this.items.at(-1)!));
  }
  add(item: T): void {
    const w = this.weigh(item);
    if (!this.wants(w)) return;
    let i = this.items.length;
    while (i > 0 && this.weigh(this.items[i - 1]!) < w) i -= 1;
    this.items.splice(i, 0, item);
    if (this.items.length > this.size) this.items.pop();
  }
}

function fileTime(report: JUnitReport): number | undefined {
  if (report.time !== undefined) return report.time;
  const top = report.suites.filter((s) => s.path.length === 0);
  if (top.length > 0 && top.every((s) => s.time !== undefined)) return top.reduce((sum, s) => sum + s.time!, 0);
  let sum: number | undefined;
  for (const suite of report.suites) for (const c of suite.cases) if (c.time !== undefined) sum = (sum ?? 0) + c.time;
  return sum;
}

function addTotals(into: JUnitTotals, from: JUnitTotals): void {
  for (const key of Object.keys(into) as (keyof JUnitTotals)[]) into[key] += from[key];
}

/** The page's view of a report's JUnit files (see the module comment). */
export function junitView(files: readonly JUnitFile[], limits: ViewLimits = VIEW_LIMITS): JUnitView {
  const totals = emptyTotals();
  let time: number | undefined;
  const failed: CaseLine[] = [];
  const errors: CaseLine[] = [];
  let problemCount = 0;
  const flaky: CaseLine[] = [];
  const flakyTests: TestId[] = [];
  const suites: (SuiteLine & { order: number })[] = [];
  const slowest = new Top<CaseLine>(limits.slowest, (c) => c.time ?? 0);

  for (const { file, report } of files) {
    addTotals(totals, report.totals);
    const t = fileTime(report);
    if (t !== undefined) time = (time ?? 0) + t;
    for (const suite of report.suites) {
      const suiteName = [...suite.path, suite.name].join(SUITE_SEPARATOR);
      let caseTime: number | undefined;
      for (const c of suite.cases) {
        if (c.time !== undefined) {
          caseTime = (caseTime ?? 0) + c.time;
          // A case that took no measurable time is not "slow", however few cases there are.
          if (c.time > 0 && slowest.wants(c.time)) slowest.add(caseLine(c, suiteName, file, limits, false));
        }
        if (c.status === 'failed' || c.status === 'error') {
          problemCount += 1;
          // Failures are listed before errors: keep up to the cap of each, then cut the joined list.
          const list = c.status === 'failed' ? failed : errors;
          if (list.length < limits.problems) list.push(caseLine(c, suiteName, file, limits, true));
        }
        if (c.flaky) {
          flakyTests.push({ group: detach(c.classname ?? suiteName), name: detach(c.name) });
          if (flaky.length < limits.flaky) flaky.push(caseLine(c, suiteName, file, limits, false));
        }
      }
      if (suite.cases.length === 0) continue;
      const row: SuiteLine & { order: number } = { suite: suiteName, file, totals: { ...suite.totals }, order: suites.length };
      const suiteTime = suite.time ?? caseTime;
      if (suiteTime !== undefined) row.time = suiteTime;
      suites.push(row);
    }
  }

  const problemsOf = (s: SuiteLine) => s.totals.failed + s.totals.errors;
  suites.sort((a, b) => problemsOf(b) - problemsOf(a) || a.order - b.order);
  const shownSuites = suites.slice(0, limits.suites).map(({ order: _order, ...row }) => row);
  const rest: { totals: JUnitTotals; time?: number } = { totals: emptyTotals() };
  for (const row of suites.slice(limits.suites)) {
    addTotals(rest.totals, row.totals);
    if (row.time !== undefined) rest.time = (rest.time ?? 0) + row.time;
  }

  const view: JUnitView = {
    files: files.map((f) => f.file),
    totals,
    problems: { shown: [...failed, ...errors].slice(0, limits.problems), total: problemCount },
    flaky: { shown: flaky, total: totals.flaky },
    flakyTests,
    suites: { shown: shownSuites, total: suites.length, rest },
    slowest: slowest.items,
  };
  if (time !== undefined) view.time = time;
  const passRate = rate(totals.passed, totals.tests - totals.skipped);
  if (passRate !== undefined) view.passRate = passRate;
  return view;
}
