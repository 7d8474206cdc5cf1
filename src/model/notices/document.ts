/**
 * A notice as a structured document: a title, a lead and sections of paragraphs, field lists
 * and lists of inline spans. The message modules (release notes, formal notice, baseline
 * notice) build one from a record; the renderers (Markdown, plain text, HTML e-mail, each chat
 * platform) write it out, each escaping record text for its own format. Record text is never
 * markup here: a span's text is what the reader sees, whatever characters it holds.
 */
import type { Locale } from '../../i18n/index.ts';

export type Span =
  | { text: string }
  /** Code, ids, versions, file names: monospace where the format has it. */
  | { code: string }
  | { strong: string }
  /** A link: `href` is an absolute http(s) URL from the record or the site's baseUrl. */
  | { link: string; href: string };

export type Inline = readonly Span[];

export type Block =
  | { type: 'paragraph'; content: Inline }
  /** Label–value pairs (version, branch, who ran a script …). */
  | { type: 'fields'; rows: readonly { label: string; value: Inline }[] }
  | { type: 'list'; ordered: boolean; items: readonly Inline[] };

export interface Section {
  /** Stable id for the page's anchors (`version`, `changes`, `notes-changes` …). */
  id: string;
  heading: string;
  /** 2 for a section of the message, 3 for a section nested in another (the notes in the formal notice). */
  level: 2 | 3;
  blocks: readonly Block[];
}

/** The messages of the reference process: 发布说明, 正式发布通知, 发布基线通知. */
export const NOTICE_KINDS = ['notes', 'formal', 'baseline'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeDocument {
  kind: NoticeKind;
  locale: Locale;
  /** The release it is about (`service@version`). */
  release: string;
  title: string;
  /** How a field's label is joined to its value in this locale (`：` / `: `). */
  colon: string;
  /** Paragraphs before the first section (addressees, the announcement itself). */
  lead: readonly Block[];
  sections: readonly Section[];
}

export const text = (value: string): Span => ({ text: value });
export const code = (value: string): Span => ({ code: value });
export const strong = (value: string): Span => ({ strong: value });
export const link = (value: string, href: string): Span => ({ link: value, href });
export const paragraph = (...content: Span[]): Block => ({ type: 'paragraph', content });

/** The text a reader sees of some spans, without any markup. */
export function plainOf(inline: Inline): string {
  return inline.map(spanText).join('');
}

export function spanText(span: Span): string {
  if ('text' in span) return span.text;
  if ('code' in span) return span.code;
  if ('strong' in span) return span.strong;
  return span.link;
}

/** `items` joined by `separator` as spans (`a、b、c`). */
export function joined(items: readonly Inline[], separator: string): Span[] {
  return items.flatMap((item, i) => (i === 0 ? [...item] : [text(separator), ...item]));
}
