/**
 * A notice as plain text: the `.txt` file next to each notice page, the plain part of the
 * copied e-mail body, and what a chat without markup shows. Headings are underlined to their
 * width on screen (a Chinese character is two columns wide); a link reads `text (url)`.
 */
import type { Block, Inline, NoticeDocument, Section, Span } from '../document.ts';
import { oneLine } from './markdown.ts';

/** Columns a string takes in a monospace font: East Asian wide and fullwidth characters count two. */
export function displayWidth(value: string): number {
  let width = 0;
  for (const char of value) {
    const cp = char.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export function textSpan(span: Span): string {
  if ('text' in span) return oneLine(span.text);
  if ('code' in span) return oneLine(span.code);
  if ('strong' in span) return oneLine(span.strong);
  return span.link === span.href ? span.href : `${oneLine(span.link)} (${span.href})`;
}

export function textInline(inline: Inline): string {
  return inline.map(textSpan).join('');
}

function block(b: Block, colon: string): string {
  if (b.type === 'paragraph') return textInline(b.content);
  if (b.type === 'fields') return b.rows.map((row) => `${oneLine(row.label)}${colon}${textInline(row.value)}`).join('\n');
  return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${textInline(item)}`).join('\n');
}

const underline = (heading: string, char: string) => `${heading}\n${char.repeat(Math.max(3, displayWidth(heading)))}`;

export function textSection(section: Section, colon: string): string[] {
  const heading = oneLine(section.heading);
  return [underline(heading, section.level === 2 ? '-' : '·'), ...section.blocks.map((b) => block(b, colon))];
}

export function textChunks(doc: NoticeDocument): string[] {
  return [underline(oneLine(doc.title), '='), ...doc.lead.map((b) => block(b, doc.colon)), ...doc.sections.flatMap((s) => textSection(s, doc.colon))];
}

export function renderText(doc: NoticeDocument): string {
  return `${textChunks(doc).join('\n\n')}\n`;
}
