/**
 * Terminal output: colour only on a TTY and never with NO_COLOR (https://no-color.org), and
 * the three forms `check` prints problems in — text (people), JSON (tools), GitHub Actions
 * annotations (pull requests).
 */
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

/** A problem's file as seen from the working directory (`content/releases/x.md`). */
export function shownPath(problem: Problem, contentRoot: string, cwd = process.cwd()): string {
  return path.relative(cwd, path.join(contentRoot, problem.file)).split(path.sep).join('/') || problem.file;
}

/**
 * A problem as printed: its file shown relative to the working directory so that
 * terminals and editors can open `content/releases/x.md:12:3` directly.
 */
export function printable(problem: Problem, contentRoot: string, cwd = process.cwd()): string {
  return formatProblem({ ...problem, file: shownPath(problem, contentRoot, cwd) });
}

/** One problem line of the text format, the location in cyan on a terminal. */
export function textLine(problem: Problem, contentRoot: string, colour: boolean, cwd = process.cwd()): string {
  const [location = '', ...rest] = printable(problem, contentRoot, cwd).split('  ');
  return `${paint('cyan', location, colour)}  ${rest.join('  ')}`;
}

/** `N problems in M files` (the text format's last line, without the timing). */
export function problemCount(problems: readonly Problem[]): string {
  const count = problems.length;
  const files = new Set(problems.map((p) => p.file)).size;
  return `${count} problem${count === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
}

export const CHECK_FORMATS = ['text', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/**
 * `check --format json`: one JSON object on stdout, stable for tools.
 * `file` is relative to the content folder (forward slashes); `line` and `column` are 1-based;
 * `field` is the dotted field path, '' for the file as a whole; `hint` appears only when there is one.
 */
export interface CheckReport {
  ok: boolean;
  /** Record files read. */
  records: number;
  problems: { file: string; line: number; column: number; field: string; message: string; hint?: string }[];
}

export function checkReport(problems: readonly Problem[], records: number): CheckReport {
  return {
    ok: problems.length === 0,
    records,
    problems: problems.map(({ file, line, column, field, message, hint }) => ({
      file,
      line,
      column,
      field,
      message,
      ...(hint === undefined ? {} : { hint }),
    })),
  };
}

/**
 * `check --format github`: one GitHub Actions `::error` workflow command per problem, which
 * the pull request shows on the line it names. The file is relative to the working directory
 * (the repository root in a workflow).
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 */
export function githubAnnotation(problem: Problem, contentRoot: string, cwd = process.cwd()): string {
  const props = [
    `file=${escapeProperty(shownPath(problem, contentRoot, cwd))}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty(problem.field === '' ? 'Shiplog' : `Shiplog: ${problem.field}`)}`,
  ].join(',');
  const message = problem.hint ? `${problem.message} (${problem.hint})` : problem.message;
  return `::error ${props}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
