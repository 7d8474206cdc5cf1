/** `shiplog check`: validate the content folder without building the site. */
import { loadContent, type LoadResult } from '../model/load.ts';
import { paint, printable, useColour } from './output.ts';

export async function runCheck(root: string, out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Promise<{ ok: boolean; result: LoadResult; ms: number }> {
  const started = performance.now();
  const result = await loadContent(root);
  const ms = Math.round(performance.now() - started);
  const colour = useColour(err);
  for (const problem of result.problems) {
    const [location = '', ...rest] = printable(problem, root).split('  ');
    err.write(`${paint('cyan', location, colour)}  ${rest.join('  ')}\n`);
  }
  const files = new Set(result.problems.map((p) => p.file)).size;
  if (result.problems.length === 0) {
    out.write(`checked ${result.recordCount} records in ${ms} ms: no problems\n`);
  } else {
    const count = result.problems.length;
    err.write(
      paint('red', `${count} problem${count === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`, colour) +
        ` (checked ${result.recordCount} records in ${ms} ms)\n`,
    );
  }
  return { ok: result.problems.length === 0, result, ms };
}
