/**
 * Splits a Markdown/MDX record into its YAML frontmatter and body, keeping line numbers.
 *
 * The split must be the one Astro makes when it renders the record, or the body we check
 * is not the body Astro renders. Astro (@astrojs/internal-helpers `parseFrontmatter`) ends
 * the frontmatter at the first line that merely *starts* with `---` or `+++`; a strict
 * reading of `---` alone, or a line break other than `\n` (U+2028 is one for a JavaScript
 * `^`), would let a record hide body text from the checks inside what we read as YAML.
 * So lines are split on `\n` only, the closing line is `---` (spaces allowed), and any
 * earlier line starting with `---` or `+++` is an error.
 */

export interface Frontmatter {
  yaml: string;
  /** Lines before the YAML text (the opening `---`). */
  yamlLineOffset: number;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE_LINE = /^---[ \t]*\r?$/;

export function splitFrontmatter(text: string): Frontmatter | { error: string; line: number } {
  const open = OPEN.exec(text);
  if (!open) {
    return { error: 'has no frontmatter: a record starts with a line `---`, its YAML fields, and another `---`', line: 1 };
  }
  const rest = text.slice(open[0].length);
  // The closing fence may also be the first line (empty frontmatter).
  let lineStart = 0;
  for (let line = 2; lineStart <= rest.length; line += 1) {
    const newline = rest.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? rest.length : newline;
    const content = rest.slice(lineStart, lineEnd);
    if (CLOSE_LINE.test(content)) {
      const bodyStart = open[0].length + (newline === -1 ? rest.length : newline + 1);
      return { yaml: rest.slice(0, lineStart), yamlLineOffset: 1, body: text.slice(bodyStart), bodyLine: line + 1 };
    }
    if (content.startsWith('---') || content.startsWith('+++')) {
      return {
        error: `a line starting with \`${content.slice(0, 3)}\` inside the frontmatter would end it for Astro: indent or quote this text, and close the frontmatter with a line \`---\` alone`,
        line,
      };
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { error: 'frontmatter is not closed: add a line `---` after the fields', line: 1 };
}
