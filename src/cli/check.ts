/**
 * `shiplog check`: validate the content folder without building the site.
 * `--format text` (default) prints `path:line:col  field  message (hint)` lines on stderr and a
 * summary; `json` prints one CheckReport object on stdout; `github` prints GitHub Actions
 * error annotations on stdout and the summary on stderr. The exit status is the same in all three.
 */
import { loadContent, type LoadResult } from '../model/load.ts';
import { checkReport, githubAnnotation, paint, problemCount, textLine, useColour, type CheckFormat } from './output.ts';

export async function runCheck(
  root: string,
  out: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
  format: CheckFormat = 'text',
): Promise<{ ok: boolean; result: LoadResult; ms: number }> {
  const started = performance.now();
  const result = await loadContent(root);
  const ms = Math.round(performance.now() - started);
  const ok = result.problems.length === 0;
  if (format === 'json') {
    out.write(`${JSON.stringify(checkReport(result.problems, result.recordCount), null, 2)}\n`);
    return { ok, result, ms };
  }
  const colour = useColour(err);
  for (const problem of result.problems) {
    if (format === 'github') out.write(`${githubAnnotation(problem, root)}\n`);
    else err.write(`${textLine(problem, root, colour)}\n`);
  }
  if (ok) {
    out.write(`checked ${result.recordCount} records in ${ms} ms: no problems\n`);
  } else {
    err.write(`${paint('red', problemCount(result.problems), colour)} (checked ${result.recordCount} records in ${ms} ms)\n`);
  }
  return { ok, result, ms };
}
