/**
 * `npm run junit -- <file>…`: counts JUnit XML reports exactly as the portal build does, so a
 * tester can check a report before committing it.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { sizeProblem } from '../model/junit/decode.ts';
import { DEFAULT_MAX_BYTES, parseJUnit } from '../model/junit/parse.ts';
import type { JUnitProblem } from '../model/junit/types.ts';

const USAGE = `Usage: npm run junit -- <report.xml>…

Counts the tests in JUnit XML reports with Shiplog's rules (spec/records.md, "JUnit counting").
For each report it can read it prints one JSON line on stdout:
  {"file":"…","tests":0,"passed":0,"failed":0,"errors":0,"skipped":0,"flaky":0}
For each one it cannot, it prints "<file>:<line>:<column>  <problem>" on stderr,
carries on with the other files, and exits with status 1 at the end.

Options:
  -h, --help  Show this help.
`;

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'cannot read: no such file',
  EISDIR: 'cannot read: is a directory',
  EACCES: 'cannot read: permission denied',
  EPERM: 'cannot read: permission denied',
};

function readProblem(error: unknown): JUnitProblem {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? READ_ERRORS[code] : undefined;
  return { message: known ?? `cannot read: ${error instanceof Error ? error.message : String(error)}` };
}

/** Checks the size before reading, so a huge file is refused without loading it. */
async function readReport(file: string): Promise<Uint8Array | JUnitProblem> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { message: READ_ERRORS['EISDIR'] ?? 'is a directory' };
    return sizeProblem(info.size, DEFAULT_MAX_BYTES) ?? (await readFile(file));
  } catch (error) {
    return readProblem(error);
  }
}

function location(file: string, problem: JUnitProblem): string {
  if (problem.line === undefined) return file;
  return problem.column === undefined ? `${file}:${problem.line}` : `${file}:${problem.line}:${problem.column}`;
}

async function main(args: string[]): Promise<number> {
  let files: string[];
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (parsed.values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    files = parsed.positionals;
  } catch (error) {
    process.stderr.write(`junit: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    process.stderr.write(`junit: no report given\n\n${USAGE}`);
    return 2;
  }

  let failures = 0;
  for (const file of files) {
    const input = await readReport(file);
    const result = input instanceof Uint8Array ? parseJUnit(input) : ({ ok: false, problem: input } as const);
    if (result.ok) {
      const { tests, passed, failed, errors, skipped, flaky } = result.report.totals;
      process.stdout.write(`${JSON.stringify({ file, tests, passed, failed, errors, skipped, flaky })}\n`);
    } else {
      failures += 1;
      process.stderr.write(`${location(file, result.problem)}  ${result.problem.message}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Never a stack trace: this tool is for testers.
  process.stderr.write(`junit: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
