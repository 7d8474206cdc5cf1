/** Small string helpers shared by the JUnit scanner and model builder. */

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Matches exactly the references XML defines without a DTD. */
export const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g;

export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Decodes the five predefined entities and numeric character references. The parser runs with
 * processEntities off, so this is the only place references are expanded (never a DTD's).
 */
export function decodeReferences(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(REFERENCE, (whole, named?: string, dec?: string, hex?: string) => {
    if (named !== undefined) return PREDEFINED[named] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return isXmlChar(code) ? String.fromCodePoint(code) : whole;
  });
}

/** XML attribute-value normalisation: literal tabs and newlines read as spaces (&#10; stays a newline). */
export function decodeAttribute(raw: string): string {
  return decodeReferences(/[\t\n\r]/.test(raw) ? raw.replace(/[\t\n\r]/g, ' ') : raw);
}

/**
 * Copies a string so it no longer points into the document it was cut from: V8 keeps substrings
 * as views of their parent, and one kept test name would otherwise pin a 20 MB report in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Caps text at `max` chars (never splitting a surrogate pair) and returns a detached copy. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return detach(s);
  let end = Math.max(0, max);
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return detach(`${s.slice(0, end)}… [truncated ${s.length - end} chars]`);
}

/** Drops leading blank lines and trailing whitespace, keeping the first line's indentation. */
export function trimBlock(s: string): string {
  return s.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d+$/;

/** Reads a `time` attribute in seconds: "1.5", "8.7e-05", "2,503.1", "0,25"; anything else (incl. negative) → undefined. */
export function parseSeconds(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  let s = raw.trim();
  if (THOUSANDS.test(s)) s = s.replaceAll(',', '');
  else if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return n === 0 ? 0 : n; // not -0
}

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column (in code points) of a string index; only used on error paths. */
export function positionAt(text: string, index: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < index; nl = text.indexOf('\n', nl + 1)) {
    line += 1;
    lineStart = nl + 1;
  }
  let column = 1;
  for (let i = lineStart; i < index && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) column += 1;
  }
  return { line, column };
}

/** Line lookup for many indices (one per testcase), built once per document. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
  }

  lineOf(index: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid;
    }
    return lo + 1;
  }
}

/** Shortens a snippet for an error message. */
export function excerpt(s: string, max = 40): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
