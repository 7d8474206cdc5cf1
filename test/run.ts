/**
 * `npm test`: every vitest project (unit, then the browser tests against real builds),
 * ending with the line CI reads — `Tests: N passed, N failed[, N skipped]` — from the real
 * counts of vitest's JSON report. Exits non-zero on any failure, and when no test ran.
 * Extra arguments go to vitest (`npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplog-tests-'));
const report = path.join(dir, 'vitest.json');
const vitest = path.join(repo, 'node_modules/vitest/vitest.mjs');

const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: repo, stdio: 'inherit' },
);

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}

let counts: JsonReport | undefined;
try {
  counts = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
} catch {
  counts = undefined;
}
rmSync(dir, { recursive: true, force: true });

if (!counts) {
  console.log('Tests: 0 passed, 1 failed (vitest wrote no report)');
  process.exit(1);
}
const skipped = counts.numPendingTests + counts.numTodoTests;
// A suite that fails to load (syntax error, failed global setup) has no failed test of its own: count it.
const failed = counts.numFailedTests + (counts.numFailedTests === 0 ? counts.numFailedTestSuites : 0);
console.log(`Tests: ${counts.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
const ok = run.status === 0 && failed === 0 && counts.numPassedTests > 0;
process.exit(ok ? 0 : 1);
