/**
 * 正式发布通知 — the formal release notice (step 9 of the reference process): addressed to
 * site.notice.audience (开发、测试、市场、销售 …), it says that the version is released, when,
 * links the release page when the site has a baseUrl, and includes the release notes with the
 * product summary. What it says follows the record's status: a release that is not out yet,
 * was rolled back or cancelled is announced as such, never as released.
 */
import { formatList } from '../../i18n/index.ts';
import { releaseUrl, withSpan, type NoticeContext } from './context.ts';
import { link, paragraph, text, type Block, type NoticeDocument } from './document.ts';
import { releaseNotesSections } from './release-notes.ts';

function announcement(ctx: NoticeContext): Block[] {
  const { t, release } = ctx;
  const r = release.data;
  const vars = { ...ctx.names, status: t(`status.${r.status}`) };
  if (r.status === 'cancelled') return [paragraph(text(t('notice.formal.cancelled', vars)))];
  if (r.status === 'rolled-back' && r.actual && r.rolledBack) {
    const rolled = { ...vars, when: ctx.when(r.actual.start), rolledBackAt: ctx.when(r.rolledBack.at) };
    const line = r.rolledBack.to ? t('notice.formal.rolledBackTo', { ...rolled, to: r.rolledBack.to }) : t('notice.formal.rolledBack', rolled);
    return [paragraph(text(line)), paragraph(text(t('notice.formal.rolledBackReason', { reason: r.rolledBack.reason })))];
  }
  if (r.status === 'released' && r.actual) return [paragraph(text(t('notice.formal.released', { ...vars, when: ctx.when(r.actual.start) })))];
  if (r.window) return [paragraph(text(t('notice.formal.planned', { ...vars, window: ctx.range(r.window.start, r.window.end) })))];
  return [paragraph(text(t('notice.formal.unscheduled', vars)))];
}

export function formalNotice(ctx: NoticeContext): NoticeDocument {
  const { t } = ctx;
  const lead: Block[] = [];
  const audience = ctx.site.notice?.audience ?? [];
  if (audience.length > 0) lead.push(paragraph(text(t('notice.formal.to', { audience: formatList(audience, ctx.locale) }))));
  lead.push(...announcement(ctx));
  const url = releaseUrl(ctx);
  if (url) {
    lead.push(paragraph(...withSpan(ctx, 'notice.formal.details', 'url', link(url, url))));
  }
  const notes = releaseNotesSections(ctx, 3, 'notes-');
  lead.push(paragraph(text(t('notice.formal.notesFollow'))));
  return {
    kind: 'formal',
    locale: ctx.locale,
    release: ctx.release.ref,
    title: t('notice.title.formal', ctx.names),
    colon: ctx.colon,
    lead,
    sections: [{ id: 'notes', heading: t('notice.formal.notes'), level: 2, blocks: [] }, ...notes],
  };
}
