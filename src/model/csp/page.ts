/**
 * The Content-Security-Policy of one built page: what the page holds that the policy governs
 * (read with parse5, as a browser reads it), the last touches after Astro wrote the policy
 * (`finalizePolicy`), and the build check that every page has a policy that lets its own
 * scripts and styles run and blocks everything else (`checkPagePolicy`).
 */
import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { CSP_DIRECTIVES, DIAGRAM_STYLE_SOURCES, FORBIDDEN_SCRIPT_SOURCES, formatPolicy, hashesOf, parsePolicy, type Policy } from './policy.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

interface Located {
  line: number;
}

export interface PolicyMeta extends Located {
  content: string;
  inHead: boolean;
  start: number;
  end: number;
}

export interface PageCspFacts {
  /** Every `<meta http-equiv="content-security-policy">`. */
  metas: PolicyMeta[];
  /** `<script>`, `<style>` and `<link>` elements before the first policy `<meta>` (it does not cover them). */
  beforePolicy: string[];
  /** End offset of `<meta charset>` in `<head>`, else of the `<head>` start tag: where the policy goes. */
  insertAt: number | undefined;
  /** Inline scripts a browser would run (no `src`, a JavaScript or module type). */
  inlineScripts: ({ text: string } & Located)[];
  inlineStyles: ({ text: string } & Located)[];
  /** `style` attributes. */
  styleAttributes: ({ value: string; element: string } & Located)[];
  /** `on…` event handler attributes. */
  eventHandlers: ({ attribute: string; element: string } & Located)[];
  /** `javascript:` URLs in href, src, action or formaction. */
  javascriptUrls: ({ attribute: string; element: string } & Located)[];
  /** The page has a Mermaid diagram for render-diagrams.ts to draw (a Diagram.astro figure or a ```mermaid block). */
  drawsDiagrams: boolean;
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript', 'text/jscript', 'text/livescript', 'application/x-javascript', 'application/x-ecmascript', 'text/x-javascript', 'text/x-ecmascript']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

export function readCspFacts(html: string): PageCspFacts {
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

export function cspHash(text: string, algorithm: 'sha256' | 'sha384' | 'sha512' = 'sha256'): string {
  return `${algorithm}-${createHash(algorithm).update(text, 'utf8').digest('base64')}`;
}

/** Whether `text` (a script, a style, an attribute value) has one of the hashes of `allowed`. */
function hashAllowed(text: string, allowed: ReadonlySet<string>): boolean {
  return (['sha256', 'sha384', 'sha512'] as const).some((algorithm) => allowed.has(cspHash(text, algorithm)));
}

/**
 * The page's policy as the browser should get it, from the one Astro wrote:
 * - moved to the top of `<head>` (right after `<meta charset>`), since a `<meta>` policy
 *   only covers what comes after it and Astro writes it at the end of `<head>`;
 * - on a page that draws Mermaid diagrams, `style-src` allows inline styles
 *   (DIAGRAM_STYLE_SOURCES, see there why); every other page keeps Astro's `'self'` + hashes.
 * A page without exactly one policy `<meta>` is returned as it is, for the check to report.
 */
export function finalizePolicy(html: string): string {
  const facts = readCspFacts(html);
  if (facts.metas.length !== 1 || facts.insertAt === undefined) return html;
  const meta = facts.metas[0]!;
  const policy = parsePolicy(meta.content);
  if (facts.drawsDiagrams) policy.set('style-src', [...DIAGRAM_STYLE_SOURCES]);
  const tag = `<meta http-equiv="content-security-policy" content="${escapeAttribute(formatPolicy(policy))}">`;
  // Drop the old <meta> with the line break and indentation before it, then insert the new one.
  let start = meta.start;
  while (start > 0 && /[\t ]/.test(html[start - 1]!)) start -= 1;
  if (start > 0 && html[start - 1] === '\n') start -= 1;
  const without = html.slice(0, start) + html.slice(meta.end);
  const at = facts.insertAt <= start ? facts.insertAt : facts.insertAt - (meta.end - start);
  return `${without.slice(0, at)}\n    ${tag}${without.slice(at)}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Why the page's policy is missing, misplaced, too loose, or would block something the page
 * itself needs; empty when all is well. Each message says what to do.
 */
export function checkPagePolicy(html: string): string[] {
  const facts = readCspFacts(html);
  const problems: string[] = [];
  if (facts.metas.length === 0) {
    return ['has no Content-Security-Policy <meta> (security.csp in astro.config.mjs writes one into every page with a <head>: render the page through Base.astro)'];
  }
  if (facts.metas.length > 1) problems.push(`has ${facts.metas.length} Content-Security-Policy <meta> elements (lines ${facts.metas.map((m) => m.line).join(', ')}); browsers enforce every one: keep one`);
  const meta = facts.metas[0]!;
  if (!meta.inHead) problems.push(`its Content-Security-Policy <meta> (line ${meta.line}) is outside <head>, where browsers ignore it`);
  for (const element of facts.beforePolicy) problems.push(`${element} comes before the Content-Security-Policy <meta>, so the policy does not cover it`);
  const policy = parsePolicy(meta.content);
  problems.push(...policyProblems(policy, facts.drawsDiagrams));

  const scriptHashes = hashesOf(policy.get('script-src-elem') ?? policy.get('script-src'));
  for (const script of facts.inlineScripts) {
    if (!hashAllowed(script.text, scriptHashes)) {
      problems.push(`inline <script> at line ${script.line} has no hash in script-src, so browsers will not run it: use a bundled <script> in a component (Astro hashes those) or a file in public/`);
    }
  }
  for (const handler of facts.eventHandlers) {
    problems.push(`${handler.attribute}="…" on <${handler.element}> at line ${handler.line} is an inline event handler, which the policy blocks: add the listener from a bundled <script>`);
  }
  for (const url of facts.javascriptUrls) {
    problems.push(`${url.attribute}="javascript:…" on <${url.element}> at line ${url.line} is blocked by the policy: add a listener from a bundled <script>`);
  }
  const styleSources = policy.get('style-src-elem') ?? policy.get('style-src') ?? [];
  const styleHashes = hashesOf(styleSources);
  if (!styleSources.includes("'unsafe-inline'")) {
    for (const style of facts.inlineStyles) {
      if (!hashAllowed(style.text, styleHashes)) {
        problems.push(`inline <style> at line ${style.line} has no hash in style-src, so browsers will not apply it: put the CSS in a component's <style> block or a stylesheet`);
      }
    }
  }
  const attrSources = policy.get('style-src-attr') ?? policy.get('style-src') ?? [];
  if (!attrSources.includes("'unsafe-inline'")) {
    const attrHashes = attrSources.includes("'unsafe-hashes'") ? hashesOf(attrSources) : new Set<string>();
    for (const style of facts.styleAttributes) {
      if (!hashAllowed(style.value, attrHashes)) {
        problems.push(`style="${style.value.length > 40 ? `${style.value.slice(0, 40)}…` : style.value}" on <${style.element}> at line ${style.line} is blocked by the policy: style it with a class or a data- attribute in a <style> block`);
      }
    }
  }
  return problems;
}

/** What is wrong with the policy itself: a directive of CSP_DIRECTIVES changed or missing, script sources that let injected markup run, inline styles off a diagram page. */
export function policyProblems(policy: Policy, drawsDiagrams: boolean): string[] {
  const problems: string[] = [];
  for (const directive of CSP_DIRECTIVES) {
    const [name, ...sources] = directive.split(' ');
    const actual = policy.get(name!);
    if (!actual || actual.join(' ') !== sources.join(' ')) problems.push(`its policy should have \`${directive}\`, has ${actual ? `\`${[name, ...actual].join(' ')}\`` : 'none'}`);
  }
  if (!policy.has('script-src')) problems.push('its policy has no script-src');
  for (const name of ['default-src', 'script-src', 'script-src-elem', 'script-src-attr']) {
    const loose = (policy.get(name) ?? []).filter((s) => (FORBIDDEN_SCRIPT_SOURCES as readonly string[]).includes(s.toLowerCase()));
    if (loose.length > 0) problems.push(`its ${name} allows ${loose.join(' ')}, which lets injected markup run script`);
  }
  const inlineStyles = ['style-src', 'style-src-elem', 'style-src-attr'].some((name) => policy.get(name)?.includes("'unsafe-inline'"));
  if (inlineStyles && !drawsDiagrams) problems.push("its style-src allows 'unsafe-inline' but the page draws no diagram: only diagram pages need inline styles");
  return problems;
}
