/**
 * The spec's body rules: raw HTML limited to a safe allowlist (no <script>, no on*
 * attributes, no <iframe>/<object>/<embed>), and link or image targets only http:,
 * https:, mailto: or relative. Code (fenced blocks, inline code) is text, not HTML, and
 * is skipped. In .mdx, capitalised tags are the portal's own components.
 */
import type { AnyRecord } from '../content.ts';
import type { RuleContext } from './context.ts';

const ALLOWED_TAGS = new Set(
  ('a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp section small source span strong ' +
    'sub summary sup table tbody td tfoot th thead time tr u ul var wbr').split(' '),
);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'xlink:href', 'cite', 'background']);

export interface BodyFinding {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

export function checkBodies(ctx: RuleContext): void {
  const records: AnyRecord[] = [
    ...ctx.content.processes.values(),
    ...ctx.content.releases,
    ...ctx.content.testReports,
    ...ctx.content.retrospectives,
  ];
  for (const record of records) {
    for (const f of scanBody(record.body, record.format === 'mdx')) {
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

/** Findings with 1-based line (within the body) and column. */
export function scanBody(body: string, mdx: boolean): BodyFinding[] {
  const findings: BodyFinding[] = [];
  const lines = body.split('\n');
  let fence: string | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      return;
    }
    const text = blankInlineCode(raw);
    for (const tag of text.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
      const name = tag[2]!;
      const column = (tag.index ?? 0) + 1;
      if (mdx && /^[A-Z]/.test(name)) continue;
      if (!tag[1] && /^[a-z][a-z0-9+.-]*:/i.test(name + tag[3]!) && !tag[3]!.includes(' ')) {
        checkTarget(`${name}${tag[3]!}`, line, column, findings); // autolink <https://…>
        continue;
      }
      if (tag[1]) continue; // a closing tag: its opening tag was already judged
      if (!ALLOWED_TAGS.has(name.toLowerCase())) {
        findings.push({ line, column, message: `raw HTML <${name}> is not allowed in a record body`, hint: 'use Markdown, or a tag such as <details>, <table>, <span>' });
        continue;
      }
      for (const attr of tag[3]!.matchAll(/([^\s=/"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
        const attrName = attr[1]!.toLowerCase();
        if (attrName.startsWith('on')) {
          findings.push({ line, column, message: `event attribute ${attr[1]} on <${name}> is not allowed`, hint: 'record bodies carry no scripts' });
        } else if (URL_ATTRIBUTES.has(attrName) && attr[2]) {
          checkTarget(attr[2].replace(/^["']|["']$/g, ''), line, column, findings);
        }
      }
    }
    for (const link of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)/g)) {
      checkTarget(link[1]!, line, (link.index ?? 0) + 1, findings);
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/.exec(text);
    if (definition) checkTarget(definition[1]!, line, 1, findings);
  });
  return findings;
}

function checkTarget(target: string, line: number, column: number, findings: BodyFinding[]): void {
  // Browsers ignore tabs, newlines and leading blanks inside schemes (`java\tscript:`).
  const cleaned = decodeEntities(target).replace(/[\s\u0000-\u001f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme && !SAFE_SCHEMES.has(scheme)) {
    findings.push({ line, column, message: `link target with scheme ${scheme}: is not allowed`, hint: 'use http:, https:, mailto: or a relative path' });
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');
}

/** Replaces inline code spans with spaces so columns stay right and code is not scanned. */
function blankInlineCode(line: string): string {
  return line.replace(/(`+)([\s\S]*?)\1/g, (m) => ' '.repeat(m.length));
}
