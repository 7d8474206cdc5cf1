/**
 * 发布说明 — the release notes, as step 8 of the reference process lists them: the product
 * version (产品版本说明), a summary of the product (产品概要介绍), the packages and documents
 * of the release (本次发布包含的文件包、文档说明), its new features and changes (新增功能特性
 * 说明), known issues and their impact (遗留问题、影响说明) and the copyright (版权声明).
 * Everything comes from the record, its service and site.notice; a part the record does not
 * have is left out, never filled with a placeholder.
 */
import { CHANGE_KINDS, SEVERITIES, type Component } from '../../schema/index.ts';
import { deploySteps } from '../queries/deploy-order.ts';
import type { NoticeContext } from './context.ts';
import { code, link, paragraph, strong, text, type Block, type Inline, type NoticeDocument, type Section, type Span } from './document.ts';

/** The file name of a content path (`attachments/pg/2.3.0/001.sql` -> `001.sql`). */
export const baseName = (file: string): string => file.slice(file.lastIndexOf('/') + 1);

/** A content file the portal publishes (DB scripts): a link when the site has a baseUrl, else its name. */
export function fileSpan(ctx: NoticeContext, file: string): Span {
  const href = ctx.url(`/${file.split('/').map(encodeURIComponent).join('/')}`);
  return href ? link(baseName(file), href) : code(baseName(file));
}

/** A titled list inside a section: the label in bold, then the items. */
function group(label: string, items: Inline[]): Block[] {
  return items.length === 0 ? [] : [paragraph(strong(label)), { type: 'list', ordered: false, items }];
}

const withTicket = (title: string, ticket: string | undefined): Inline => (ticket ? [text(`${title} `), code(ticket)] : [text(title)]);

function versionSection(ctx: NoticeContext): Block[] {
  const { t, release } = ctx;
  const r = release.data;
  const rows: { label: string; value: Inline }[] = [
    { label: t('notice.field.product'), value: [text(ctx.product)] },
    { label: t('notice.field.version'), value: [code(r.version)] },
  ];
  if (r.title) rows.push({ label: t('notice.field.title'), value: [text(r.title)] });
  rows.push({ label: t('notice.field.type'), value: [text(t(`type.${r.type}`))] });
  if (r.status !== 'released') rows.push({ label: t('notice.field.status'), value: [text(t(`status.${r.status}`))] });
  if (r.actual) rows.push({ label: t('notice.field.released'), value: [text(ctx.when(r.actual.start))] });
  else if (r.window) rows.push({ label: t('notice.field.window'), value: [text(ctx.range(r.window.start, r.window.end))] });
  if (r.baseline?.tag) rows.push({ label: t('notice.field.tag'), value: [code(r.baseline.tag)] });
  if (r.baseline?.commit) rows.push({ label: t('notice.field.commit'), value: [code(r.baseline.commit)] });
  return [{ type: 'fields', rows }];
}

function summarySection(ctx: NoticeContext): Block[] {
  const blocks: Block[] = [];
  if (ctx.service?.data.description) blocks.push(paragraph(text(ctx.service.data.description)));
  if (ctx.release.data.summary) blocks.push(paragraph(text(ctx.release.data.summary)));
  return blocks;
}

export function componentLine(ctx: NoticeContext, c: Component): string {
  const { t } = ctx;
  return t('notice.component', { title: c.title, kind: t(`component.${c.kind}`), action: t(`action.${c.action}`) });
}

function filesSection(ctx: NoticeContext): Block[] {
  const { t, release } = ctx;
  const plan = release.data.plan;
  const components = deploySteps(plan?.components ?? []).flatMap((s) => s.components);
  return [
    ...group(t('notice.files.components'), components.map((c) => [text(componentLine(ctx, c))])),
    ...group(t('notice.files.installs'), (plan?.installs ?? []).map((i) => [text(i.reason ? t('notice.install', { name: i.name, reason: i.reason }) : i.name)])),
    ...group(t('notice.files.dbScripts'), (plan?.dbScripts ?? []).map((s) => [fileSpan(ctx, s.file)])),
    ...group(t('notice.files.documents'), release.data.links.map((l) => [link(l.title, l.url)])),
  ];
}

function changesSection(ctx: NoticeContext): Block[] {
  const { changes } = ctx.release.data;
  return CHANGE_KINDS.flatMap((kind) =>
    group(
      ctx.t(`change.${kind}`),
      changes.filter((c) => c.kind === kind).map((c) => withTicket(c.title, c.ticket)),
    ),
  );
}

function knownIssuesSection(ctx: NoticeContext): Block[] {
  const { t } = ctx;
  const issues = SEVERITIES.flatMap((severity) => ctx.release.data.knownIssues.filter((k) => k.severity === severity));
  if (issues.length === 0) return [];
  return [
    paragraph(text(t('notice.knownIssues.lede'))),
    {
      type: 'list',
      ordered: false,
      items: issues.map((k) => withTicket(t('notice.knownIssue', { severity: t(`severity.${k.severity}`), title: k.title }), k.ticket)),
    },
  ];
}

/**
 * The sections of the release notes, at `level` (3 when they are part of the formal notice),
 * with ids prefixed by `idPrefix` so that both can sit on one page.
 */
export function releaseNotesSections(ctx: NoticeContext, level: 2 | 3 = 2, idPrefix = ''): Section[] {
  const { t } = ctx;
  const copyright = ctx.site.notice?.copyright;
  const parts: [string, string, Block[]][] = [
    ['version', t('notice.section.version'), versionSection(ctx)],
    ['summary', t('notice.section.summary'), summarySection(ctx)],
    ['files', t('notice.section.files'), filesSection(ctx)],
    ['changes', t('notice.section.changes'), changesSection(ctx)],
    ['known-issues', t('notice.section.knownIssues'), knownIssuesSection(ctx)],
    ['copyright', t('notice.section.copyright'), copyright ? [paragraph(text(copyright))] : []],
  ];
  return parts.filter(([, , blocks]) => blocks.length > 0).map(([id, heading, blocks]) => ({ id: `${idPrefix}${id}`, heading, level, blocks }));
}

export function releaseNotes(ctx: NoticeContext): NoticeDocument {
  return {
    kind: 'notes',
    locale: ctx.locale,
    release: ctx.release.ref,
    title: ctx.t('notice.title.notes', ctx.names),
    colon: ctx.colon,
    lead: [],
    sections: releaseNotesSections(ctx),
  };
}
