/** fast-xml-parser setup and accessors for its preserveOrder tree. */
import { XMLParser, type X2jOptions } from 'fast-xml-parser';
import { decodeReferences } from './text.ts';
import { MAX_DEPTH } from './wellformed.ts';

/** One entry of a preserveOrder tree: `{ tag: children, ':@'?: attributes }`, `{ '#text': … }` or `{ '#cdata': […] }`. */
export type XmlNode = Record<string, unknown>;

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Elements whose content the document parser keeps as raw text. fast-xml-parser builds text one
 * character at a time, which took 3 s and 500 MB for a 30 MB system-out; a stop node is one slice.
 */
export const RAW_TEXT_TAGS: ReadonlySet<string> = new Set([
  'system-out',
  'system-err',
  'failure',
  'error',
  'skipped',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
]);

// Entities stay undecoded (decodeReferences does that after the DTD-free check); values stay strings.
const options: X2jOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: CDATA,
  captureMetaData: true,
  jPath: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH + 8,
};

export const documentParser = new XMLParser({ ...options, stopNodes: [...RAW_TEXT_TAGS].map((tag) => `..${tag}`) });
/** For the rare raw-text element that contains elements after all: parses its content fully. */
export const fragmentParser = new XMLParser(options);

/** The element name of a node, or undefined for text and CDATA nodes. */
export function tagOf(node: XmlNode): string | undefined {
  for (const key in node) {
    if (key !== ATTRIBUTES) return key === TEXT || key === CDATA ? undefined : key;
  }
  return undefined;
}

export function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const children = node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

/** Text of a text node (references decoded) or CDATA node (verbatim); undefined for an element. */
export function characterData(node: XmlNode): string | undefined {
  const text = node[TEXT];
  if (typeof text === 'string') return decodeReferences(text);
  return Array.isArray(node[CDATA]) ? rawContentOf(node, CDATA) : undefined;
}

/** Raw (still entity-encoded) attribute value. */
export function rawAttribute(node: XmlNode, name: string): string | undefined {
  const attributes = node[ATTRIBUTES];
  if (typeof attributes !== 'object' || attributes === null || !Object.hasOwn(attributes, name)) return undefined;
  const value: unknown = (attributes as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Index of the node's start tag in the parsed string. */
export function startIndexOf(node: XmlNode): number | undefined {
  const meta: unknown = (node as Record<symbol, unknown>)[METADATA];
  if (typeof meta !== 'object' || meta === null) return undefined;
  const index: unknown = (meta as { startIndex?: unknown }).startIndex;
  return typeof index === 'number' ? index : undefined;
}

/** The raw content kept for a stop node. */
export function rawContentOf(node: XmlNode, tag: string): string {
  const first = childrenOf(node, tag)[0];
  const text = first?.[TEXT];
  return typeof text === 'string' ? text : '';
}

/** Where the markup at `lt` in raw content ends, or -1 if it is an element tag (or unterminated). */
function endOfNonElementMarkup(raw: string, lt: number): number {
  const close = raw.startsWith('<![CDATA[', lt) ? ']]>' : raw.startsWith('<!--', lt) ? '-->' : raw.startsWith('<?', lt) ? '?>' : '';
  if (close === '') return -1;
  const at = raw.indexOf(close, lt + 2);
  return at === -1 ? -1 : at + close.length;
}

/** Whether raw content holds elements (not just text, CDATA, comments and PIs). */
export function hasElementMarkup(raw: string): boolean {
  for (let lt = raw.indexOf('<'); lt !== -1; ) {
    const end = endOfNonElementMarkup(raw, lt);
    if (end === -1) return true;
    lt = raw.indexOf('<', end);
  }
  return false;
}

/** Text of raw content without elements: references decoded, CDATA verbatim, comments and PIs dropped. */
export function rawContentText(raw: string): string {
  if (!raw.includes('<')) return decodeReferences(raw);
  const parts: string[] = [];
  let i = 0;
  for (let lt = raw.indexOf('<'); lt !== -1; lt = raw.indexOf('<', i)) {
    if (lt > i) parts.push(decodeReferences(raw.slice(i, lt)));
    const end = endOfNonElementMarkup(raw, lt);
    if (end === -1) return parts.join('');
    if (raw.startsWith('<![CDATA[', lt)) parts.push(raw.slice(lt + 9, end - 3));
    i = end;
  }
  parts.push(decodeReferences(raw.slice(i)));
  return parts.join('');
}

/** Index just past the `>` of the start tag at `lt`, skipping quoted attribute values. */
export function endOfStartTag(text: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}
