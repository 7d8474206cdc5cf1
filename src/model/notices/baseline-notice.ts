/**
 * 发布基线通知 — the baseline notice (step 5 of the reference process: 填写发布基线通知，并通知
 * 相关人员；经理对发布基线进行审计检查): what is deployed — repository, branch, tag, commit, the
 * version to roll back to —, the components in deploy order (src/model/queries/deploy-order.ts),
 * the DB scripts with who ran them and when, new external software, the services stopped,
 * the service impact, and the people of the release. Parts the record lacks are left out.
 */
import { deploySteps } from '../queries/deploy-order.ts';
import { releaseUrl, withSpan, type NoticeContext } from './context.ts';
import { code, joined, link, paragraph, strong, text, type Block, type Inline, type NoticeDocument, type Section } from './document.ts';
import { componentLine, fileSpan } from './release-notes.ts';
import type { DbScript } from '../../schema/index.ts';

function baselineFields(ctx: NoticeContext): Block[] {
  const { t, release, service } = ctx;
  const r = release.data;
  const rows: { label: string; value: Inline }[] = [
    { label: t('notice.field.product'), value: [text(ctx.product), text(' '), code(r.service)] },
    { label: t('notice.field.version'), value: [code(r.version)] },
  ];
  if (r.title) rows.push({ label: t('notice.field.title'), value: [text(r.title)] });
  rows.push({ label: t('notice.field.type'), value: [text(t(`type.${r.type}`))] });
  if (service?.data.repo) rows.push({ label: t('notice.field.repo'), value: [link(service.data.repo, service.data.repo)] });
  if (r.baseline?.branch) rows.push({ label: t('notice.field.branch'), value: [code(r.baseline.branch)] });
  if (r.baseline?.tag) rows.push({ label: t('notice.field.tag'), value: [code(r.baseline.tag)] });
  if (r.baseline?.commit) rows.push({ label: t('notice.field.commit'), value: [code(r.baseline.commit)] });
  if (r.baseline?.previous) rows.push({ label: t('notice.field.previous'), value: [code(r.baseline.previous)] });
  if (r.window) rows.push({ label: t('notice.field.window'), value: [text(ctx.range(r.window.start, r.window.end))] });
  if (r.actual) rows.push({ label: t('notice.field.actual'), value: [text(ctx.range(r.actual.start, r.actual.end))] });
  return [{ type: 'fields', rows }];
}

function deployOrder(ctx: NoticeContext): Block[] {
  const steps = deploySteps(ctx.release.data.plan?.components ?? []);
  if (steps.length === 0) return [];
  const items = steps.map((step): Inline => [
    strong(ctx.t('notice.deploy.step', { n: step.step })),
    text(ctx.colon),
    ...joined(step.components.map((c) => [text(componentLine(ctx, c)), text(' '), code(c.id)]), ctx.t('notice.sep.clause')),
  ]);
  return [{ type: 'list', ordered: false, items }];
}

function dbScriptLine(ctx: NoticeContext, script: DbScript): Inline {
  const { t } = ctx;
  const clauses: Inline[] = [];
  if (script.executedBy && script.executedAt) clauses.push([text(t('notice.db.executedByAt', { by: script.executedBy, at: ctx.when(script.executedAt) }))]);
  else if (script.executedBy) clauses.push([text(t('notice.db.executed', { by: script.executedBy }))]);
  else if (script.executedAt) clauses.push([text(t('notice.db.executedAt', { at: ctx.when(script.executedAt) }))]);
  if (script.rollback) {
    clauses.push(withSpan(ctx, 'notice.db.rollback', 'file', fileSpan(ctx, script.rollback)));
  }
  if (script.irreversible && script.reason) clauses.push([text(t('notice.db.irreversible', { reason: script.reason }))]);
  return clauses.length === 0 ? [fileSpan(ctx, script.file)] : [fileSpan(ctx, script.file), text(ctx.colon), ...joined(clauses, t('notice.sep.clause'))];
}

function list(items: Inline[]): Block[] {
  return items.length === 0 ? [] : [{ type: 'list', ordered: false, items }];
}

export function baselineNotice(ctx: NoticeContext): NoticeDocument {
  const { t, release, content } = ctx;
  const r = release.data;
  const plan = r.plan;
  const lead: Block[] = [paragraph(text(t('notice.baseline.lede', ctx.names)))];
  const url = releaseUrl(ctx);
  if (url) {
    lead.push(paragraph(...withSpan(ctx, 'notice.formal.details', 'url', link(url, url))));
  }
  const parts: [string, string, Block[]][] = [
    ['baseline', t('notice.section.baseline'), baselineFields(ctx)],
    ['deploy-order', t('notice.section.deployOrder'), deployOrder(ctx)],
    ['db-scripts', t('notice.section.dbScripts'), list((plan?.dbScripts ?? []).map((s) => dbScriptLine(ctx, s)))],
    ['installs', t('notice.section.installs'), list((plan?.installs ?? []).map((i) => [text(i.reason ? t('notice.install', { name: i.name, reason: i.reason }) : i.name)]))],
    ['stops', t('notice.section.stops'), list((plan?.stops ?? []).map((s) => [text(content.services.get(s)?.data.name ?? s)]))],
    ['impact', t('notice.section.impact'), plan?.impact ? [paragraph(text(plan.impact))] : []],
    [
      'people',
      t('notice.section.people'),
      Object.keys(r.people).length === 0 ? [] : [{ type: 'fields', rows: Object.entries(r.people).map(([role, name]) => ({ label: ctx.role(role), value: [text(name)] })) }],
    ],
  ];
  const sections: Section[] = parts.filter(([, , blocks]) => blocks.length > 0).map(([id, heading, blocks]) => ({ id, heading, level: 2, blocks }));
  return { kind: 'baseline', locale: ctx.locale, release: release.ref, title: t('notice.title.baseline', ctx.names), colon: ctx.colon, lead, sections };
}
