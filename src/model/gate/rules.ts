/**
 * The `rule:` of a checklist item, one function per row of the spec's "Rules" table. Each
 * answers whether the rule passes for one release, with a reason that carries the facts it
 * looked at, and links to the records behind them.
 */
import type { RuleName } from '../../schema/index.ts';
import { recordPath } from '../queries/paths.ts';
import { retrospectivesOf } from '../queries/releases.ts';
import { toMillis } from '../time.ts';
import { bugGate } from './bug-gate.ts';
import { latestReportPerStage, reportEvidence, stageRoundLabel } from './latest-reports.ts';
import type { RuleInput } from './rule-input.ts';
import { count, dayOf, joinList, joinReasons, say } from './text.ts';
import type { Localized, RuleResult } from './types.ts';

const pass = (reason: Localized, evidence: RuleResult['evidence'] = []): RuleResult => ({ passes: true, reason, evidence });
const fail = (reason: Localized, evidence: RuleResult['evidence'] = []): RuleResult => ({ passes: false, reason, evidence });

const VERDICT_ZH = { pass: '通过', conditional: '有条件通过', fail: '不通过' } as const;

/** At least one test report, and the latest round of each test stage is pass or conditional. */
export function testsPassed({ content, release, timezone }: RuleInput): RuleResult {
  const reports = latestReportPerStage(content, release.ref, timezone);
  const evidence = reports.map(reportEvidence);
  if (reports.length === 0) return fail(say('no test report names this release', '没有该版本的测试报告'));
  const failed = reports.filter((r) => r.data.verdict === 'fail');
  if (failed.length > 0) {
    return fail(
      joinReasons(
        failed.map((r) => {
          const round = stageRoundLabel(r);
          return say(`${round.en} verdict fail (${r.data.title})`, `${round['zh-CN']}结论为不通过(${r.data.title})`);
        }),
      ),
      evidence,
    );
  }
  const rounds = joinList(
    reports.map((r) => {
      const round = stageRoundLabel(r);
      return say(`${round.en} ${r.data.verdict}`, `${round['zh-CN']}${VERDICT_ZH[r.data.verdict]}`);
    }),
  );
  return pass(say(`latest rounds: ${rounds.en}`, `各测试阶段最新一轮：${rounds['zh-CN']}`), evidence);
}

/**
 * Every role of the item has an `approved` decision and no later `rejected` one — the same as
 * "the role's last decision is approved". Decisions are ordered by `at` (a date alone is the
 * start of that day in site.timezone); on equal times the one written later in the list is
 * the later decision, since authors append.
 */
export function approvals({ content, release, item, timezone }: RuleInput): RuleResult {
  const roles = item.roles ?? [];
  if (roles.length === 0) return fail(say('the item lists no roles to approve', '该检查项未列出需要审批的角色'));
  const labels = content.site?.data.roles ?? {};
  const ordered = release.data.approvals
    .map((a, index) => ({ ...a, index, time: toMillis(a.at, timezone) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  const missing: Localized[] = [];
  const given: Localized[] = [];
  for (const role of roles) {
    const zhRole = labels[role] ? `${labels[role]}(${role})` : role;
    const decisions = ordered.filter((a) => a.role === role);
    const last = decisions.at(-1);
    if (!last) {
      missing.push(say(`no decision from ${role}`, `${zhRole}尚未审批`));
      continue;
    }
    const day = dayOf(last.at, timezone);
    if (last.decision === 'approved') {
      given.push(say(`${role} by ${last.name} on ${day}`, `${zhRole} ${last.name} ${day}`));
      continue;
    }
    const approval = decisions.findLast((a) => a.decision === 'approved');
    if (!approval) {
      missing.push(say(`no approved from ${role}, rejected by ${last.name} on ${day}`, `${zhRole}未审批通过，${last.name} 于 ${day} 驳回`));
    } else {
      const approvedDay = dayOf(approval.at, timezone);
      missing.push(
        say(
          `${role} rejected by ${last.name} on ${day}, after the approval by ${approval.name} on ${approvedDay}`,
          `${zhRole}在 ${approval.name} ${approvedDay} 通过后，又被 ${last.name} 于 ${day} 驳回`,
        ),
      );
    }
  }
  if (missing.length > 0) return fail(joinReasons(missing));
  const list = joinList(given);
  return pass(say(`approved: ${list.en}`, `已审批通过：${list['zh-CN']}`));
}

/** Rollback steps written, and every DB script with a rollback script or a reason it is irreversible. */
export function rollbackPlan({ release }: RuleInput): RuleResult {
  const plan = release.data.plan;
  const steps = plan?.rollback?.steps ?? [];
  const scripts = plan?.dbScripts ?? [];
  const problems: Localized[] = [];
  if (steps.length === 0) problems.push(say('plan.rollback.steps is empty', '回滚步骤为空'));
  for (const script of scripts) {
    if (!script.rollback && !(script.irreversible && script.reason)) {
      problems.push(
        say(
          `DB script ${script.file} has no rollback script and is not marked irreversible with a reason`,
          `数据库脚本 ${script.file} 既无回滚脚本，也未注明不可逆原因`,
        ),
      );
    }
  }
  if (problems.length > 0) return fail(joinReasons(problems));
  const scriptsText =
    scripts.length === 0
      ? say('no DB scripts', '无数据库脚本')
      : say(`DB scripts: ${scripts.length} of ${scripts.length} can be rolled back or say why not`, `${scripts.length} 个数据库脚本均有回滚脚本或不可逆原因`);
  return pass(say(`${count(steps.length, 'rollback step')}; ${scriptsText.en}`, `回滚步骤 ${steps.length} 步；${scriptsText['zh-CN']}`));
}

/** `baseline.commit` or `baseline.tag`. */
export function baselineRecorded({ release }: RuleInput): RuleResult {
  const { tag, commit } = release.data.baseline ?? {};
  if (!tag && !commit) return fail(say('baseline has neither commit nor tag', '发布基线未记录 commit 或 tag'));
  const parts = [tag && `tag ${tag}`, commit && `commit ${commit}`].filter(Boolean).join(', ');
  return pass(say(`baseline recorded: ${parts}`, `发布基线已记录：${parts}`));
}

/** `verification.result` is pass. */
export function verified({ release, timezone }: RuleInput): RuleResult {
  const v = release.data.verification;
  if (!v) return fail(say('no verification recorded', '未记录上线验证'));
  const who = [v.by, v.at && dayOf(v.at, timezone)].filter(Boolean).join(', ');
  const whoEn = who ? ` (${who})` : '';
  const whoZh = who ? `(${who})` : '';
  return v.result === 'pass'
    ? pass(say(`verification passed${whoEn}`, `上线验证通过${whoZh}`))
    : fail(say(`verification result fail${whoEn}`, `上线验证不通过${whoZh}`));
}

/** Monitoring dashboards or alerts recorded. */
export function monitoring({ release }: RuleInput): RuleResult {
  const dashboards = release.data.monitoring?.dashboards ?? [];
  const alerts = release.data.monitoring?.alerts ?? [];
  if (dashboards.length === 0 && alerts.length === 0) {
    return fail(say('no monitoring dashboards or alerts recorded', '未记录监控大盘或告警'));
  }
  return pass(
    say(`${count(dashboards.length, 'dashboard')}, ${count(alerts.length, 'alert')}`, `${dashboards.length} 个监控大盘、${alerts.length} 条告警`),
    dashboards.map((d) => ({ label: d.title, href: d.url })),
  );
}

/** A retrospective names the release. */
export function retrospective({ content, release }: RuleInput): RuleResult {
  const retros = retrospectivesOf(content, release.ref);
  if (retros.length === 0) return fail(say('no retrospective names this release', '没有复盘记录提到该版本'));
  const titles = retros.map((r) => r.data.title);
  return pass(
    say(`named by ${titles.join(', ')}`, `复盘：${titles.join('、')}`),
    retros.map((r) => ({ label: r.data.title, href: recordPath(r) })),
  );
}

export const RULE_FUNCTIONS: Readonly<Record<RuleName, (input: RuleInput) => RuleResult>> = {
  'bug-gate': bugGate,
  'tests-passed': testsPassed,
  approvals,
  'rollback-plan': rollbackPlan,
  'baseline-recorded': baselineRecorded,
  verified,
  monitoring,
  retrospective,
};
