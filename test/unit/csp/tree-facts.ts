/**
 * The Content-Security-Policy facts of a page read from parse5's tree — what a browser builds —
 * as src/model/csp/page.ts read them before it used the scanner. The reference its tests
 * compare the scanner with.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { PageCspFacts } from '../../../src/model/csp/page.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript', 'text/jscript', 'text/livescript', 'application/x-javascript', 'application/x-ecmascript', 'text/x-javascript', 'text/x-ecmascript']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

export function treeCspFacts(html: string): PageCspFacts {
  const facts: PageCspFacts = {
    metas: [], beforePolicy: [], insertAt: undefined, inlineScripts: [], inlineStyles: [], styleAttributes: [], eventHandlers: [], javascriptUrls: [], drawsDiagrams: false,
  };
  const document = parse(html, { sourceCodeLocationInfo: true });
  // Iterative, in document order.
  const stack: { node: Node; inHead: boolean }[] = [{ node: document, inHead: false }];
  while (stack.length > 0) {
    const { node, inHead } = stack.pop()!;
    if ('tagName' in node) visit(node, inHead, facts);
    const childInHead = inHead || ('tagName' in node && node.tagName === 'head');
    const children: Node[] = [];
    if ('content' in node) children.push(node.content);
    if ('childNodes' in node) children.push(...node.childNodes);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, inHead: childInHead });
  }
  return facts;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name && !a.prefix)?.value;
}

function classes(element: Element): string[] {
  return (attr(element, 'class') ?? '').split(/[\t\n\f\r ]+/).filter(Boolean);
}

function text(element: Element): string {
  return element.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : '')).join('');
}

function visit(element: Element, inHead: boolean, facts: PageCspFacts): void {
  const tag = element.tagName;
  const location = element.sourceCodeLocation;
  const line = location?.startLine ?? 1;
  if (tag === 'head' && facts.insertAt === undefined && location?.startTag) facts.insertAt = location.startTag.endOffset;
  if (tag === 'meta' && inHead && attr(element, 'charset') !== undefined && location) facts.insertAt = location.endOffset;
  if (tag === 'meta' && attr(element, 'http-equiv')?.toLowerCase() === 'content-security-policy') {
    facts.metas.push({ content: attr(element, 'content') ?? '', inHead, line, start: location?.startOffset ?? 0, end: location?.endOffset ?? 0 });
  }
  if ((tag === 'script' || tag === 'style' || tag === 'link') && facts.metas.length === 0) {
    const what = attr(element, 'src') ?? attr(element, 'href');
    facts.beforePolicy.push(`<${tag}${what ? ` ${tag === 'script' ? 'src' : 'href'}="${what}"` : ''}> (line ${line})`);
  }
  if (tag === 'script' && attr(element, 'src') === undefined && JS_TYPES.has((attr(element, 'type') ?? '').trim().toLowerCase())) {
    facts.inlineScripts.push({ text: text(element), line });
  }
  if (tag === 'style') facts.inlineStyles.push({ text: text(element), line });
  if (tag === 'figure' && attr(element, 'data-diagram') !== undefined) facts.drawsDiagrams = true;
  if (tag === 'pre' && attr(element, 'data-language') === 'mermaid') facts.drawsDiagrams = true;
  if (tag === 'code' && classes(element).includes('language-mermaid')) facts.drawsDiagrams = true;
  for (const { name, value, prefix } of element.attrs) {
    const full = prefix ? `${prefix}:${name}` : name;
    if (full === 'style') facts.styleAttributes.push({ value, element: tag, line });
    if (/^on[a-z]+$/i.test(full)) facts.eventHandlers.push({ attribute: full, element: tag, line });
    if (URL_ATTRIBUTES.has(full) && /^[\t\n\f\r ]*javascript:/i.test(value.replace(/[\t\n\r]/g, ''))) facts.javascriptUrls.push({ attribute: full, element: tag, line });
  }
}
