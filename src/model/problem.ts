/**
 * A problem found in the content folder: where (file, line, column, field) and what,
 * with an optional hint. Every check in the model reports through this one shape so that
 * the CLI, the build and the tests print and compare the same thing.
 */
export interface Problem {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** 1-based; 1 when the problem concerns the file as a whole. */
  line: number;
  column: number;
  /** Dotted field path (`plan.components.1.dependsOn`), or '' for the file itself. */
  field: string;
  message: string;
  hint?: string;
}

export type PathSegment = string | number;

export function fieldPath(path: readonly PathSegment[]): string {
  return path.map(String).join('.');
}

export function problem(
  file: string,
  at: { line: number; column: number },
  path: readonly PathSegment[],
  message: string,
  hint?: string,
): Problem {
  const p: Problem = { file, line: at.line, column: at.column, field: fieldPath(path), message };
  if (hint) p.hint = hint;
  return p;
}

/** Stable order: by file, then position, then field — so output diffs cleanly between runs. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field) || a.message.localeCompare(b.message),
  );
}

/** `path:line:col  field.path  message (hint)` — the one printed form (design.md). */
export function formatProblem(p: Problem): string {
  const field = p.field === '' ? '' : `  ${p.field}`;
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${p.file}:${p.line}:${p.column}${field}  ${p.message}${hint}`;
}
