/** Terminal output: colour only on a TTY and never with NO_COLOR (https://no-color.org). */
import { styleText } from 'node:util';
import path from 'node:path';
import { formatProblem, type Problem } from '../model/problem.ts';

type Style = Parameters<typeof styleText>[0];

export function useColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb';
}

export function paint(style: Style, text: string, colour: boolean): string {
  return colour ? styleText(style, text, { validateStream: false }) : text;
}

/**
 * A problem as printed: its file shown relative to the working directory so that
 * terminals and editors can open `content/releases/x.md:12:3` directly.
 */
export function printable(problem: Problem, contentRoot: string, cwd = process.cwd()): string {
  const shown = path.relative(cwd, path.join(contentRoot, problem.file)).split(path.sep).join('/');
  return formatProblem({ ...problem, file: shown || problem.file });
}
