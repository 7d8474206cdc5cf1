/**
 * Slack incoming webhook: `{"text", "blocks":[…]}` POSTed to `https://hooks.slack.com/services/…`.
 * `text` is the notification's fallback; the blocks are a `header` (plain text, at most 150
 * characters) and `section`s of mrkdwn text (at most 3000 characters each, at most 50 blocks).
 * mrkdwn is Slack's own markup: `*bold*`, `<url|text>` links, and `&`, `<`, `>` escaped as
 * entities. The answer is HTTP 200 with the text body `ok`; errors are other text bodies
 * (`invalid_payload`, `no_text`, `channel_not_found`, `invalid_blocks` …), mostly with a 4xx status.
 */
import type { Block, Inline, Span } from '../document.ts';
import { oneLine } from '../render/markdown.ts';
import { truncationNote } from './fit.ts';
import { snippet, type ChatPlatformSpec, type JsonObject } from './types.ts';

export const SLACK_SECTION_MAX = 3000;
export const SLACK_HEADER_MAX = 150;
export const SLACK_MAX_BLOCKS = 50;

/** mrkdwn escaping (Slack: "Escaping text"): only &, < and > are control characters. */
export function escapeMrkdwn(value: string): string {
  return oneLine(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function mrkdwnSpan(span: Span): string {
  if ('text' in span) return escapeMrkdwn(span.text);
  if ('code' in span) return `\`${escapeMrkdwn(span.code).replace(/`/g, 'ˋ')}\``;
  if ('strong' in span) return `*${escapeMrkdwn(span.strong)}*`;
  if (!/^https?:\/\//i.test(span.href)) return escapeMrkdwn(span.link);
  // A link's text may not hold `|`; its URL keeps its own characters but not `|` or `>`.
  return `<${span.href.replace(/[|>]/g, encodeURIComponent)}|${escapeMrkdwn(span.link).replace(/\|/g, '¦')}>`;
}

const mrkdwn = (inline: Inline) => inline.map(mrkdwnSpan).join('');

function blockText(b: Block, colon: string): string {
  if (b.type === 'paragraph') return mrkdwn(b.content);
  if (b.type === 'fields') return b.rows.map((row) => `*${escapeMrkdwn(row.label)}*${escapeMrkdwn(colon)}${mrkdwn(row.value)}`).join('\n');
  return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '•'} ${mrkdwn(item)}`).join('\n');
}

/** Texts of at most `max` characters: whole lines together where they fit, a longer line cut. */
function split(textValue: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const lineText of textValue.split('\n')) {
    const candidate = current ? `${current}\n${lineText}` : lineText;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    let rest = lineText;
    while (rest.length > max) {
      out.push(`${rest.slice(0, max - 1)}…`);
      rest = rest.slice(max - 1);
    }
    current = rest;
  }
  if (current) out.push(current);
  return out;
}

const section = (textValue: string): JsonObject => ({ type: 'section', text: { type: 'mrkdwn', text: textValue } });

export const slack: ChatPlatformSpec = {
  id: 'slack',
  name: 'Slack',
  hosts: ['hooks.slack.com'],
  payload(input) {
    const { doc } = input;
    const title = oneLine(doc.title);
    const header = title.length > SLACK_HEADER_MAX ? `${title.slice(0, SLACK_HEADER_MAX - 1)}…` : title;
    const texts: string[] = [];
    if (doc.lead.length > 0) texts.push(...split(doc.lead.map((b) => blockText(b, doc.colon)).join('\n\n'), SLACK_SECTION_MAX));
    for (const s of doc.sections) {
      const body = [`*${escapeMrkdwn(s.heading)}*`, ...s.blocks.map((b) => blockText(b, doc.colon))].join('\n');
      texts.push(...split(body, SLACK_SECTION_MAX));
    }
    let sections = texts.map(section);
    if (sections.length + 1 > SLACK_MAX_BLOCKS) {
      sections = [...sections.slice(0, SLACK_MAX_BLOCKS - 2), { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(truncationNote(input)) }] }];
    }
    return { text: title, blocks: [{ type: 'header', text: { type: 'plain_text', text: header } }, ...sections] };
  },
  bodyError(body) {
    return body.trim() === 'ok' ? undefined : snippet(body) || '(empty answer)';
  },
};
