/**
 * Record templates: `templates/<locale>/<kind>.md|yaml`, plain text with placeholders.
 *
 * - `{{name}}` is replaced by the value `name`; the code supplies values already written as
 *   YAML (scalars quoted when they need it, blocks as lines). A line with a placeholder that
 *   has no value is left out, so optional fields simply disappear.
 * - `{{name|text}}` falls back to `text` when `name` has no value (used for `TODO …` prompts).
 * - `{{?name}}` at the start of a line keeps the line only when `name` has a value;
 *   `{{^name}}` only when it has none (for a commented hint instead of a value).
 * - A value of several lines continues at the indentation of its line.
 *
 * What is left for the author is marked `TODO` (in YAML comments, values or `<!-- -->` in the
 * body); `todoLines` lists those lines after the file is written.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type TemplateValues = Readonly<Record<string, string | undefined>>;

export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../templates');

const PLACEHOLDER = /\{\{([?^]?)([A-Za-z][\w.-]*)(?:\|([^}]*))?\}\}/g;

export function renderTemplate(template: string, values: TemplateValues): string {
  const out: string[] = [];
  for (const line of template.split('\n')) {
    const rendered = renderLine(line, values);
    if (rendered !== undefined) out.push(rendered);
  }
  return out.join('\n');
}

function renderLine(line: string, values: TemplateValues): string | undefined {
  const has = (name: string) => values[name] !== undefined && values[name] !== '';
  let text = line;
  // Guards first: they decide whether the line exists at all.
  const guard = /^(\s*)\{\{([?^])([A-Za-z][\w.-]*)\}\}/.exec(text);
  if (guard) {
    const [whole, indent = '', sign, name = ''] = guard;
    if ((sign === '?') !== has(name)) return undefined;
    text = indent + text.slice(whole.length);
  }
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  let missing = false;
  const substitute = (part: string) =>
    part.replace(PLACEHOLDER, (_whole, sign: string, name: string, fallback: string | undefined) => {
      if (sign) return ''; // a guard elsewhere than at the start of a line is ignored
      const value = values[name];
      if (value !== undefined && value !== '') return value.split('\n').join(`\n${indent}`);
      if (fallback !== undefined) return fallback;
      missing = true;
      return '';
    });
  // A trailing `# comment` keeps its column when the value before it changed length.
  const comment = /^(.*\}\}[^#]*?)(\s+)(#.*)$/.exec(text);
  const result = comment
    ? alignComment(substitute(comment[1]!), comment[1]!.length + comment[2]!.length, comment[3]!)
    : substitute(text);
  return missing ? undefined : result;
}

function alignComment(code: string, column: number, comment: string): string {
  const lastLine = code.slice(code.lastIndexOf('\n') + 1);
  return `${code}${' '.repeat(Math.max(1, column - width(lastLine)))}${comment}`;
}

/** Columns a line takes in a monospace editor (CJK characters take two). */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/** The template of a record kind in a locale (`release` -> templates/zh-CN/release.md). */
export async function loadTemplate(locale: string, file: string, dir = TEMPLATES_DIR): Promise<string> {
  return readFile(path.join(dir, locale, file), 'utf8');
}

/** 1-based lines that still say TODO, as written (comment-only YAML lines are guidance, not gaps). */
export function todoLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => /\bTODO\b/.test(l.text) && !l.text.startsWith('#'));
}
