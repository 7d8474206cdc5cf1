/**
 * Release notices (issue #11): the three messages of the reference process written from a
 * release record — release notes (发布说明), the formal notice (正式发布通知) and the baseline
 * notice (发布基线通知) — as structured documents, and their Markdown, plain-text and HTML
 * e-mail forms. Plain TypeScript: the portal's pages, its static files and `npm run notify`
 * all call these.
 */
import type { Content, ReleaseRecord } from '../content.ts';
import { baselineNotice } from './baseline-notice.ts';
import { noticeContext } from './context.ts';
import type { NoticeDocument, NoticeKind } from './document.ts';
import { formalNotice } from './formal-notice.ts';
import type { NoticeFormat } from './paths.ts';
import { releaseNotes } from './release-notes.ts';
import { renderHtmlEmail } from './render/html.ts';
import { renderMarkdown } from './render/markdown.ts';
import { renderText } from './render/text.ts';

export * from './document.ts';
export * from './paths.ts';
export { noticeContext, type NoticeContext } from './context.ts';
export { releaseNotes } from './release-notes.ts';
export { formalNotice } from './formal-notice.ts';
export { baselineNotice } from './baseline-notice.ts';
export { renderMarkdown } from './render/markdown.ts';
export { renderText } from './render/text.ts';
export { renderHtmlEmail, renderHtmlFragment } from './render/html.ts';

const BUILDERS = { notes: releaseNotes, formal: formalNotice, baseline: baselineNotice } as const;

/** One message of a release, in the site's locale. */
export function buildNotice(content: Content, release: ReleaseRecord, kind: NoticeKind): NoticeDocument {
  return BUILDERS[kind](noticeContext(content, release));
}

export function renderNotice(doc: NoticeDocument, format: NoticeFormat): string {
  if (format === 'md') return renderMarkdown(doc);
  if (format === 'txt') return renderText(doc);
  return renderHtmlEmail(doc);
}
