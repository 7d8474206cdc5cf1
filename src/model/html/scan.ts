/**
 * A scanner for built HTML pages that follows the WHATWG tokenizer for exactly what the build
 * checks need — tag names, attribute names and values (quoted or bare, duplicates dropped,
 * names lowercased), comments, doctypes and bogus comments, CDATA in SVG/MathML, the raw-text
 * elements (script with its escaped states, style, textarea, title, …) and the switches into
 * and out of foreign content — and skips the text between tags with `indexOf`. A build has
 * tens of thousands of pages: building a parse5 tree of each took ~20 s at 1,000 releases for
 * one reader; this reads them in about a second. A tag whose attributes hold a character
 * reference (`&amp;`) or a NUL is read again by parse5's own tokenizer, so values are decoded
 * as a browser decodes them. Readers: the link check (src/model/verify/html.ts) and the
 * Content-Security-Policy of a page (src/model/csp/page.ts); their tests compare what they
 * read with a walk of parse5's tree.
 */
import { foreignContent, html as HTML, Tokenizer, type Token, type TokenHandler } from 'parse5';

/** HTML elements whose content the tokenizer reads as text up to their end tag. */
const RAW_TEXT: Readonly<Record<string, 'rcdata' | 'rawtext' | 'script' | 'plaintext'>> = {
  title: 'rcdata',
  textarea: 'rcdata',
  script: 'script',
  plaintext: 'plaintext',
  style: 'rawtext',
  iframe: 'rawtext',
  xmp: 'rawtext',
  noembed: 'rawtext',
  noframes: 'rawtext',
  noscript: 'rawtext', // scripting enabled, as a browser and parse5's default read it
};

export type Attribute = Token.Attribute;

interface Tag {
  name: string;
  attrs: Attribute[];
  selfClosing: boolean;
  /** Index just after the tag's `>`. */
  end: number;
}

/** A start tag as the tree builder will see it. */
export interface ScannedTag {
  /** Lowercased; SVG names adjusted (`foreignObject`), `image` read as `img` in HTML. */
  name: string;
  /** Decoded values; a repeated attribute keeps its first value. */
  attrs: readonly Attribute[];
  /** In SVG or MathML (not at an HTML integration point). */
  foreign: boolean;
  /** Index of the tag's `<`. */
  start: number;
  /** Index just after the tag's `>`. */
  end: number;
  /** For an element read as raw text (script, style, title, …): where its text ends (its end tag's `<`, or the end of the page). */
  textEnd?: number;
}

/** What a reader of the scan is told, in document order. */
export interface HtmlVisitor {
  startTag(tag: ScannedTag): void;
  endTag?(name: string): void;
  /** Text between markup (`from` inclusive, `to` exclusive); comments, doctypes and raw-text contents are not text here. */
  text?(from: number, to: number): void;
}

/** Two visitors fed by one scan, each getting every callback it has (a page read once for two sets of facts). */
export function bothVisitors(a: HtmlVisitor, b: HtmlVisitor): HtmlVisitor {
  return {
    startTag(tag) {
      a.startTag(tag);
      b.startTag(tag);
    },
    endTag(name) {
      a.endTag?.(name);
      b.endTag?.(name);
    },
    text(from, to) {
      a.text?.(from, to);
      b.text?.(from, to);
    },
  };
}

// A frozen object, not a const enum: the verifier's threads load this file with Node's own
// type stripping, which has no enums.
const Char = Object.freeze({
  Tab: 0x09,
  LineFeed: 0x0a,
  FormFeed: 0x0c,
  Space: 0x20,
  Bang: 0x21,
  DoubleQuote: 0x22,
  Ampersand: 0x26,
  SingleQuote: 0x27,
  Dash: 0x2d,
  Slash: 0x2f,
  LessThan: 0x3c,
  Equals: 0x3d,
  GreaterThan: 0x3e,
  Question: 0x3f,
});

const isWhitespace = (c: number) => c === Char.Space || c === Char.LineFeed || c === Char.Tab || c === Char.FormFeed;
const isAlpha = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** Where a tag name or attribute name ends. */
const endsName = (c: number) => isWhitespace(c) || c === Char.Slash || c === Char.GreaterThan;

/** The input stream's newline normalisation (CR LF and CR become LF): offsets and lines of a scan are in this text. */
export function normalizeNewlines(source: string): string {
  return source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
}

/** Scans `text` (already through normalizeNewlines) and tells `visitor` its tags and text. */
export function scanHtml(text: string, visitor: HtmlVisitor): void {
  new Scanner(text, visitor).run();
}

/** 1-based line numbers of indexes in a text, for indexes asked in increasing order. */
export class LineCounter {
  private line = 1;
  private counted = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  lineOf(at: number): number {
    let nl = this.text.indexOf('\n', this.counted);
    while (nl !== -1 && nl < at) {
      this.line += 1;
      nl = this.text.indexOf('\n', nl + 1);
    }
    this.counted = Math.max(this.counted, at);
    return this.line;
  }
}

class Scanner {
  /** Namespaces from the document down to the current one (parse5-sax-parser's feedback simulation). */
  private readonly namespaces: HTML.NS[] = [HTML.NS.HTML];
  private readonly text: string;
  private readonly visitor: HtmlVisitor;

  constructor(text: string, visitor: HtmlVisitor) {
    this.text = text;
    this.visitor = visitor;
  }

  run(): void {
    const { text, visitor } = this;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const lt = text.indexOf('<', i);
      if (lt === -1) {
        visitor.text?.(i, n);
        break;
      }
      if (lt > i) visitor.text?.(i, lt);
      const c = text.charCodeAt(lt + 1);
      if (isAlpha(c)) {
        i = this.startTag(lt);
      } else if (c === Char.Slash) {
        const next = text.charCodeAt(lt + 2);
        if (isAlpha(next)) i = this.endTag(lt);
        else if (next === Char.GreaterThan) i = lt + 3; // `</>` is dropped
        else if (lt + 2 >= n) {
          visitor.text?.(lt, n); // `</` at the end is text
          break;
        }
        else i = this.skipPast('>', lt + 2); // bogus comment
      } else if (c === Char.Bang) {
        i = this.markupDeclaration(lt);
      } else if (c === Char.Question) {
        i = this.skipPast('>', lt + 2); // bogus comment
      } else {
        visitor.text?.(lt, lt + 1); // a `<` that starts nothing is text
        i = lt + 1;
      }
    }
  }

  private get inForeignContent(): boolean {
    return this.namespaces[this.namespaces.length - 1] !== HTML.NS.HTML;
  }

  /** Index just after the next `needle` at or after `from`; the end of the text when there is none. */
  private skipPast(needle: string, from: number): number {
    const at = this.text.indexOf(needle, from);
    return at === -1 ? this.text.length : at + needle.length;
  }

  /** `<!--…-->`, `<!DOCTYPE …>`, `<![CDATA[…]]>` (foreign content only), or a bogus comment. */
  private markupDeclaration(lt: number): number {
    const { text } = this;
    if (text.startsWith('--', lt + 2)) return this.commentEnd(lt + 4);
    if (this.inForeignContent && text.startsWith('[CDATA[', lt + 2)) return this.skipPast(']]>', lt + 9);
    return this.skipPast('>', lt + 2); // a doctype ends at its first `>` too
  }

  /** Where a comment whose text starts at `start` ends: `-->` or `--!>`, or the abrupt `<!-->` and `<!--->`. */
  private commentEnd(start: number): number {
    const { text } = this;
    if (text.charCodeAt(start) === Char.GreaterThan) return start + 1;
    if (text.charCodeAt(start) === Char.Dash && text.charCodeAt(start + 1) === Char.GreaterThan) return start + 2;
    let from = start;
    for (;;) {
      const dashes = text.indexOf('--', from);
      if (dashes === -1) return text.length;
      let after = dashes + 2;
      while (text.charCodeAt(after) === Char.Dash) after += 1;
      if (text.charCodeAt(after) === Char.GreaterThan) return after + 1;
      if (text.charCodeAt(after) === Char.Bang && text.charCodeAt(after + 1) === Char.GreaterThan) return after + 2;
      from = dashes + 1;
    }
  }

  private startTag(lt: number): number {
    const tag = this.readTag(lt, true);
    if (!tag) return this.text.length; // a tag cut off by the end of the page is never emitted
    let name = tag.name;
    if (name === 'svg') this.namespaces.push(HTML.NS.SVG);
    else if (name === 'math') this.namespaces.push(HTML.NS.MATHML);
    let rawText: (typeof RAW_TEXT)[string] | undefined;
    let foreign = this.inForeignContent;
    if (foreign) {
      const token = tokenOf(name, tag);
      if (foreignContent.causesExit(token)) {
        this.namespaces.pop(); // an HTML element: the tree builder leaves the SVG or MathML first
        foreign = false;
      } else {
        const ns = this.namespaces[this.namespaces.length - 1]!;
        if (ns === HTML.NS.SVG) name = foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(name) ?? name;
        if (!tag.selfClosing && foreignContent.isIntegrationPoint(HTML.getTagID(name), ns, tag.attrs)) this.namespaces.push(HTML.NS.HTML);
        // `<svg/>` and `<math/>` are closed at once.
        if (tag.selfClosing && (name === 'svg' || name === 'math')) this.namespaces.pop();
      }
    } else {
      if (name === 'image') name = 'img'; // as the tree builder renames it
      rawText = RAW_TEXT[name];
    }
    const scanned: ScannedTag = { name, attrs: tag.attrs, foreign, start: lt, end: tag.end };
    if (!rawText) {
      this.visitor.startTag(scanned);
      return tag.end;
    }
    scanned.textEnd = rawText === 'plaintext' ? this.text.length : rawText === 'script' ? this.scriptEnd(tag.end) : this.rawTextEnd(name, tag.end);
    this.visitor.startTag(scanned);
    return scanned.textEnd;
  }

  private endTag(lt: number): number {
    const tag = this.readTag(lt + 1, false);
    if (!tag) return this.text.length;
    this.visitor.endTag?.(tag.name);
    const depth = this.namespaces.length;
    if (!this.inForeignContent) {
      // Leaving an HTML integration point (`</foreignObject>`) returns to its foreign namespace.
      const previous = depth > 1 ? this.namespaces[depth - 2]! : undefined;
      if (previous !== undefined) {
        const name = previous === HTML.NS.SVG ? (foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(tag.name) ?? tag.name) : tag.name;
        if (foreignContent.isIntegrationPoint(HTML.getTagID(name), previous, tag.attrs)) this.namespaces.pop();
      }
    } else {
      const current = this.namespaces[depth - 1];
      if ((tag.name === 'svg' && current === HTML.NS.SVG) || (tag.name === 'math' && current === HTML.NS.MATHML)) this.namespaces.pop();
    }
    return tag.end;
  }

  /**
   * Reads the tag whose name starts at `lt + 1` (`lt` is its `<`, or for an end tag the `/`).
   * Undefined when the page ends inside it. Follows the tokenizer's tag, attribute and
   * self-closing states.
   */
  private readTag(lt: number, isStart: boolean): Tag | undefined {
    const { text } = this;
    const n = text.length;
    let i = lt + 1;
    while (i < n && !endsName(text.charCodeAt(i))) i += 1;
    const name = text.slice(lt + 1, i).toLowerCase();
    const attrs: Attribute[] = [];
    let selfClosing = false;
    let needsTokenizer = name.includes('\0');
    for (;;) {
      while (i < n && isWhitespace(text.charCodeAt(i))) i += 1;
      if (i >= n) return undefined;
      let c = text.charCodeAt(i);
      if (c === Char.GreaterThan) {
        i += 1;
        break;
      }
      if (c === Char.Slash) {
        i += 1;
        if (text.charCodeAt(i) === Char.GreaterThan) {
          selfClosing = true;
          i += 1;
          break;
        }
        continue; // unexpected solidus: read on as before an attribute name
      }
      // Attribute name: its first character may be `=`; it ends at whitespace, `/`, `>` or `=`.
      const nameStart = i;
      i += 1;
      while (i < n) {
        c = text.charCodeAt(i);
        if (endsName(c) || c === Char.Equals) break;
        i += 1;
      }
      const attrName = text.slice(nameStart, i).toLowerCase();
      while (i < n && isWhitespace(text.charCodeAt(i))) i += 1;
      if (i >= n) return undefined;
      if (text.charCodeAt(i) !== Char.Equals) {
        addAttribute(attrs, attrName, '');
        continue;
      }
      i += 1;
      while (i < n && isWhitespace(text.charCodeAt(i))) i += 1;
      if (i >= n) return undefined;
      c = text.charCodeAt(i);
      let value: string;
      if (c === Char.DoubleQuote || c === Char.SingleQuote) {
        const close = text.indexOf(c === Char.DoubleQuote ? '"' : "'", i + 1);
        if (close === -1) return undefined;
        value = text.slice(i + 1, close);
        i = close + 1;
        // After a quoted value anything but whitespace, `/` or `>` starts the next attribute name.
      } else if (c === Char.GreaterThan) {
        value = ''; // missing attribute value
      } else {
        const start = i;
        while (i < n) {
          c = text.charCodeAt(i);
          if (isWhitespace(c) || c === Char.GreaterThan) break;
          i += 1;
        }
        if (i >= n) return undefined;
        value = text.slice(start, i);
      }
      if (value.includes('&') || value.includes('\0') || attrName.includes('\0')) needsTokenizer = true;
      addAttribute(attrs, attrName, value);
    }
    if (needsTokenizer && isStart) return { ...tokenizeTag(text.slice(lt, i)), end: i };
    return { name, attrs, selfClosing, end: i };
  }

  /** Index of the end tag `</name` that ends an RCDATA or RAWTEXT element (its `<`). */
  private rawTextEnd(name: string, from: number): number {
    let i = from;
    for (;;) {
      const at = this.text.indexOf('</', i);
      if (at === -1) return this.text.length;
      if (this.isEndTagOf(name, at)) return at;
      i = at + 2;
    }
  }

  private isEndTagOf(name: string, lt: number): boolean {
    const { text } = this;
    if (text.charCodeAt(lt) !== Char.LessThan || text.charCodeAt(lt + 1) !== Char.Slash) return false;
    const after = lt + 2 + name.length;
    return after < text.length && text.slice(lt + 2, after).toLowerCase() === name && endsName(text.charCodeAt(after));
  }

  /**
   * Where a script's content ends, with the tokenizer's escaped states: inside `<!--`, a
   * `<script` makes the next `</script>` part of the text, until `-->`.
   */
  private scriptEnd(from: number): number {
    const { text } = this;
    const n = text.length;
    let i = from;
    let state: 'data' | 'escaped' | 'double' = 'data';
    for (;;) {
      if (state === 'data') {
        const lt = text.indexOf('<', i);
        if (lt === -1) return n;
        if (this.isEndTagOf('script', lt)) return lt;
        if (text.startsWith('<!--', lt)) {
          state = 'escaped';
          i = lt + 2; // the dashes of `<!--` can be those of a `-->` (`<!-->`)
        } else {
          i = lt + 1;
        }
        continue;
      }
      const close = text.indexOf('-->', i);
      const lt = text.indexOf('<', i);
      if (close !== -1 && (lt === -1 || close < lt)) {
        state = 'data';
        i = close + 3;
        continue;
      }
      if (lt === -1) return n;
      if (state === 'escaped') {
        if (this.isEndTagOf('script', lt)) return lt;
        const after = lt + 1 + 'script'.length;
        if (text.slice(lt + 1, after).toLowerCase() === 'script' && endsName(text.charCodeAt(after))) {
          state = 'double';
          i = after;
          continue;
        }
      } else if (this.isEndTagOf('script', lt)) {
        state = 'escaped';
        i = lt + 2 + 'script'.length;
        continue;
      }
      i = lt + 1;
    }
  }
}

/** The first attribute `name` (a tag's later duplicates were dropped by the tokenizer). */
function addAttribute(attrs: Attribute[], name: string, value: string): void {
  for (const a of attrs) if (a.name === name) return;
  attrs.push({ name, value });
}

export function attributeOf(attrs: readonly Attribute[], name: string, foreign: boolean): string | undefined {
  for (const a of attrs) if (a.name === name) return a.value;
  // In SVG and MathML, `xlink:href` is the attribute `href` in the XLink namespace.
  if (foreign && name === 'href') for (const a of attrs) if (a.name === 'xlink:href') return a.value;
  return undefined;
}

function tokenOf(name: string, tag: Tag): Token.TagToken {
  return { type: 3, tagName: name, tagID: HTML.getTagID(name), selfClosing: tag.selfClosing, ackSelfClosing: false, attrs: tag.attrs, location: null } as Token.TagToken;
}

/** One start tag read by parse5's tokenizer: character references decoded as a browser decodes them. */
function tokenizeTag(source: string): Omit<Tag, 'end'> {
  let found: Omit<Tag, 'end'> | undefined;
  const ignore = () => {};
  const handler: TokenHandler = {
    onStartTag: (token) => {
      found ??= { name: token.tagName, attrs: token.attrs.map((a) => ({ name: a.name, value: a.value })), selfClosing: token.selfClosing };
    },
    onEndTag: ignore,
    onComment: ignore,
    onDoctype: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  new Tokenizer({}, handler).write(source, true);
  return found ?? { name: '', attrs: [], selfClosing: false };
}
