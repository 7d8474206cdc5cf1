/** Splits a Markdown/MDX record into its YAML frontmatter and body, keeping line numbers. */

export interface Frontmatter {
  yaml: string;
  /** Lines before the YAML text (the opening `---`). */
  yamlLineOffset: number;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

export function splitFrontmatter(text: string): Frontmatter | { error: string; line: number } {
  const open = OPEN.exec(text);
  if (!open) {
    return { error: 'has no frontmatter: a record starts with a line `---`, its YAML fields, and another `---`', line: 1 };
  }
  const rest = text.slice(open[0].length);
  // The closing fence may also be the first line (empty frontmatter).
  const close = CLOSE.exec(rest);
  if (!close) return { error: 'frontmatter is not closed: add a line `---` after the fields', line: 1 };
  const yaml = rest.slice(0, close.index);
  const newline = /^\r?\n/.exec(rest.slice(close.index + close[0].length));
  const bodyStart = open[0].length + close.index + close[0].length + (newline ? newline[0].length : 0);
  return { yaml, yamlLineOffset: 1, body: text.slice(bodyStart), bodyLine: countLines(text.slice(0, bodyStart)) + 1 };
}

function countLines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n += 1;
  return n;
}
