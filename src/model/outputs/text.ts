/**
 * Record text on its way into XML and HTML-in-XML. The libraries escape XML, but two things
 * are ours: characters XML 1.0 cannot hold at all (C0 controls other than tab and newlines,
 * lone surrogates, U+FFFE/U+FFFF) are dropped, and text that a feed declares as HTML
 * (`type="html"`, the feed library's choice for titles and summaries) is HTML-escaped, so a
 * title like `<b>x</b>` reads as written and no record text becomes markup.
 */

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that XML 1.0 can hold. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML that shows it literally. */
export function escapeHtml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
