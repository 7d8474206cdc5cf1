/**
 * The spec's body rules: raw HTML limited to a safe allowlist (no <script>, no on*
 * attributes, no <iframe>/<object>/<embed>), and link or image targets only http:,
 * https:, mailto: or relative.
 *
 * Bodies are parsed with Sätteri, the very Markdown/MDX parser Astro renders them with
 * (@astrojs/markdown-satteri, same features), so what counts as code, raw HTML or a link
 * here is exactly what the build renders: a line-by-line scanner disagreed with the
 * renderer on fences (an opening fence whose info string holds a backtick, a fence that
 * ends with its list item) and let raw HTML through as "code". Then:
 * - code (fenced, indented, inline) is text, never checked;
 * - raw HTML (`html` nodes, .md only) is read the way a browser's tokenizer reads it
 *   (tag names, attribute names and quoted or bare values; character references decoded),
 *   and a tag left open (no `>`) is itself an error, since it would swallow the markup the
 *   page puts after it into its attributes;
 * - link, image and definition targets (autolinks and reference-style links included)
 *   come already decoded from the parser;
 * - a Markdown image with a relative path is a file Astro reads and publishes: it must be
 *   inside the content folder (no `../` escape, no link out), exist, and be a picture.
 *
 * MDX is code (spec: "MDX compiles to code, so treat it as code"): `import`/`export` and
 * `{…}` expressions are allowed and not inspected — an .mdx record is reviewed like code.
 * Only the HTML rules apply to its JSX: a lowercase element is HTML (allowlist, no on*
 * attributes, no `{...spread}` that could carry one, literal URL values checked); a
 * capitalised or dotted name is a portal component, whose literal URL props are checked.
 */
import path from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { AnyRecord } from '../content.ts';
import { checkContentFile } from '../source/files.ts';
import type { RuleContext } from './context.ts';

const ALLOWED_TAGS = new Set(
  ('a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp section small source span strong ' +
    'sub summary sup table tbody td tfoot th thead time tr u ul var wbr').split(' '),
);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
/** Attributes holding a URL (lowercased; `xlinkhref` is JSX's spelling of xlink:href). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'xlinkhref', 'cite', 'background', 'data', 'ping']);
/** Attributes holding a comma-separated list of `URL descriptor` candidates. */
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);
/** The Markdown features Astro renders with (markdown.gfm and smartypants at their defaults). */
const FEATURES = { gfm: true, smartPunctuation: true } as const;

const HINT_TAG = 'use Markdown, or a tag such as <details>, <table>, <span>';
const HINT_EVENT = 'record bodies carry no scripts';
const HINT_SCHEME = 'use http:, https:, mailto: or a relative path';
const HINT_IMAGE = 'an image path is read relative to this record: keep images in the content folder, e.g. under attachments/';

export interface BodyFinding {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

export async function checkBodies(ctx: RuleContext): Promise<void> {
  const records: AnyRecord[] = [
    ...ctx.content.processes.values(),
    ...ctx.content.releases,
    ...ctx.content.testReports,
    ...ctx.content.retrospectives,
  ];
  for (const record of records) {
    const { findings, localImages } = scan(record.body, record.format === 'mdx');
    for (const image of localImages) {
      const problem = await checkLocalImage(ctx.content.root, record.file, image.url);
      if (problem) findings.push({ line: image.line, column: image.column, message: problem, hint: HINT_IMAGE });
    }
    for (const f of findings) {
      ctx.problems.push({
        file: record.file,
        line: record.bodyLine + f.line - 1,
        column: f.column,
        field: 'body',
        message: f.message,
        ...(f.hint ? { hint: f.hint } : {}),
      });
    }
  }
}

/**
 * Astro reads a Markdown image with a relative path (`![x](../img/a.png)`) from disk,
 * relative to the record, and publishes it: such a path must stay inside the content
 * folder (spec: nothing outside it is read) and name an existing file.
 */
async function checkLocalImage(root: string, recordFile: string, url: string): Promise<string | undefined> {
  const file = url.replace(/[?#].*$/, '');
  const written = path.posix.normalize(path.posix.join(path.posix.dirname(recordFile), file));
  if (written === '..' || written.startsWith('../') || path.posix.isAbsolute(written)) {
    return `image ${url} is outside the content folder`;
  }
  const check = await checkContentFile(root, written);
  if (!check.ok) return `image ${url}: ${check.message}`;
  // Anything else ends up as a broken <img> on the page, without a build error.
  if (!IMAGE_EXTENSIONS.test(file)) return `image ${url} is not a picture Astro can publish (avif, gif, jpeg, jpg, png, svg, tiff, webp)`;
  return undefined;
}

const IMAGE_EXTENSIONS = /\.(avif|gif|jpe?g|png|svg|tiff?|webp)$/i;

/** The parts of Sätteri's mdast this rule reads (a loose view: the parser is the source of truth). */
interface BodyNode {
  type: string;
  position?: { start: { line: number; column: number } };
  children?: BodyNode[];
  value?: string;
  url?: string;
  name?: string | null;
  identifier?: string;
  attributes?: JsxAttribute[];
}
interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** A Markdown image Astro will read from disk: its path as Astro decodes it, and where it is written. */
export interface LocalImage {
  url: string;
  line: number;
  column: number;
}

/** Findings with 1-based line (within the body) and column (UTF-16 units, as editors count). */
export function scanBody(body: string, mdx: boolean): BodyFinding[] {
  return scan(body, mdx).findings;
}

/**
 * Whether a body could give a finding at all. In Markdown only raw HTML, autolinks and
 * bracketed links, images and definitions can, and each needs a `<` or a `]`; GFM's bare
 * autolinks (`www.…`, `https://…`, `a@b.c`) give only http(s) and mailto: targets, save
 * `xmpp:`. A body with none of these, and not nested too deep, is left unparsed: the parse
 * was a sixth of `check`. An .mdx body is always parsed (its syntax errors are findings too).
 */
export function mayFind(body: string, mdx: boolean): boolean {
  return mdx || MAY_FIND.test(body) || tooDeep(body) !== undefined;
}
const MAY_FIND = /[<\]]|xmpp:/i;

/** The findings, and the local images to check against the content folder. */
export function scan(body: string, mdx: boolean): { findings: BodyFinding[]; localImages: LocalImage[] } {
  return mayFind(body, mdx) ? parseAndScan(body, mdx) : { findings: [], localImages: [] };
}

/** scan without the shortcut: every body parsed. */
export function parseAndScan(body: string, mdx: boolean): { findings: BodyFinding[]; localImages: LocalImage[] } {
  const findings: BodyFinding[] = [];
  const localImages: LocalImage[] = [];
  const result = { findings, localImages };
  const deep = tooDeep(body);
  if (deep) {
    // The renderer takes time quadratic in this nesting (500,000 `> ` took minutes): refused, not rendered.
    findings.push({ ...deep, message: `body nests block quotes or lists more than ${MAX_CONTAINER_PREFIX} columns deep`, hint: 'no record needs that many levels' });
    return result;
  }
  if (mdx) {
    const constructs = (body.match(/<[A-Za-z/>]|\{/g) ?? []).length;
    if (constructs > MAX_MDX_CONSTRUCTS) {
      // Sätteri's MDX parser, which Astro compiles .mdx with too, takes time quadratic in these
      // (20,000 `<a>x</a>` paragraphs took 48 s): refused before either runs.
      findings.push({
        line: 1,
        column: 1,
        message: `body has ${constructs} tags and {expressions}; an .mdx body may have at most ${MAX_MDX_CONSTRUCTS}`,
        hint: 'MDX compiles each one to code: write long content as .md, or move long code samples into attachments/',
      });
      return result;
    }
  }
  let tree: BodyNode;
  try {
    tree = (mdx ? mdxToMdast(body, { features: FEATURES }) : markdownToMdast(body, { features: FEATURES })) as unknown as BodyNode;
  } catch (error) {
    // An MDX syntax error (Astro would fail on it too) or, fail-closed, anything the parser refuses.
    const raw = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+):\s*/.exec(raw);
    const message = raw.slice(at?.[0].length ?? 0).replace(/ \(\d+:\d+\)/g, '').replace(/ \([a-z-]+:[a-z-]+\)$/, '').trim();
    findings.push({
      line: at ? Number(at[1]) : 1,
      column: at ? Number(at[2]) : 1,
      message: `body is not valid ${mdx ? 'MDX' : 'Markdown'}: ${message}`,
      ...(mdx ? { hint: 'MDX is stricter than Markdown: close every tag, escape { and < as \\{ and &lt;, or rename the file to .md' } : {}),
    });
    return result;
  }
  // Depth-first, in document order, without recursion (a body may nest thousands of levels deep).
  const definitions = new Map<string, string>();
  const images: { node: BodyNode; reference?: string }[] = [];
  const stack: BodyNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url ?? '');
    if (node.type === 'image') images.push({ node });
    if (node.type === 'imageReference' && node.identifier !== undefined) images.push({ node, reference: node.identifier });
    if (visit(node, findings)) for (let i = (node.children?.length ?? 0) - 1; i >= 0; i -= 1) stack.push(node.children![i]!);
  }
  for (const { node, reference } of images) {
    const raw = reference === undefined ? node.url : definitions.get(reference);
    const url = localImagePath(raw);
    if (url !== undefined) localImages.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  }
  return result;
}

/** The path Astro reads a Markdown image from (its collect-images step), or undefined for a URL or a site path. */
function localImagePath(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url = raw;
  try {
    url = decodeURI(raw);
  } catch {
    // Astro's decodeURI would throw and fail the build; check the path as written
  }
  return URL.canParse(url) || url.startsWith('/') ? undefined : url;
}

/** Most `<tag`, `</`, `<>` and `{` an .mdx body may hold (counted everywhere, code included: a cheap, sure bound). */
export const MAX_MDX_CONSTRUCTS = 5000;

/** Widest line start of block quote markers, list markers and indentation a body may have. */
export const MAX_CONTAINER_PREFIX = 256;

/** The first line whose container prefix (`>`, `-`, `*`, `+`, `1.`, `1)` and blanks) is wider than MAX_CONTAINER_PREFIX. */
function tooDeep(body: string): { line: number; column: number } | undefined {
  let line = 1;
  let i = 0;
  while (i < body.length) {
    const lineStart = i;
    for (;;) {
      const c = body[i];
      if (c === ' ' || c === '\t' || c === '>') i += 1;
      else if ((c === '-' || c === '*' || c === '+') && (body[i + 1] === ' ' || body[i + 1] === '\t')) i += 1;
      else if (c !== undefined && c >= '0' && c <= '9') {
        let j = i;
        while (body[j] !== undefined && body[j]! >= '0' && body[j]! <= '9') j += 1;
        if ((body[j] === '.' || body[j] === ')') && (body[j + 1] === ' ' || body[j + 1] === '\t')) i = j + 1;
        else break;
      } else break;
      if (i - lineStart > MAX_CONTAINER_PREFIX) return { line, column: 1 };
    }
    const newline = body.indexOf('\n', i);
    if (newline === -1) break;
    i = newline + 1;
    line += 1;
  }
  return undefined;
}

/** Checks one node; returns whether its children are to be visited. */
function visit(node: BodyNode, findings: BodyFinding[]): boolean {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  switch (node.type) {
    case 'code':
    case 'inlineCode':
    case 'yaml':
    case 'toml':
    case 'math':
    case 'inlineMath':
      return false; // text, rendered escaped
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return false; // MDX is code (see the header): not inspected
    case 'html':
      for (const f of scanRawHtml(node.value ?? '')) {
        findings.push({ ...f, line: line + f.line - 1, column: f.line === 1 ? column + f.column - 1 : f.column });
      }
      return false;
    case 'link':
    case 'image':
    case 'definition':
      checkTarget(node.url ?? '', line, column, findings);
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkJsx(node, line, column, findings);
      break;
  }
  return true;
}

/** A JSX element of an .mdx body: HTML rules for lowercase (HTML) elements, URL props for components. */
function checkJsx(node: BodyNode, line: number, column: number, findings: BodyFinding[]): void {
  const name = node.name;
  if (!name) return; // a fragment <>…</>
  const isHtml = /^[a-z]/.test(name) && !name.includes('.');
  if (isHtml && !ALLOWED_TAGS.has(name)) {
    findings.push({ line, column, message: `raw HTML <${name}> is not allowed in a record body`, hint: HINT_TAG });
    return;
  }
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute' || attr.name === undefined) {
      if (isHtml) {
        findings.push({ line, column, message: `a {...spread} of attributes on <${name}> cannot be checked`, hint: 'write the attributes out' });
      }
      continue;
    }
    const attrName = attr.name.toLowerCase();
    if (isHtml && attrName.startsWith('on')) {
      findings.push({ line, column, message: `event attribute ${attr.name} on <${name}> is not allowed`, hint: HINT_EVENT });
      continue;
    }
    const value = literalValue(attr.value);
    if (value === undefined) continue; // an expression: code
    if (URL_ATTRIBUTES.has(attrName)) checkTarget(value, line, column, findings);
    else if (SRCSET_ATTRIBUTES.has(attrName)) for (const url of srcsetUrls(value)) checkTarget(url, line, column, findings);
  }
}

/** A JSX attribute's value when it is a literal: `"x"`, `{"x"}`, `{'x'}` or `` {`x`} `` without `${`. */
function literalValue(value: JsxAttribute['value']): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return undefined;
  const literal = /^\s*(["'`])([\s\S]*)\1\s*$/.exec(value.value);
  if (!literal || (literal[1] === '`' && literal[2]!.includes('${'))) return undefined;
  return literal[2]!.replace(/\\(.)/g, '$1');
}

/**
 * Raw HTML read as a browser's tokenizer reads it (WHATWG HTML "13.2.5 Tokenization", data,
 * tag and attribute states): `<` + ASCII letter starts a tag; attribute names run to
 * whitespace, `/`, `>` or `=`; values are "…", '…' or bare up to whitespace or `>`. Comments
 * and `<!…>`/`<?…>` are skipped. Positions are 1-based within `html`.
 */
export function scanRawHtml(html: string): BodyFinding[] {
  const findings: BodyFinding[] = [];
  const lineStarts = [0];
  for (let nl = html.indexOf('\n'); nl !== -1; nl = html.indexOf('\n', nl + 1)) lineStarts.push(nl + 1);
  const at = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid;
    }
    return { line: lo + 1, column: index - lineStarts[lo]! + 1 };
  };
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  const isAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);
  const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    const start = i;
    if (html.startsWith('<!--', i)) {
      // Also `<!-->` and `<!--->`, which close at once.
      const abrupt = /^<!--->?/.exec(html.slice(i, i + 5))?.[0];
      if (abrupt && abrupt.endsWith('>')) {
        i += abrupt.length;
        continue;
      }
      const close = /--!?>/g;
      close.lastIndex = i + 4;
      const end = close.exec(html);
      if (!end) {
        findings.push({ ...at(start), message: 'an HTML comment <!-- is not closed with -->', hint: 'it would hide the rest of the page' });
        return findings;
      }
      i = end.index + end[0].length;
      continue;
    }
    const next = html[i + 1];
    if (next === '!' || next === '?' || (next === '/' && !isAlpha(html[i + 2]))) {
      const end = html.indexOf('>', i + 2);
      if (end === -1) {
        findings.push({ ...at(start), message: `raw HTML ${html.slice(i, i + 2)}… is not closed with >`, hint: HINT_TAG });
        return findings;
      }
      i = end + 1;
      continue;
    }
    const closing = next === '/';
    let j = closing ? i + 2 : i + 1;
    if (!isAlpha(html[j])) {
      i += 1; // a literal "<"
      continue;
    }
    const nameStart = j;
    while (j < html.length && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>') j += 1;
    const name = lower(html.slice(nameStart, j));
    const tagFindings: BodyFinding[] = [];
    const where = at(start);
    if (!closing && !ALLOWED_TAGS.has(name)) {
      tagFindings.push({ ...where, message: `raw HTML <${name}> is not allowed in a record body`, hint: HINT_TAG });
    }
    // Attributes, up to the `>` that ends the tag.
    let ended = false;
    while (j < html.length) {
      const c = html[j];
      if (isSpace(c) || c === '/') {
        j += 1;
        continue;
      }
      if (c === '>') {
        ended = true;
        j += 1;
        break;
      }
      const attrStart = j;
      j += 1; // the first character may be `=`
      while (j < html.length && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j += 1;
      const attrName = lower(html.slice(attrStart, j));
      while (isSpace(html[j])) j += 1;
      let value: string | undefined;
      if (html[j] === '=') {
        j += 1;
        while (isSpace(html[j])) j += 1;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, j + 1);
          if (close === -1) {
            j = html.length;
            break;
          }
          value = html.slice(j + 1, close);
          j = close + 1;
        } else if (quote !== '>') {
          const valueStart = j;
          while (j < html.length && !isSpace(html[j]) && html[j] !== '>') j += 1;
          value = html.slice(valueStart, j);
        }
      }
      if (closing) continue; // attributes of an end tag are ignored by browsers
      if (attrName.startsWith('on')) {
        tagFindings.push({ ...where, message: `event attribute ${html.slice(attrStart, attrStart + attrName.length)} on <${name}> is not allowed`, hint: HINT_EVENT });
      } else if (value !== undefined && URL_ATTRIBUTES.has(attrName)) {
        checkTarget(decodeCharacterReferences(value), where.line, where.column, tagFindings);
      } else if (value !== undefined && SRCSET_ATTRIBUTES.has(attrName)) {
        for (const url of srcsetUrls(decodeCharacterReferences(value))) checkTarget(url, where.line, where.column, tagFindings);
      }
    }
    findings.push(...tagFindings);
    if (!ended) {
      findings.push({ ...where, message: `raw HTML <${closing ? '/' : ''}${name}> is not closed with >`, hint: 'an unclosed tag takes the page markup after it as its attributes' });
      return findings;
    }
    i = j;
  }
  return findings;
}

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

function checkTarget(target: string, line: number, column: number, findings: BodyFinding[]): void {
  // The URL parser drops leading C0 controls and spaces and every tab or newline (`java\tscript:`);
  // dropping all whitespace and controls is stricter still.
  const cleaned = target.replace(/[\s\u0000-\u001f\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme && !SAFE_SCHEMES.has(scheme)) {
    findings.push({ line, column, message: `link target with scheme ${scheme}: is not allowed`, hint: HINT_SCHEME });
  }
}

/** Numeric character references and the named ones that can spell a scheme (`&colon;`, `&Tab;`, `&NewLine;`). */
function decodeCharacterReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => fromCode(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => fromCode(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');
}

function fromCode(code: number): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
}
