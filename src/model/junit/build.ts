/** Builds the JUnit model from a parsed, well-formed document tree. */
import type { JUnitCase, JUnitSuite, JUnitTotals } from './types.ts';
import { addCase, classify, DECIDING_TAG, emptyTotals } from './classify.ts';
import { capText, decodeAttribute, detach, LineIndex, parseSeconds, trimBlock } from './text.ts';
import {
  characterData,
  childrenOf,
  endOfStartTag,
  fragmentParser,
  hasElementMarkup,
  rawAttribute,
  rawContentOf,
  rawContentText,
  RAW_TEXT_TAGS,
  startIndexOf,
  tagOf,
  type XmlNode,
} from './tree.ts';

interface Context {
  suite: JUnitSuite | undefined;
  path: string[];
  /** True for nodes from the document parser, whose RAW_TEXT_TAGS hold unparsed content. */
  rawTextNodes: boolean;
  /** Added to parser indices to get document indices (non-zero inside a re-parsed fragment). */
  offset: number;
}

interface Expanded {
  children: XmlNode[];
  ctx: Context;
  /** Unparsed content of a raw-text element that holds no elements. */
  raw?: string;
}

const FRAGMENT_OPEN = '<x>';

export class ReportBuilder {
  readonly suites: JUnitSuite[] = [];
  readonly totals: JUnitTotals = emptyTotals();
  private stray: JUnitSuite | undefined;
  private readonly lines: LineIndex;
  /** Re-parsed fragments, so a node visited twice (for text, then for nested testcases) is parsed once. */
  private readonly fragments = new WeakMap<XmlNode, Expanded>();

  private readonly text: string;
  private readonly maxTextChars: number;
  private readonly strayName: string;

  constructor(text: string, maxTextChars: number, strayName: string) {
    this.text = text;
    this.maxTextChars = maxTextChars;
    this.strayName = strayName;
    this.lines = new LineIndex(text);
  }

  static readonly topContext: Context = { suite: undefined, path: [], rawTextNodes: true, offset: 0 };

  /** Visits elements in document order, at any depth: every <testcase> counts once. */
  walk(nodes: readonly XmlNode[], ctx: Context): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === undefined) continue;
      if (tag === 'testsuite') this.addSuite(node, ctx);
      else if (tag === 'testcase') this.addCase(node, ctx);
      else {
        const inner = this.expand(node, tag, ctx);
        this.walk(inner.children, inner.ctx);
      }
    }
  }

  addSuite(node: XmlNode, ctx: Context): JUnitSuite {
    const inner = this.expand(node, 'testsuite', ctx);
    const suite: JUnitSuite = {
      name: this.attribute(node, 'name') ?? '',
      path: [...ctx.path],
      properties: {},
      totals: emptyTotals(),
      cases: [],
    };
    const time = parseSeconds(this.attribute(node, 'time'));
    if (time !== undefined) suite.time = time;
    const timestamp = this.attribute(node, 'timestamp');
    if (timestamp !== undefined) suite.timestamp = timestamp;
    const hostname = this.attribute(node, 'hostname');
    if (hostname !== undefined) suite.hostname = hostname;
    this.suites.push(suite);

    const properties = new Map<string, string>();
    for (const child of inner.children) {
      if (tagOf(child) === 'properties') this.collectProperties(child, inner.ctx, properties);
    }
    suite.properties = Object.fromEntries(properties);
    const systemOut = this.joinedText(inner.children, 'system-out', inner.ctx);
    if (systemOut !== undefined) suite.systemOut = systemOut;
    const systemErr = this.joinedText(inner.children, 'system-err', inner.ctx);
    if (systemErr !== undefined) suite.systemErr = systemErr;

    this.walk(inner.children, { ...inner.ctx, suite, path: [...ctx.path, suite.name] });
    return suite;
  }

  private addCase(node: XmlNode, ctx: Context): void {
    const inner = this.expand(node, 'testcase', ctx);
    const kids = inner.children;
    const { status, flaky } = classify(kids.map(tagOf).filter((tag) => tag !== undefined));
    const c: JUnitCase = { name: this.attribute(node, 'name') ?? '', status, flaky };
    const classname = this.attribute(node, 'classname');
    if (classname !== undefined) c.classname = classname;
    const time = parseSeconds(this.attribute(node, 'time'));
    if (time !== undefined) c.time = time;

    if (status !== 'passed') {
      const deciding = kids.filter((kid) => tagOf(kid) === DECIDING_TAG[status]);
      const first = deciding[0];
      const message = first && this.attribute(first, 'message', true);
      if (message !== undefined) c.message = message;
      const type = first && this.attribute(first, 'type');
      if (type !== undefined) c.type = type;
      const text = this.joinedText(kids, DECIDING_TAG[status], inner.ctx);
      if (text !== undefined) c.text = text;
    }
    const systemOut = this.joinedText(kids, 'system-out', inner.ctx);
    if (systemOut !== undefined) c.systemOut = systemOut;
    const systemErr = this.joinedText(kids, 'system-err', inner.ctx);
    if (systemErr !== undefined) c.systemErr = systemErr;
    const start = startIndexOf(node);
    if (start !== undefined) c.line = this.lines.lineOf(start + ctx.offset);

    const suite = ctx.suite ?? this.straySuite();
    suite.cases.push(c);
    addCase(suite.totals, c);
    addCase(this.totals, c);
    // A testcase inside a testcase still counts (spec: "at any depth").
    this.walk(kids, inner.ctx);
  }

  /** Testcases outside every <testsuite> share one synthetic suite, placed where the first appears. */
  private straySuite(): JUnitSuite {
    if (!this.stray) {
      this.stray = { name: this.strayName, path: [], properties: {}, totals: emptyTotals(), cases: [] };
      this.suites.push(this.stray);
    }
    return this.stray;
  }

  private collectProperties(node: XmlNode, ctx: Context, into: Map<string, string>): void {
    for (const property of this.expand(node, 'properties', ctx).children) {
      if (tagOf(property) !== 'property') continue;
      const name = this.attribute(property, 'name');
      if (name === undefined || into.has(name)) continue; // first definition wins
      const value =
        this.attribute(property, 'value', true) ?? trimBlock(this.textOf([property], ctx)).trim();
      into.set(name, capText(value, this.maxTextChars));
    }
  }

  /** Text of all `tag` children joined by blank lines, trimmed and capped; undefined if there is none. */
  private joinedText(kids: readonly XmlNode[], tag: string, ctx: Context): string | undefined {
    const texts: string[] = [];
    for (const kid of kids) {
      if (tagOf(kid) !== tag) continue;
      const text = trimBlock(this.textOf([kid], ctx));
      if (text !== '') texts.push(text);
    }
    return texts.length === 0 ? undefined : capText(texts.join('\n\n'), this.maxTextChars);
  }

  private textOf(nodes: readonly XmlNode[], ctx: Context): string {
    const parts: string[] = [];
    for (const node of nodes) {
      const data = characterData(node);
      if (data !== undefined) {
        parts.push(data);
        continue;
      }
      const tag = tagOf(node);
      if (tag === undefined) continue;
      const inner = this.expand(node, tag, ctx);
      parts.push(inner.raw !== undefined ? rawContentText(inner.raw) : this.textOf(inner.children, inner.ctx));
    }
    return parts.join('');
  }

  /**
   * Children of an element. A raw-text element normally holds only text; if it holds elements
   * (a <testcase> inside <system-out> would still count), its content is parsed as a fragment.
   */
  private expand(node: XmlNode, tag: string, ctx: Context): Expanded {
    if (!ctx.rawTextNodes || !RAW_TEXT_TAGS.has(tag)) return { children: childrenOf(node, tag), ctx };
    const raw = rawContentOf(node, tag);
    if (!hasElementMarkup(raw)) return { children: [], ctx, raw };
    const known = this.fragments.get(node);
    if (known) return known;
    const start = (startIndexOf(node) ?? 0) + ctx.offset;
    const parsed: unknown = fragmentParser.parse(`${FRAGMENT_OPEN}${raw}</x>`);
    const wrapper = Array.isArray(parsed) ? (parsed[0] as XmlNode | undefined) : undefined;
    const expanded: Expanded = {
      children: wrapper ? childrenOf(wrapper, 'x') : [],
      ctx: { ...ctx, rawTextNodes: false, offset: endOfStartTag(this.text, start) - FRAGMENT_OPEN.length },
    };
    this.fragments.set(node, expanded);
    return expanded;
  }

  private attribute(node: XmlNode, name: string, capped = false): string | undefined {
    const raw = rawAttribute(node, name);
    if (raw === undefined) return undefined;
    const value = decodeAttribute(raw);
    return capped ? capText(value, this.maxTextChars) : detach(value);
  }
}

