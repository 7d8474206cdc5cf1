/**
 * What the link check needs from one built HTML page: the ids a `#fragment` can target and
 * every URL the page links to or loads. Read with parse5 — the WHATWG-conformant parser
 * jsdom is built on (installed with it; see the report of this change) — so attributes are
 * found as a browser finds them, whatever the quoting, entities or markup around them.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export interface PageLink {
  /** The attribute as written in the page (`href`, `src`, `srcset`, `content` of a refresh). */
  attribute: string;
  element: string;
  /** The URL, entities decoded, surrounding whitespace removed. */
  url: string;
  /** 1-based line of the element in the page. */
  line: number;
}

export interface PageFacts {
  /** `id` attributes, and `name` of `<a>` (both are fragment targets). */
  ids: Set<string>;
  links: PageLink[];
  /** The page's `<base href>`, when it has one. */
  base?: string;
}

/** Attributes holding one URL, by element (`*`: any element). */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  use: ['href'],
  image: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  source: ['src'],
  track: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  input: ['src'],
  object: ['data'],
  form: ['action'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};
const SRCSET_ELEMENTS = new Set(['img', 'source']);
const ASCII_WHITESPACE = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export function readPage(html: string): PageFacts {
  const facts: PageFacts = { ids: new Set(), links: [] };
  const document = parse(html, { sourceCodeLocationInfo: true });
  // Iterative: a generated page may nest deeply.
  const stack: Node[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('tagName' in node) visitElement(node, facts);
    if ('content' in node) stack.push(node.content);
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push(node.childNodes[i]!);
  }
  return facts;
}

function visitElement(element: Element, facts: PageFacts): void {
  const attr = (name: string) => element.attrs.find((a) => a.name === name && !a.prefix)?.value ?? element.attrs.find((a) => a.name === name)?.value;
  const line = element.sourceCodeLocation?.startLine ?? 1;
  const tag = element.tagName;
  const id = attr('id');
  if (id !== undefined && id !== '') facts.ids.add(id);
  if (tag === 'a') {
    const name = attr('name');
    if (name !== undefined && name !== '') facts.ids.add(name);
  }
  if (tag === 'base' && facts.base === undefined) {
    const href = attr('href');
    if (href !== undefined) facts.base = href.replace(ASCII_WHITESPACE, '');
  }
  const add = (attribute: string, url: string) => facts.links.push({ attribute, element: tag, url: url.replace(ASCII_WHITESPACE, ''), line });
  for (const name of URL_ATTRIBUTES[tag] ?? []) {
    const value = attr(name);
    if (value !== undefined) add(name, value);
  }
  if (SRCSET_ELEMENTS.has(tag)) {
    const srcset = attr('srcset');
    if (srcset !== undefined) {
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/[\t\n\f\r ]+/)[0];
        if (url) add('srcset', url);
      }
    }
  }
  if (tag === 'meta' && attr('http-equiv')?.toLowerCase() === 'refresh') {
    const target = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+)\1\s*$/i.exec(attr('content') ?? '')?.[2];
    if (target) add('content', target);
  }
}
