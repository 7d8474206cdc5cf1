/** Every reference resolves: services, processes, release refs, roles, checklist items, environments. */
import type { ReleaseRecord } from '../content.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function checkReferences(ctx: RuleContext): void {
  const { content } = ctx;
  const serviceIds = content.declared.services;
  const processIds = content.declared.processes;
  const refs = content.declared.releases;

  type Record = Parameters<RuleContext['report']>[0];
  const unknownRole = (value: string) => [
    `role "${value}" is not defined in site.yaml roles`,
    didYouMean(value, ctx.roles ?? []) ?? `defined roles: ${[...(ctx.roles ?? [])].join(', ')}`,
  ] as const;
  const role = (record: Record, path: (string | number)[], value: string) => {
    if (ctx.roles && !ctx.roles.has(value)) ctx.report(record, path, ...unknownRole(value));
  };
  /** A role used as a mapping key (`people: { qa: … }`): reported at the key. */
  const roleKey = (record: Record, path: (string | number)[], key: string) => {
    if (ctx.roles && !ctx.roles.has(key)) ctx.reportKey(record, path, key, ...unknownRole(key));
  };

  if (content.site) {
    content.site.data.environments?.forEach((env, i) => {
      if (env.owner) role(content.site!, ['environments', i, 'owner'], env.owner);
    });
  }

  for (const release of content.releases) {
    const { data } = release;
    if (!serviceIds.has(data.service)) {
      ctx.report(release, ['service'], `unknown service "${data.service}"`, didYouMean(data.service, serviceIds) ?? `add services/${data.service}.yaml`);
    }
    if (!processIds.has(data.process)) {
      ctx.report(release, ['process'], `unknown process "${data.process}"`, didYouMean(data.process, processIds) ?? `add processes/${data.process}.md`);
    }
    for (const key of Object.keys(data.people)) roleKey(release, ['people'], key);
    data.approvals.forEach((a, i) => role(release, ['approvals', i, 'role'], a.role));
    checkChecklistKeys(ctx, release);
  }

  for (const report of content.testReports) {
    if (!refs.has(report.data.release)) {
      ctx.report(report, ['release'], `unknown release "${report.data.release}"`, didYouMean(report.data.release, refs));
    }
    const envs = content.site?.data.environments;
    if (envs && report.data.environment !== undefined && !envs.some((e) => e.id === report.data.environment)) {
      const ids = envs.map((e) => e.id);
      ctx.report(report, ['environment'], `environment "${report.data.environment}" is not one of site.yaml environments`, didYouMean(report.data.environment, ids) ?? `defined: ${ids.join(', ')}`);
    }
  }

  for (const retro of content.retrospectives) {
    retro.data.releases.forEach((ref, i) => {
      if (!refs.has(ref)) ctx.report(retro, ['releases', i], `unknown release "${ref}"`, didYouMean(ref, refs));
    });
  }

  for (const process of content.processes.values()) {
    const stageIds = new Set<string>();
    const itemIds = new Set<string>();
    process.data.stages.forEach((stage, s) => {
      if (stageIds.has(stage.id)) ctx.report(process, ['stages', s, 'id'], `stage id "${stage.id}" is used twice in this process`);
      stageIds.add(stage.id);
      if (stage.owner) role(process, ['stages', s, 'owner'], stage.owner);
      stage.checklist.forEach((item, c) => {
        if (itemIds.has(item.id)) ctx.report(process, ['stages', s, 'checklist', c, 'id'], `checklist item id "${item.id}" is used twice in this process`);
        itemIds.add(item.id);
        if (item.owner) role(process, ['stages', s, 'checklist', c, 'owner'], item.owner);
        item.roles?.forEach((r, k) => role(process, ['stages', s, 'checklist', c, 'roles', k], r));
      });
    });
    process.data.stages.forEach((stage, s) => {
      if (stage.onFail && !stageIds.has(stage.onFail)) {
        ctx.report(process, ['stages', s, 'onFail'], `onFail names no stage of this process: "${stage.onFail}"`, didYouMean(stage.onFail, stageIds));
      }
    });
  }
}

function checkChecklistKeys(ctx: RuleContext, release: ReleaseRecord): void {
  const process = ctx.content.processes.get(release.data.process);
  if (!process) return;
  const items = new Set(process.data.stages.flatMap((s) => s.checklist.map((i) => i.id)));
  for (const key of Object.keys(release.data.checklist)) {
    if (!items.has(key)) {
      ctx.reportKey(release, ['checklist'], key, `"${key}" is not a checklist item of process ${process.id}`, didYouMean(key, items) ?? `items: ${[...items].join(', ')}`);
    }
  }
}
