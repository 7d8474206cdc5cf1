/**
 * The one place where record text enters Mermaid source. Every label a builder writes is a
 * `Safe` string made here; the builders cannot pass raw record text to a node (the type
 * forbids it), and node ids are generated (`n1`, `n2`…), never taken from records.
 *
 * How text is made safe: Mermaid turns `#<number>;` and `#<name>;` into HTML entities before
 * parsing (its "entity codes"), so every character outside a small set that is inert in all
 * of Mermaid's grammars is written as `#<code point>;`. That covers quotes, brackets, `#`,
 * `;`, `|`, `:`, `%`, `<`, `>`, `&`, backticks (markdown strings), `*`, `~`, `{`/`}`
 * (directives), and Mermaid's own placeholder characters (ﬂ ° ¶ ß, each followed by a word
 * joiner so that no sequence of them is decoded as an entity). Line breaks and other
 * control characters become single spaces, so no text can end a statement. Letters of any
 * script, digits, spaces and emoji pass through unchanged.
 */

declare const safeBrand: unique symbol;
/** Mermaid label text that can be placed inside `"…"` or on a gantt line without effect on the syntax. */
export type Safe = string & { readonly [safeBrand]: true };

/** ASCII characters that need no code: they mean nothing inside a quoted label or a gantt task name. */
const INERT_ASCII = /^[A-Za-z0-9 .,/()!?'+=@_-]$/;
/** Characters Mermaid uses internally for its entity placeholders. */
const PLACEHOLDERS = new Set(['ﬂ', '°', '¶', 'ß']);
/** C0/C1 controls, line and paragraph separators, and lone surrogates. */
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whitespace collapsed to one space, controls removed, trimmed; what a label shows. */
export function plain(text: string): string {
  return text.replace(BREAKING, ' ').replace(/\s+/g, ' ').trim();
}

function codeOf(ch: string): string {
  if (INERT_ASCII.test(ch)) return ch;
  const point = ch.codePointAt(0) ?? 0;
  if (point < 0x80) return `#${point};`;
  // Mermaid decodes its placeholders twice (label, then the whole SVG), so a placeholder
  // character that reaches the label as text would be decoded again: a word joiner after
  // each keeps any sequence of them from forming a placeholder. It has no width.
  if (PLACEHOLDERS.has(ch)) return `#${point};#8288;`;
  return ch;
}

/** Mermaid-safe text: every character that could mean something to Mermaid is an entity code. */
export function esc(text: string): Safe {
  return Array.from(plain(text), codeOf).join('') as Safe;
}

/**
 * Like `esc`, but the first character is always an entity code, so the text can start a
 * gantt task line without being read as a keyword (`title`, `section`, a date, `click`…).
 */
export function escLineStart(text: string): Safe {
  const chars = Array.from(plain(text));
  const [first, ...rest] = chars;
  if (first === undefined) return '' as Safe;
  return (`#${first.codePointAt(0) ?? 0};` + rest.map(codeOf).join('')) as Safe;
}

/** Display width of one character: East Asian wide characters and emoji count two. */
function widthOf(ch: string): number {
  const p = ch.codePointAt(0) ?? 0;
  const wide =
    (p >= 0x1100 && p <= 0x115f) ||
    (p >= 0x2e80 && p <= 0xa4cf) ||
    (p >= 0xac00 && p <= 0xd7a3) ||
    (p >= 0xf900 && p <= 0xfaff) ||
    (p >= 0xfe30 && p <= 0xfe4f) ||
    (p >= 0xff00 && p <= 0xff60) ||
    (p >= 0xffe0 && p <= 0xffe6) ||
    p >= 0x1f000;
  return wide ? 2 : 1;
}

/** Display width in columns: a CJK character or emoji counts two. */
export function textWidth(text: string): number {
  return Array.from(text).reduce((sum, ch) => sum + widthOf(ch), 0);
}

/** A word (no spaces, no wide characters), one space, or one character. */
const TOKEN = /[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|\s|./gsu;

const NO_LINE_START = new Set(Array.from('，。、；：？！）」』】》〉”’,.;:?!)]}'));

/** Text cut to `max` display columns with an ellipsis; the full text belongs in the text alternative. */
export function clip(text: string, max: number): string {
  const whole = plain(text);
  if (textWidth(whole) <= max) return whole;
  let out = '';
  let used = 0;
  for (const ch of Array.from(whole)) {
    const w = widthOf(ch);
    if (used + w > max - 1) break;
    out += ch;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Text broken into lines of at most `width` columns (words kept whole where they fit; CJK
 * breaks anywhere), at most `maxLines` lines, the last clipped with an ellipsis.
 */
export function wrap(text: string, width: number, maxLines = Infinity): string[] {
  const out: string[] = [];
  let line = '';
  let used = 0;
  const flush = () => {
    if (line.trim()) out.push(line.trim());
    line = '';
    used = 0;
  };
  const add = (piece: string, w: number) => {
    // Closing punctuation never starts a line (it may overhang the width instead).
    if (used + w > width && used > 0 && !NO_LINE_START.has(piece)) flush();
    if (piece === ' ' && used === 0) return;
    line += piece;
    used += w;
  };
  for (const token of plain(text).match(TOKEN) ?? []) {
    const w = textWidth(token);
    if (w <= width) add(token, w);
    else for (const ch of Array.from(token)) add(ch, widthOf(ch)); // a word longer than a line
  }
  flush();
  if (out.length <= maxLines) return out;
  const kept = out.slice(0, maxLines);
  const last = clip(`${kept[maxLines - 1]!} ${out[maxLines]!}`, width);
  kept[maxLines - 1] = last.endsWith('…') ? last : `${last}…`;
  return kept;
}

/** Markup the builders may put around escaped text (never record text itself). */
export const BR = '<br/>' as Safe;
export const bold = (text: Safe): Safe => `<b>${text}</b>` as Safe;
export const join = (parts: readonly Safe[], separator: Safe = '' as Safe): Safe => parts.join(separator) as Safe;

/** Escaped lines joined by line breaks. */
export function lines(texts: readonly string[]): Safe {
  return join(texts.map(esc), BR);
}

/** Generated node ids: `n1`, `n2`… (never record text, so no id can clash with a keyword). */
export class Ids {
  #next = 1;
  readonly #prefix: string;
  constructor(prefix = 'n') {
    this.#prefix = prefix;
  }
  next(): string {
    return `${this.#prefix}${this.#next++}`;
  }
}
