/**
 * Strict well-formedness check, run before fast-xml-parser builds the tree.
 *
 * XMLValidator was not enough: it accepts "<" inside attribute values (three corpus files in
 * invalid/), undefined entities, and unclosed CDATA/comments, and reports a truncated file as
 * `Invalid '["testsuites",…]' found` at line 1. This single linear pass covers what expat rejects
 * for a JUnit file and names the place: the parser that follows is lenient and may assume a
 * well-formed document. It also refuses any DOCTYPE, so no entity is ever declared or fetched.
 */
import type { JUnitProblem } from './types.ts';
import { excerpt, isXmlChar, positionAt } from './text.ts';

export const MAX_DEPTH = 256;

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = `[${NAME_START}][${NAME_CHAR}]*`;
const NAME_AT = new RegExp(NAME, 'uy');
const REFERENCE_AT = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const NAMED_REFERENCE_AT = new RegExp(`&(${NAME});`, 'uy');
const FORBIDDEN_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])([^"']*)\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\4)?\s*\?>$/;

export const DOCTYPE_MESSAGE = 'declares a DTD/entities (<!DOCTYPE …>), which Shiplog refuses for safety';

class Rejection extends Error {
  readonly reason: string;
  readonly at: number;
  constructor(reason: string, at: number) {
    super(reason);
    this.reason = reason;
    this.at = at;
  }
}

function malformed(reason: string, at: number): never {
  throw new Rejection(`not well-formed XML: ${reason}`, at);
}

/** Next index of `needle` at or after `from`; remembers the last hit so a whole-document pass stays linear. */
function finder(s: string, needle: string): (from: number) => number {
  let hit = -2;
  return (from) => {
    if (hit !== -1 && hit < from) hit = s.indexOf(needle, from);
    return hit;
  };
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** The document's root element: its name as written (prefix included) and where its start tag begins. */
export interface RootElement {
  name: string;
  at: number;
}

class Scanner {
  private readonly stack: { name: string; at: number }[] = [];
  /** The first element, once seen. */
  root: RootElement | undefined;
  private rootDone = false;
  private readonly nextAmp: (from: number) => number;
  private readonly nextCdataEnd: (from: number) => number;

  private readonly s: string;

  constructor(s: string) {
    this.s = s;
    this.nextAmp = finder(s, '&');
    this.nextCdataEnd = finder(s, ']]>');
  }

  run(): void {
    const s = this.s;
    let i = s.startsWith('<?xml') && isSpace(s.charCodeAt(5)) ? this.declaration() : 0;
    while (i < s.length) {
      const lt = s.indexOf('<', i);
      const end = lt === -1 ? s.length : lt;
      if (end > i) this.text(i, end);
      if (lt === -1) break;
      i = this.markup(lt);
    }
    const open = this.stack.at(-1);
    if (open) {
      const end = positionAt(s, s.length);
      malformed(`unclosed tag <${open.name}>: the file ends (line ${end.line}, column ${end.column}) before </${open.name}> (truncated?)`, open.at);
    }
    if (!this.root) throw new Rejection('not XML: no root element found', s.length);
    const bad = FORBIDDEN_CHAR.exec(s);
    if (bad) {
      const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      malformed(`character U+${code} is not allowed in XML (control characters and lone surrogates cannot appear, even escaped)`, bad.index);
    }
  }

  private declaration(): number {
    const s = this.s;
    const end = s.indexOf('?>');
    if (end === -1) malformed('the XML declaration <?xml … is never closed with "?>"', 0);
    const decl = s.slice(0, end + 2);
    const m = XML_DECLARATION.exec(decl);
    if (!m) malformed(`malformed XML declaration ${excerpt(decl, 80)}`, 0);
    const encoding = m[3];
    if (encoding !== undefined && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(encoding)) {
      malformed(`malformed XML declaration: "${encoding}" is not a valid encoding name`, decl.indexOf(encoding));
    }
    return end + 2;
  }

  private text(from: number, to: number): void {
    const s = this.s;
    if (this.stack.length === 0) {
      const rel = s.slice(from, to).search(/\S/);
      if (rel === -1) return;
      const snippet = excerpt(s.slice(from + rel, Math.min(to, from + rel + 60)));
      if (this.rootDone) malformed(`text "${snippet}" after the end of the root element`, from + rel);
      throw new Rejection(`not XML: text "${snippet}" where the root element should start`, from + rel);
    }
    this.references(from, to);
    const cdataEnd = this.nextCdataEnd(from);
    if (cdataEnd !== -1 && cdataEnd < to) malformed('"]]>" is not allowed in text (outside a CDATA section)', cdataEnd);
  }

  private references(from: number, to: number): void {
    for (let amp = this.nextAmp(from); amp !== -1 && amp < to; amp = this.nextAmp(amp + 1)) this.reference(amp);
  }

  private reference(at: number): void {
    const s = this.s;
    REFERENCE_AT.lastIndex = at;
    const m = REFERENCE_AT.exec(s);
    if (m) {
      if (m[1] !== undefined) return;
      const code = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3] ?? '', 16);
      if (!isXmlChar(code)) malformed(`${m[0]} is not a valid XML character`, at);
      return;
    }
    NAMED_REFERENCE_AT.lastIndex = at;
    const named = NAMED_REFERENCE_AT.exec(s);
    if (named) {
      malformed(`undefined entity ${named[0]} (without a DTD only &lt; &gt; &amp; &quot; &apos; and &#…; exist)`, at);
    }
    malformed('"&" that does not start an entity reference (a literal "&" must be written &amp;)', at);
  }

  private markup(lt: number): number {
    const s = this.s;
    const next = s[lt + 1];
    if (next === '!') {
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        if (end === -1) malformed('unclosed comment: no "-->" before the end of the file', lt);
        return end + 3;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        if (this.stack.length === 0) malformed('CDATA section outside the root element', lt);
        const end = s.indexOf(']]>', lt + 9);
        if (end === -1) malformed('unclosed CDATA section: no "]]>" before the end of the file (truncated?)', lt);
        return end + 3;
      }
      if (/^<!doctype/i.test(s.slice(lt, lt + 9))) throw new Rejection(DOCTYPE_MESSAGE, lt);
      malformed(`unexpected markup "${excerpt(s.slice(lt, lt + 20), 20)}"`, lt);
    }
    if (next === '?') {
      const end = s.indexOf('?>', lt + 2);
      if (end === -1) malformed('unclosed processing instruction: no "?>" before the end of the file', lt);
      NAME_AT.lastIndex = lt + 2;
      const target = NAME_AT.exec(s)?.[0];
      if (target === undefined) malformed('"<?" not followed by a name', lt);
      if (target.toLowerCase() === 'xml') malformed('an XML declaration <?xml …?> is only allowed at the very start of the file', lt);
      return end + 2;
    }
    return next === '/' ? this.endTag(lt) : this.startTag(lt);
  }

  private skipSpace(i: number): number {
    while (isSpace(this.s.charCodeAt(i))) i++;
    return i;
  }

  private endTag(lt: number): number {
    const s = this.s;
    NAME_AT.lastIndex = lt + 2;
    const name = NAME_AT.exec(s)?.[0];
    if (name === undefined) malformed('"</" not followed by a tag name', lt);
    const i = this.skipSpace(NAME_AT.lastIndex);
    if (i >= s.length) malformed(`the file ends inside the end tag </${name}> (truncated?)`, lt);
    if (s[i] !== '>') malformed(`unexpected "${s[i]}" in the end tag </${name}>`, i);
    const open = this.stack.pop();
    if (!open) malformed(`end tag </${name}> without a matching start tag`, lt);
    if (open.name !== name) {
      const { line, column } = positionAt(s, open.at);
      malformed(`end tag </${name}> does not match <${open.name}> opened at line ${line}, column ${column}`, lt);
    }
    if (this.stack.length === 0) this.rootDone = true;
    return i + 1;
  }

  private startTag(lt: number): number {
    const s = this.s;
    NAME_AT.lastIndex = lt + 1;
    const name = NAME_AT.exec(s)?.[0];
    if (name === undefined) malformed('"<" not followed by a tag name (a literal "<" must be written &lt;)', lt);
    if (this.rootDone) malformed(`a second root element <${name}> after the first one ended`, lt);
    if (this.stack.length >= MAX_DEPTH) malformed(`elements nested more than ${MAX_DEPTH} levels deep`, lt);
    this.root ??= { name, at: lt };
    const seen = new Set<string>();
    let i = NAME_AT.lastIndex;
    for (;;) {
      const before = i;
      i = this.skipSpace(i);
      if (i >= s.length) malformed(`the file ends inside the start tag <${name}> (truncated?)`, lt);
      const c = s[i];
      if (c === '>') {
        this.stack.push({ name, at: lt });
        return i + 1;
      }
      if (c === '/') {
        if (s[i + 1] !== '>') malformed(`"/" not followed by ">" in the start tag <${name}>`, i);
        if (this.stack.length === 0) this.rootDone = true;
        return i + 2;
      }
      if (i === before) malformed(`missing space before "${excerpt(s.slice(i, i + 20), 20)}" in the start tag <${name}>`, i);
      NAME_AT.lastIndex = i;
      const attr = NAME_AT.exec(s)?.[0];
      if (attr === undefined) malformed(`unexpected "${c}" in the start tag <${name}>`, i);
      if (seen.has(attr)) malformed(`attribute ${attr} appears twice in <${name}>`, i);
      seen.add(attr);
      i = this.skipSpace(NAME_AT.lastIndex);
      if (s[i] !== '=') malformed(`attribute ${attr} in <${name}> has no value (expected ${attr}="…")`, i);
      i = this.skipSpace(i + 1);
      const quote = s[i];
      if (quote !== '"' && quote !== "'") malformed(`the value of attribute ${attr} in <${name}> is not in quotes`, i);
      const close = s.indexOf(quote, i + 1);
      if (close === -1) malformed(`the file ends inside the value of attribute ${attr} in <${name}> (truncated?)`, i);
      const lessThan = s.slice(i + 1, close).indexOf('<');
      if (lessThan !== -1) {
        malformed(`"<" inside the value of attribute ${attr} in <${name}> (it must be written &lt;)`, i + 1 + lessThan);
      }
      this.references(i + 1, close);
      i = close + 1;
    }
  }
}

/** Why `text` is not a well-formed, DTD-free XML document; else its root element. */
export function scanWellFormed(text: string): { problem: JUnitProblem } | { root: RootElement } {
  const scanner = new Scanner(text);
  try {
    scanner.run();
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    return { problem: { message: error.reason, ...positionAt(text, error.at) } };
  }
  // run() rejects a document without a root element, so one was seen.
  return { root: scanner.root! };
}
