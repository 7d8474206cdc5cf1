/**
 * JUnit XML for generated test reports (three dialects: Maven Surefire, pytest, jest-junit),
 * with known totals so the report's manual counts can agree with it, and the 50,000-case
 * document of test/fixtures/junit/measure-large.ts (same shape, importable).
 */
import type { Rng } from './prng.ts';

export interface JUnitPlan {
  cases: number;
  failed: number;
  errors: number;
  skipped: number;
  /** Passed on a retry (a flakyFailure child only). */
  flaky: number;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PACKAGES = ['api', 'service', 'repository', 'job', 'web', 'integration'];
const WORDS = ['create', 'refund', 'query', 'export', 'cancel', 'retry', 'sign', 'verify', 'settle', 'notify', 'import', 'lock'];

/** A JUnit document with exactly `plan` totals, in one of three dialects. */
export function junitXml(rng: Rng, suiteBase: string, plan: JUnitPlan): string {
  const dialect = rng.pick(['surefire', 'pytest', 'jest'] as const);
  const outcomes: ('passed' | 'failed' | 'error' | 'skipped' | 'flaky')[] = [];
  for (let i = 0; i < plan.failed; i++) outcomes.push('failed');
  for (let i = 0; i < plan.errors; i++) outcomes.push('error');
  for (let i = 0; i < plan.skipped; i++) outcomes.push('skipped');
  for (let i = 0; i < plan.flaky; i++) outcomes.push('flaky');
  while (outcomes.length < plan.cases) outcomes.push('passed');
  const ordered = rng.shuffle(outcomes);
  const perSuite = Math.max(5, Math.ceil(plan.cases / rng.int(1, 6)));
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(dialect === 'jest' ? `<testsuites name="jest tests" tests="${plan.cases}">` : `<testsuites name="${escapeXml(suiteBase)}">`);
  for (let start = 0; start < ordered.length; start += perSuite) {
    const pkg = rng.pick(PACKAGES);
    const suite = dialect === 'surefire' ? `com.example.${suiteBase.replace(/-/g, '')}.${pkg}.${capital(rng.pick(WORDS))}Test` : dialect === 'pytest' ? 'pytest' : `${pkg} ${rng.pick(WORDS)}`;
    const slice = ordered.slice(start, start + perSuite);
    lines.push(`  <testsuite name="${escapeXml(suite)}" tests="${slice.length}" time="${(slice.length * 0.137).toFixed(3)}">`);
    if (dialect === 'pytest' && start === 0) lines.push('    <properties><property name="python" value="3.12.2"/></properties>');
    slice.forEach((outcome, k) => {
      const word = rng.pick(WORDS);
      const name = dialect === 'jest' ? `${word} should handle case ${start + k} & keep totals` : `test_${word}_${start + k}`;
      const classname = dialect === 'pytest' ? `tests.test_${pkg}.Test${capital(word)}` : suite;
      const attrs = `classname="${escapeXml(classname)}" name="${escapeXml(name)}" time="${(rng.int(1, 4000) / 1000).toFixed(3)}"`;
      switch (outcome) {
        case 'passed':
          lines.push(`    <testcase ${attrs}/>`);
          break;
        case 'skipped':
          lines.push(`    <testcase ${attrs}><skipped message="disabled until ${word} is ready"/></testcase>`);
          break;
        case 'failed':
          lines.push(`    <testcase ${attrs}>`);
          lines.push(`      <failure message="expected &lt;200&gt; but was &lt;500&gt;" type="AssertionError"><![CDATA[AssertionError: expected <200> but was <500>`);
          lines.push(`    at ${classname}.${name.replace(/\W/g, '_')}(${pkg}.java:${rng.int(20, 400)})]]></failure>`);
          lines.push('    </testcase>');
          break;
        case 'error':
          lines.push(`    <testcase ${attrs}><error message="Connection refused" type="java.net.ConnectException">java.net.ConnectException: Connection refused</error></testcase>`);
          break;
        case 'flaky':
          lines.push(`    <testcase ${attrs}><flakyFailure message="timeout" type="TimeoutException"/><system-out>retry 1 passed</system-out></testcase>`);
          break;
      }
    });
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A large report: `cases` testcases in suites of 1,000, every 10th failed with a stack trace,
 * some skipped, each with system-out (also timed by test/fixtures/junit/measure-large.ts).
 */
export function largeJUnit(cases: number): Buffer {
  const perSuite = 1000;
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="large">\n'];
  for (let i = 0; i < cases; i++) {
    if (i % perSuite === 0) parts.push(`${i > 0 ? '  </testsuite>\n' : ''}  <testsuite name="suite${i / perSuite}">\n`);
    parts.push(`    <testcase classname="com.example.pkg${i % 50}.SomeTestClass" name="test_${i} &amp; more" time="0.${i % 1000}">\n`);
    if (i % 10 === 0) {
      const trace = '        at com.example.Foo.bar(Foo.java:42)\n'.repeat(6);
      parts.push(`      <failure message="expected &lt;1&gt; but was &lt;2&gt;" type="AssertionError"><![CDATA[AssertionError\n${trace}]]></failure>\n`);
    } else if (i % 25 === 1) parts.push('      <skipped message="not today"/>\n');
    parts.push(`      <system-out>log for ${i} &amp; friends\n${'INFO something happened here\n'.repeat(7)}</system-out>\n    </testcase>\n`);
  }
  parts.push(`${cases > 0 ? '  </testsuite>\n' : ''}</testsuites>\n`);
  return Buffer.from(parts.join(''));
}

/** Totals of largeJUnit(cases), as the spec counts them. */
export function largeJUnitTotals(cases: number): { tests: number; failed: number; skipped: number } {
  let failed = 0;
  let skipped = 0;
  for (let i = 0; i < cases; i++) {
    if (i % 10 === 0) failed += 1;
    else if (i % 25 === 1) skipped += 1;
  }
  return { tests: cases, failed, skipped };
}
