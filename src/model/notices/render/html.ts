/**
 * A notice as an HTML e-mail body: one self-contained document with inline styles (mail
 * clients drop <style> blocks and never load external assets), no scripts, no images, every
 * record text escaped, links only to http(s) URLs. The `.html` file next to each notice page,
 * and what the page's "copy e-mail body" button puts on the clipboard as rich text.
 */
import type { Block, Inline, NoticeDocument, Section, Span } from '../document.ts';
import { oneLine } from './markdown.ts';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const FONT = "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
const MONO = "Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace";
const STYLE = {
  body: 'margin:0;padding:0;background:#f3f5f9;',
  page: `max-width:680px;margin:0 auto;padding:24px 28px;background:#ffffff;color:#1b2230;font-family:${FONT};font-size:15px;line-height:1.6;`,
  h1: 'margin:0 0 16px;font-size:22px;line-height:1.3;color:#1b2230;',
  h2: 'margin:24px 0 8px;padding-bottom:4px;border-bottom:1px solid #d8dde6;font-size:18px;line-height:1.3;color:#1b2230;',
  h3: 'margin:18px 0 6px;font-size:16px;line-height:1.3;color:#1b2230;',
  p: 'margin:0 0 12px;',
  list: 'margin:0 0 12px;padding-left:24px;',
  li: 'margin:0 0 4px;',
  table: 'border-collapse:collapse;margin:0 0 12px;',
  th: 'text-align:left;vertical-align:top;padding:3px 16px 3px 0;color:#4d5666;font-weight:normal;white-space:nowrap;',
  td: 'vertical-align:top;padding:3px 0;',
  code: `font-family:${MONO};font-size:13px;background:#eef1f6;padding:1px 4px;border-radius:3px;`,
  a: 'color:#1a55ad;',
} as const;

export function htmlSpan(span: Span): string {
  if ('text' in span) return escapeHtml(oneLine(span.text));
  if ('code' in span) return `<code style="${STYLE.code}">${escapeHtml(oneLine(span.code))}</code>`;
  if ('strong' in span) return `<strong>${escapeHtml(oneLine(span.strong))}</strong>`;
  if (!/^https?:\/\//i.test(span.href)) return escapeHtml(oneLine(span.link));
  return `<a href="${escapeHtml(span.href)}" style="${STYLE.a}">${escapeHtml(oneLine(span.link))}</a>`;
}

export function htmlInline(inline: Inline): string {
  return inline.map(htmlSpan).join('');
}

function block(b: Block): string {
  if (b.type === 'paragraph') return `<p style="${STYLE.p}">${htmlInline(b.content)}</p>`;
  if (b.type === 'fields') {
    const rows = b.rows.map((row) => `<tr><th scope="row" style="${STYLE.th}">${escapeHtml(oneLine(row.label))}</th><td style="${STYLE.td}">${htmlInline(row.value)}</td></tr>`);
    return `<table role="presentation" style="${STYLE.table}">${rows.join('')}</table>`;
  }
  const tag = b.ordered ? 'ol' : 'ul';
  return `<${tag} style="${STYLE.list}">${b.items.map((item) => `<li style="${STYLE.li}">${htmlInline(item)}</li>`).join('')}</${tag}>`;
}

function section(s: Section): string {
  const tag = s.level === 2 ? 'h2' : 'h3';
  return [`<${tag} style="${STYLE[tag]}">${escapeHtml(oneLine(s.heading))}</${tag}>`, ...s.blocks.map(block)].join('\n');
}

/** The body content alone (what goes inside the page's <div>). */
export function renderHtmlFragment(doc: NoticeDocument): string {
  return [`<h1 style="${STYLE.h1}">${escapeHtml(oneLine(doc.title))}</h1>`, ...doc.lead.map(block), ...doc.sections.map(section)].join('\n');
}

export function renderHtmlEmail(doc: NoticeDocument): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(doc.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(oneLine(doc.title))}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.page}">`,
    renderHtmlFragment(doc),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
