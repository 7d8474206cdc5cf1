/**
 * Child process of `npm run bench`: parses the generated 50,000-case JUnit report (the
 * document of test/fixtures/junit/measure-large.ts), builds the test report page's view of it
 * (src/model/junit/view.ts: what the page renders, capped) and prints one `RESULT {json}` line.
 *   npx tsx test/bench/junit-large.ts [cases]
 * Peak heap comes from V8's GC trace (switched on around the parse only, printed on stdout):
 * the largest "used before GC" between the forced GC just before the parse and the one just
 * after it — the heap can only peak right before a collection or at the end.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parseJUnit } from '../../src/model/junit/parse.ts';
import { junitView } from '../../src/model/junit/view.ts';
import { largeJUnit, largeJUnitTotals } from './generate/junit.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const cases = Number(process.argv[2] ?? 50_000);
let input: Buffer | undefined = largeJUnit(cases);
const bytes = input.byteLength;
gc();
const before = process.memoryUsage();
v8.setFlagsFromString('--trace-gc');
gc();
const started = performance.now();
const result = parseJUnit(input);
const parseMs = performance.now() - started;
const after = process.memoryUsage();
gc();
v8.setFlagsFromString('--no-trace-gc');
input = undefined;
gc();
const retained = process.memoryUsage();
const expected = largeJUnitTotals(cases);

// The page's view model: built from the parsed report, then the document is dropped.
const viewStarted = performance.now();
const view = result.ok ? junitView([{ file: `attachments/large/junit-${cases}.xml`, report: result.report }]) : undefined;
const viewMs = performance.now() - viewStarted;

process.stdout.write(
  `RESULT ${JSON.stringify({
    cases,
    inputBytes: bytes,
    ok: result.ok,
    totals: result.ok ? result.report.totals : result.problem,
    countsAgree: result.ok && result.report.totals.tests === expected.tests && result.report.totals.failed === expected.failed && result.report.totals.skipped === expected.skipped,
    parseMs: Math.round(parseMs),
    heapBeforeBytes: before.heapUsed,
    heapAtEndBytes: after.heapUsed,
    retainedHeapBytes: Math.max(0, retained.heapUsed - before.heapUsed),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    view: view && {
      buildMs: Math.round(viewMs),
      problems: { shown: view.problems.shown.length, total: view.problems.total },
      flaky: { shown: view.flaky.shown.length, total: view.flaky.total },
      suites: { shown: view.suites.shown.length, total: view.suites.total },
      slowest: view.slowest.length,
      jsonBytes: Buffer.byteLength(JSON.stringify(view)),
    },
  })}\n`,
);
