/**
 * `shiplog check`: validate the content folder without building the site.
 * `--format text` (default) prints `path:line:col  field  message (hint)` lines on stderr and a
 * summary; `json` prints one CheckReport object on stdout; `github` prints GitHub Actions
 * error annotations on stdout and the summary on stderr. The exit status is the same in all three.
 */
import { loadContent, type LoadResult } from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import { checkReport, githubAnnotation, paint, problemCount, textLine, useColour, type CheckFormat } from './output.ts';

/** What a check found, without the content it loaded (what `shiplog build`'s check thread sends back). */
export interface CheckSummary {
  problems: Problem[];
  recordCount: number;
  ms: number;
}

/** Loads and validates the folder, timed: the content and what reportCheck prints of it. */
export async function loadChecked(root: string): Promise<{ result: LoadResult; summary: CheckSummary }> {
  const started = performance.now();
  const result = await loadContent(root);
  const ms = Math.round(performance.now() - started);
  return { result, summary: { problems: result.problems, recordCount: result.recordCount, ms } };
}

export async function runCheck(
  root: string,
  out: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
  format: CheckFormat = 'text',
): Promise<{ ok: boolean; result: LoadResult; ms: number }> {
  const { result, summary } = await loadChecked(root);
  const ok = reportCheck(summary, root, out, err, format);
  return { ok, result, ms: summary.ms };
}

/** Prints the problems and the summary line; returns whether there was no problem. */
export function reportCheck(
  { problems, recordCount, ms }: CheckSummary,
  root: string,
  out: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
  format: CheckFormat = 'text',
): boolean {
  const ok = problems.length === 0;
  if (format === 'json') {
    out.write(`${JSON.stringify(checkReport(problems, recordCount), null, 2)}\n`);
    return ok;
  }
  const colour = useColour(err);
  for (const problem of problems) {
    if (format === 'github') out.write(`${githubAnnotation(problem, root)}\n`);
    else err.write(`${textLine(problem, root, colour)}\n`);
  }
  if (ok) {
    out.write(`checked ${recordCount} records in ${ms} ms: no problems\n`);
  } else {
    err.write(`${paint('red', problemCount(problems), colour)} (checked ${recordCount} records in ${ms} ms)\n`);
  }
  return ok;
}
