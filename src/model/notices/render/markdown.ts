/**
 * A notice as Markdown (CommonMark): the `.md` file next to each notice page, what the copy
 * button copies, and the body of the DingTalk and WeCom markdown messages. Record text is
 * escaped, so a title such as `<script>` or `**x**` reads as written instead of becoming markup.
 */
import type { Block, Inline, NoticeDocument, Section, Span } from '../document.ts';

/** Backslash-escapes the characters that are Markdown syntax inside a line. */
export function escapeMarkdown(value: string): string {
  return oneLine(value)
    .replace(/[\\`*[\]<>~|]/g, (c) => `\\${c}`)
    // An underscore inside a word (`card_no_enc`) is never emphasis: only one at a word's edge is escaped.
    .replace(/_/g, (c, i: number, all: string) => (/[\p{L}\p{N}]/u.test(all[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(all[i + 1] ?? '') ? c : `\\${c}`))
    // `&amp;` would read as `&`: an entity-like ampersand is escaped.
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/^(#{1,6}|>|[+-]|\d+[.)])(?=\s|$)/, (m) => m.replace(/[#>+\-.)]/g, (c) => `\\${c}`));
}

/** Record text is one line; a stray line break would start a new block. */
export function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A code span that holds any text: a fence longer than the longest run of backticks inside. */
export function codeSpan(value: string): string {
  const v = oneLine(value);
  const longest = Math.max(0, ...(v.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = v.startsWith('`') || v.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${v}${pad}${fence}`;
}

/** An http(s) URL as a link destination: the characters that would end it are percent-encoded. */
export function linkTarget(href: string): string {
  return href.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

export interface MarkdownOptions {
  /** Write code as a code span (CommonMark, WeCom) or as escaped text (DingTalk's markdown has no code spans). */
  codeSpans?: boolean;
}

export function markdownSpan(span: Span, options: MarkdownOptions = {}): string {
  if ('text' in span) return escapeMarkdown(span.text);
  if ('code' in span) return options.codeSpans === false ? escapeMarkdown(span.code) : codeSpan(span.code);
  if ('strong' in span) return `**${escapeMarkdown(span.strong)}**`;
  return /^https?:\/\//i.test(span.href) ? `[${escapeMarkdown(span.link)}](${linkTarget(span.href)})` : escapeMarkdown(span.link);
}

export function markdownInline(inline: Inline, options: MarkdownOptions = {}): string {
  return inline.map((span) => markdownSpan(span, options)).join('');
}

function block(b: Block, colon: string, options: MarkdownOptions): string {
  if (b.type === 'paragraph') return markdownInline(b.content, options);
  if (b.type === 'fields') return b.rows.map((row) => `- **${escapeMarkdown(row.label)}**${escapeMarkdown(colon)}${markdownInline(row.value, options)}`).join('\n');
  return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${markdownInline(item, options)}`).join('\n');
}

/** Each paragraph, list and heading as one chunk; chunks are joined by a blank line. */
export function markdownChunks(doc: NoticeDocument, options: MarkdownOptions = {}): string[] {
  const section = (s: Section) => [`${'#'.repeat(s.level)} ${escapeMarkdown(s.heading)}`, ...s.blocks.map((b) => block(b, doc.colon, options))];
  return [`# ${escapeMarkdown(doc.title)}`, ...doc.lead.map((b) => block(b, doc.colon, options)), ...doc.sections.flatMap(section)];
}

export function renderMarkdown(doc: NoticeDocument): string {
  return `${markdownChunks(doc).join('\n\n')}\n`;
}
