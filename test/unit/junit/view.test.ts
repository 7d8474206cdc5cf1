/**
 * The test report page's view of JUnit files (src/model/junit/view.ts): what a tester reads
 * first (failures, then errors, with their messages), what is capped and counted, per-suite
 * rows, the slowest tests, and that a 50,000-case report stays a bounded page.
 */
import { describe, expect, it } from 'vitest';
import { describeProblem, parseJUnit } from '../../../src/model/junit/parse.ts';
import type { JUnitReport } from '../../../src/model/junit/types.ts';
import { clip, junitView, testKey, VIEW_LIMITS, type ViewLimits } from '../../../src/model/junit/view.ts';
import { largeJUnit, largeJUnitTotals } from '../../bench/generate/junit.ts';

function parsed(xml: string | Buffer): JUnitReport {
  const result = parseJUnit(xml);
  if (!result.ok) throw new Error(describeProblem(result.problem));
  return result.report;
}

const view = (xml: string, limits?: Partial<ViewLimits>) =>
  junitView([{ file: 'attachments/a.xml', report: parsed(xml) }], { ...VIEW_LIMITS, ...limits });

const REPORT = `<?xml version="1.0"?>
<testsuites time="12.5">
  <testsuite name="Quiet" time="1">
    <testcase classname="q.Quiet" name="fast" time="0.1"/>
    <testcase classname="q.Quiet" name="slow" time="0.9"/>
  </testsuite>
  <testsuite name="Refunds" time="8">
    <testcase classname="r.Refund" name="errs first in file" time="3"><error message="Read timed out" type="java.net.SocketTimeoutException">at Socket.read</error></testcase>
    <testcase classname="r.Refund" name="precision" time="2"><failure message="expected: &lt;1999&gt; but was: &lt;2000&gt;" type="AssertionFailedError">at RefundTest.java:290</failure><system-out>case start</system-out></testcase>
    <testcase classname="r.Refund" name="retried" time="1.5"><flakyFailure message="timeout"/></testcase>
    <testcase classname="r.Refund" name="skipped" time="0"><skipped/></testcase>
  </testsuite>
  <testsuite name="Callbacks" time="3.5">
    <testcase classname="c.Callback" name="sign" time="0.5"><failure message="bad sign">trace</failure></testcase>
    <testcase classname="c.Callback" name="ok" time="2.5"/>
  </testsuite>
</testsuites>`;

describe('junitView', () => {
  const v = view(REPORT);

  it('lists failures before errors, each in file order, with message, type, trace and output', () => {
    expect(v.problems.total).toBe(3);
    expect(v.problems.shown.map((c) => [c.status, c.name])).toEqual([
      ['failed', 'precision'],
      ['failed', 'sign'],
      ['error', 'errs first in file'],
    ]);
    const first = v.problems.shown[0]!;
    expect(first).toMatchObject({ classname: 'r.Refund', suite: 'Refunds', file: 'attachments/a.xml', type: 'AssertionFailedError', line: 9 });
    expect(first.message).toEqual({ text: 'expected: <1999> but was: <2000>', cut: 0 });
    expect(first.text).toEqual({ text: 'at RefundTest.java:290', cut: 0 });
    expect(first.systemOut).toEqual({ text: 'case start', cut: 0 });
  });

  it('gives totals, pass rate over executed cases, and the run time the file states', () => {
    expect(v.totals).toEqual({ tests: 8, passed: 4, failed: 2, errors: 1, skipped: 1, flaky: 1 });
    // 4 passed of 7 executed (the skipped one did not run; the error did and did not pass).
    expect(v.passRate).toBeCloseTo(4 / 7);
    expect(v.time).toBe(12.5);
  });

  it('puts suites with failures or errors first (most first), the rest in file order', () => {
    expect(v.suites.total).toBe(3);
    expect(v.suites.shown.map((s) => [s.suite, s.totals.failed + s.totals.errors, s.time])).toEqual([
      ['Refunds', 2, 8],
      ['Callbacks', 1, 3.5],
      ['Quiet', 0, 1],
    ]);
  });

  it('sums the suites beyond the cap in one row', () => {
    const capped = view(REPORT, { suites: 1 });
    expect(capped.suites.shown.map((s) => s.suite)).toEqual(['Refunds']);
    expect(capped.suites.total).toBe(3);
    expect(capped.suites.rest.totals).toEqual({ tests: 4, passed: 3, failed: 1, errors: 0, skipped: 0, flaky: 0 });
    expect(capped.suites.rest.time).toBe(4.5);
  });

  it('ranks the slowest tests, slowest first, without their texts', () => {
    const top = view(REPORT, { slowest: 3 }).slowest;
    expect(top.map((c) => [c.name, c.time])).toEqual([
      ['errs first in file', 3],
      ['ok', 2.5],
      ['precision', 2],
    ]);
    expect(top[2]!.message).toBeUndefined();
    // The skipped case took 0 s: never listed as slow, even with room to spare.
    expect(view(REPORT, { slowest: 100 }).slowest.map((c) => c.name)).not.toContain('skipped');
    expect(view(REPORT, { slowest: 100 }).slowest).toHaveLength(7);
  });

  it('lists flaky tests and keeps every flaky identity for the trends', () => {
    expect(v.flaky.total).toBe(1);
    expect(v.flaky.shown.map((c) => c.name)).toEqual(['retried']);
    expect(v.flakyTests).toEqual([{ group: 'r.Refund', name: 'retried' }]);
    const capped = view(REPORT, { flaky: 0 });
    expect(capped.flaky).toEqual({ shown: [], total: 1 });
    expect(capped.flakyTests).toHaveLength(1);
  });

  it('caps failures and errors and counts the rest', () => {
    const capped = view(REPORT, { problems: 2 });
    expect(capped.problems.shown.map((c) => c.name)).toEqual(['precision', 'sign']);
    expect(capped.problems.total).toBe(3);
  });

  it('clips long messages, traces and output for the page, saying how much is cut', () => {
    const long = 'x'.repeat(5000);
    const w = view(`<testsuite name="s"><testcase name="t"><failure message="${'m'.repeat(900)}">${long}</failure><system-err>${long}</system-err></testcase></testsuite>`);
    const c = w.problems.shown[0]!;
    expect(c.message).toEqual({ text: 'm'.repeat(VIEW_LIMITS.messageChars), cut: 900 - VIEW_LIMITS.messageChars });
    expect(c.text!.text).toHaveLength(VIEW_LIMITS.textChars);
    expect(c.text!.cut).toBe(5000 - VIEW_LIMITS.textChars);
    expect(c.systemErr!.cut).toBe(5000 - VIEW_LIMITS.outputChars);
    // A surrogate pair is never split.
    expect(clip('ab😀', 3)).toEqual({ text: 'ab', cut: 2 });
  });

  it('adds up several files, naming each case and suite by its file', () => {
    const a = parsed('<testsuite name="A" time="2"><testcase name="a" time="2"><failure/></testcase></testsuite>');
    const b = parsed('<testsuite name="B"><testcase name="b" time="1"/><testcase name="c" time="0.5"/></testsuite>');
    const w = junitView([{ file: 'one.xml', report: a }, { file: 'two.xml', report: b }]);
    expect(w.files).toEqual(['one.xml', 'two.xml']);
    expect(w.totals.tests).toBe(3);
    // File one says 2 s; file two has no time of its own, so its cases' times count.
    expect(w.time).toBe(3.5);
    expect(w.suites.shown.map((s) => [s.suite, s.file, s.time])).toEqual([['A', 'one.xml', 2], ['B', 'two.xml', 1.5]]);
    expect(w.problems.shown[0]!.file).toBe('one.xml');
  });

  it('names nested suites by their path and leaves out suites without cases of their own', () => {
    const w = view('<testsuites><testsuite name="outer"><testsuite name="inner"><testcase name="t"/></testsuite></testsuite></testsuites>');
    expect(w.suites.shown.map((s) => s.suite)).toEqual(['outer › inner']);
  });

  it('has no pass rate when nothing ran, and a test identity by class else suite', () => {
    expect(view('<testsuite name="s"><testcase name="t"><skipped/></testcase></testsuite>').passRate).toBeUndefined();
    expect(testKey({ group: 'a', name: 'b' })).not.toBe(testKey({ group: 'a b', name: '' }));
    expect(view('<testsuite name="S"><testcase name="t"><rerunFailure/></testcase></testsuite>').flakyTests).toEqual([{ group: 'S', name: 't' }]);
  });
});

describe('a 50,000-case report (test/bench/generate/junit.ts)', () => {
  it('becomes a page of capped lists: never a row per passed case', { timeout: 180_000 }, () => {
    const cases = 50_000;
    const w = junitView([{ file: 'attachments/large/junit-50000.xml', report: parsed(largeJUnit(cases)) }]);
    const expected = largeJUnitTotals(cases);
    expect(w.totals.tests).toBe(cases);
    expect(w.totals.failed).toBe(expected.failed);
    // 5,000 failures: the first 50 are listed (in file order), the rest counted.
    expect(w.problems.total).toBe(expected.failed);
    expect(w.problems.shown).toHaveLength(VIEW_LIMITS.problems);
    expect(w.problems.shown[0]!.name).toBe('test_0 & more');
    // 50 suites of 1,000 cases: rows per suite, not per case.
    expect(w.suites.total).toBe(50);
    expect(w.suites.shown).toHaveLength(50);
    expect(w.slowest).toHaveLength(VIEW_LIMITS.slowest);
    expect(w.slowest[0]!.time).toBe(0.999);
    const rows = w.problems.shown.length + w.flaky.shown.length + w.suites.shown.length + w.slowest.length;
    expect(rows).toBeLessThanOrEqual(VIEW_LIMITS.problems + VIEW_LIMITS.flaky + VIEW_LIMITS.suites + VIEW_LIMITS.slowest);
    // Everything the page renders from it, as JSON: bounded by the caps, not by the file (~20 MB).
    expect(JSON.stringify(w).length).toBeLessThan(200_000);
  });
});
