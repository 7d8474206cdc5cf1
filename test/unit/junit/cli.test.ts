import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = 'test/fixtures/junit';

/** Runs `src/cli/junit.ts` the way `npm run junit` does, from the repo root. */
function junit(...args: string[]) {
  const run = spawnSync(process.execPath, ['src/cli/junit.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run junit', () => {
  it('prints one JSON line of totals per report, with the file as given', () => {
    const run = junit(`${FIXTURES}/small-report.xml`, `./${FIXTURES}/retries.xml`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      { file: `${FIXTURES}/small-report.xml`, tests: 4, passed: 2, failed: 1, errors: 0, skipped: 1, flaky: 1 },
      { file: `./${FIXTURES}/retries.xml`, tests: 7, passed: 4, failed: 1, errors: 1, skipped: 1, flaky: 3 },
    ]);
    expect(run.stdout.split('\n')[0]).toBe(
      `{"file":"${FIXTURES}/small-report.xml","tests":4,"passed":2,"failed":1,"errors":0,"skipped":1,"flaky":1}`,
    );
  });

  it('reports unusable files as file:line:col on stderr, keeps going, and exits 1', () => {
    const run = junit(
      `${FIXTURES}/truncated.xml`,
      `${FIXTURES}/small-report.xml`,
      `${FIXTURES}/no-such-report.xml`,
      `${FIXTURES}/billion-laughs.xml`,
    );
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ file: `${FIXTURES}/small-report.xml`, tests: 4 });
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${FIXTURES}/truncated.xml:4:5  not well-formed XML: unclosed tag <failure>: the file ends (line 5, column 1) before </failure> (truncated?)`,
      `${FIXTURES}/no-such-report.xml  cannot read: no such file`,
      `${FIXTURES}/billion-laughs.xml:2:1  declares a DTD/entities (<!DOCTYPE …>), which Shiplog refuses for safety`,
    ]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('prints usage for --help', () => {
    const run = junit('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run junit -- <report\.xml>…/);
  });

  it('exits 2 with usage when given no file or an unknown option', () => {
    for (const args of [[], ['--bogus']]) {
      const run = junit(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Usage:');
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
