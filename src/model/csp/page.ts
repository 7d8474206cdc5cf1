/**
 * The Content-Security-Policy of one built page: what the page holds that the policy governs
 * (read with the tokenizer-exact scanner of src/model/html/scan.ts, as a browser reads it),
 * the last touches after Astro wrote the policy (`finalizePolicy`), and the build check that
 * every page has a policy that lets its own scripts and styles run and blocks everything else
 * (`checkPagePolicy`). Both run on every page of a build, so they scan rather than build a
 * DOM; test/unit/csp/page.test.ts compares the facts with a walk of parse5's tree.
 */
import { createHash } from 'node:crypto';
import { attributeOf, LineCounter, normalizeNewlines, scanHtml, type HtmlVisitor, type ScannedTag } from '../html/scan.ts';
import { CSP_DIRECTIVES, DIAGRAM_STYLE_SOURCES, FORBIDDEN_SCRIPT_SOURCES, formatPolicy, hashesOf, parsePolicy, type Policy } from './policy.ts';

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
/** Start tags the tree builder puts into `<head>` (before `<body>`, also after `</head>`); any other start tag, or text, opens the body. */
const HEAD_CONTENT = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'noscript', 'script', 'style', 'template', 'title']);
const NOT_WHITESPACE = /[^\t\n\f\r ]/;

/** Offsets in the facts are in `normalizeNewlines(html)`. */
export function readCspFacts(html: string): PageCspFacts {
  return readFacts(normalizeNewlines(html));
}

function readFacts(text: string): PageCspFacts {
  const { facts, visitor } = cspFactsVisitor(text, new LineCounter(text));
  scanHtml(text, visitor);
  return facts;
}

/**
 * The policy facts as a scanner visitor, for a caller that reads other facts of the page in
 * the same pass (the build verifier: src/model/verify/html.ts). `text` is newline-normalised.
 */
export function cspFactsVisitor(text: string, lines: LineCounter): { facts: PageCspFacts; visitor: HtmlVisitor } {
  const facts: PageCspFacts = {
    metas: [], beforePolicy: [], insertAt: undefined, inlineScripts: [], inlineStyles: [], styleAttributes: [], eventHandlers: [], javascriptUrls: [], drawsDiagrams: false,
  };
  let headSeen = false;
  let inBody = false;
  /** `<template>` elements open inside `<head>`: their content belongs to the head. */
  let headTemplates = 0;
  const visitor: HtmlVisitor = {
    startTag(tag) {
      let inHead = false;
      if (headTemplates > 0) inHead = true;
      else if (!inBody) {
        if (tag.name === 'head' && !headSeen) {
          headSeen = true;
          facts.insertAt ??= tag.end;
        } else if (HEAD_CONTENT.has(tag.name)) {
          headSeen = true;
          inHead = true;
        } else if (tag.name !== 'html' && tag.name !== 'head') {
          inBody = true;
        }
      }
      if (inHead && tag.name === 'template') headTemplates += 1;
      visit(tag, inHead, text, lines, facts);
    },
    endTag(name) {
      if (name === 'template' && headTemplates > 0) headTemplates -= 1;
    },
    text(from, to) {
      if (!inBody && headTemplates === 0 && NOT_WHITESPACE.test(text.slice(from, to))) inBody = true;
    },
  };
  return { facts, visitor };
}

function classes(value: string | undefined): string[] {
  return (value ?? '').split(/[\t\n\f\r ]+/).filter(Boolean);
}

/** The text of a script or style: up to its end tag (in SVG, where it is not raw text, up to the next `</script` or `</style`). */
function elementText(tag: ScannedTag, text: string): string {
  if (tag.textEnd !== undefined) return text.slice(tag.end, tag.textEnd);
  const close = text.indexOf(`</${tag.name}`, tag.end);
  return text.slice(tag.end, close === -1 ? text.length : close);
}

function visit(tag: ScannedTag, inHead: boolean, text: string, lines: LineCounter, facts: PageCspFacts): void {
  const { name, attrs } = tag;
  const attr = (attribute: string) => attributeOf(attrs, attribute, false);
  let line: number | undefined;
  const lineOf = () => (line ??= lines.lineOf(tag.start));
  if (name === 'meta' && inHead && attr('charset') !== undefined) facts.insertAt = tag.end;
  if (name === 'meta' && attr('http-equiv')?.toLowerCase() === 'content-security-policy') {
    facts.metas.push({ content: attr('content') ?? '', inHead, line: lineOf(), start: tag.start, end: tag.end });
  }
  if ((name === 'script' || name === 'style' || name === 'link') && facts.metas.length === 0) {
    const what = attr('src') ?? attr('href');
    facts.beforePolicy.push(`<${name}${what ? ` ${name === 'script' ? 'src' : 'href'}="${what}"` : ''}> (line ${lineOf()})`);
  }
  if (name === 'script' && attr('src') === undefined && JS_TYPES.has((attr('type') ?? '').trim().toLowerCase())) {
    facts.inlineScripts.push({ text: elementText(tag, text), line: lineOf() });
  }
  if (name === 'style') facts.inlineStyles.push({ text: elementText(tag, text), line: lineOf() });
  if (name === 'figure' && attr('data-diagram') !== undefined) facts.drawsDiagrams = true;
  if (name === 'pre' && attr('data-language') === 'mermaid') facts.drawsDiagrams = true;
  if (name === 'code' && classes(attr('class')).includes('language-mermaid')) facts.drawsDiagrams = true;
  for (const { name: attribute, value } of attrs) {
    if (attribute === 'style') facts.styleAttributes.push({ value, element: name, line: lineOf() });
    if (/^on[a-z]+$/i.test(attribute)) facts.eventHandlers.push({ attribute, element: name, line: lineOf() });
    if (URL_ATTRIBUTES.has(attribute) && /^[\t\n\f\r ]*javascript:/i.test(value.replace(/[\t\n\r]/g, ''))) facts.javascriptUrls.push({ attribute, element: name, line: lineOf() });
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
export function finalizePolicy(page: string): string {
  // Offsets are in the newline-normalised text; a page with CR LF comes back with LF.
  const html = normalizeNewlines(page);
  const facts = readFacts(html);
  if (facts.metas.length !== 1 || facts.insertAt === undefined) return page;
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
  return policyFactsProblems(readCspFacts(html));
}

/** checkPagePolicy on facts already read (cspFactsVisitor). */
export function policyFactsProblems(facts: PageCspFacts): string[] {
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
