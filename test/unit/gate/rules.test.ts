/**
 * The eight rules of the spec's "Rules" table, each passing and failing, with the edge cases
 * the spec spells out: latest round per test stage, a bug listed twice, fixed counts as open,
 * bugCounts, deferred A/B bugs, approvals rejected after they were given.
 */
import { describe, expect, it } from 'vitest';
import { RELEASE, gateOf, releaseWith, report } from './gate-fixture.ts';

const R1 = 'test-reports/shop/1.0.0-system-r1.md';
const R2 = 'test-reports/shop/1.0.0-system-r2.md';
const STAGING = 'test-reports/shop/1.0.0-staging-r1.md';
const staging = (more: string) => report(`title: Staging test\nstage: staging\nround: 1\nend: 2026-03-11\nverdict: pass\n${more}`);
const knownIssue = (issue: string): [string, string] => ['plan:\n', `knownIssues:\n  - ${issue}\nplan:\n`];

describe('bug-gate', () => {
  it('passes on the latest round of each test stage, with the limits in its reason', async () => {
    const { item, problems } = await gateOf();
    expect(problems).toEqual([]);
    expect(item('bugs')).toMatchObject({
      state: 'passing',
      holds: true,
      reason: { en: 'open bugs within site.bugGate (A 0/0, B 0/0, C 1/1, D 0) in the latest report of each test stage' },
      evidence: [{ label: 'System test (2nd)', href: '/test-reports/shop/1.0.0-system-r2/' }],
    });
  });

  it('reads the earlier round only when it is the latest one', async () => {
    const { item } = await gateOf({ [R2]: null });
    expect(item('bugs').state).toBe('failing');
    expect(item('bugs').reason.en).toBe('1 open B bug (limit 0): BUG-1 (System test (1st), round 1)');
    expect(item('bugs').reason['zh-CN']).toBe('1 个 B 级未关闭缺陷(上限 0)：BUG-1(System test (1st)，第 1 轮)');
  });

  it('takes the highest round first, then the latest end', async () => {
    const retest = (round: number, end: string) =>
      report(`title: System retest\nstage: system\nround: ${round}\nend: ${end}\nverdict: pass\nbugs:\n  - { id: BUG-3, title: Crash, severity: B, status: open }`);
    const later = await gateOf({ 'test-reports/shop/retest.md': retest(2, '2026-03-09') });
    expect(later.item('bugs').reason.en).toBe('1 open B bug (limit 0): BUG-3 (System retest, round 2)');
    const earlier = await gateOf({ 'test-reports/shop/retest.md': retest(2, '2026-03-07') });
    expect(earlier.item('bugs').state).toBe('passing');
    const higherRoundEarlierEnd = await gateOf({ 'test-reports/shop/retest.md': retest(3, '2026-03-01') });
    expect(higherRoundEarlierEnd.item('bugs').reason.en).toBe('1 open B bug (limit 0): BUG-3 (System retest, round 3)');
  });

  it('counts a bug listed in the latest reports of two stages once', async () => {
    const same = await gateOf({ [STAGING]: staging('bugs:\n  - { id: BUG-2, title: Slow export, severity: C, status: open }') });
    expect(same.item('bugs').reason.en).toContain('C 1/1');
    const other = await gateOf({ [STAGING]: staging('bugs:\n  - { id: BUG-4, title: Typo, severity: C, status: open }') });
    expect(other.item('bugs').reason.en).toBe(
      '2 open C bugs (limit 1): BUG-2 (System test (2nd), round 2), BUG-4 (Staging test, round 1)',
    );
  });

  it('counts fixed bugs as open', async () => {
    const r2 = report(`title: System test (2nd)\nstage: system\nround: 2\nend: 2026-03-08\nverdict: pass\nbugs:\n  - { id: BUG-2, title: Slow export, severity: B, status: fixed }`);
    const { item } = await gateOf({ [R2]: r2 });
    expect(item('bugs').reason.en).toBe('1 open B bug (limit 0): BUG-2 (System test (2nd), round 2)');
  });

  it('adds the open counts of bugCounts', async () => {
    const { item } = await gateOf({ [STAGING]: staging('bugCounts: { C: { open: 2, closed: 1 } }') });
    expect(item('bugs').reason.en).toBe(
      '3 open C bugs (limit 1): BUG-2 (System test (2nd), round 2), 2 counted in Staging test, round 1',
    );
    expect(item('bugs').reason['zh-CN']).toBe(
      '3 个 C 级未关闭缺陷(上限 1)：BUG-2(System test (2nd)，第 2 轮)、Staging test，第 1 轮 计 2 个',
    );
  });

  it('leaves D unlimited unless site.bugGate sets it', async () => {
    const many = staging('bugCounts: { D: { open: 40 } }');
    expect((await gateOf({ [STAGING]: many })).item('bugs').reason.en).toContain('D 40)');
    const site = 'title: Gate fixture\nlocale: en\ntimezone: Asia/Shanghai\nroles: { dev: D, lead: L, qa: Q, ops: O, pm: P }\nbugGate: { C: 1, D: 10 }\n';
    const limited = await gateOf({ [STAGING]: many, 'site.yaml': site });
    expect(limited.item('bugs').reason.en).toBe('40 open D bugs (limit 10): 40 counted in Staging test, round 1');
  });

  it('fails on a deferred A or B bug: deferred is not open, but it ships', async () => {
    const deferred = staging('bugs:\n  - { id: BUG-5, title: Slow refund, severity: B, status: deferred }');
    const listed = await gateOf({ [STAGING]: deferred, [RELEASE]: releaseWith(knownIssue('{ title: Slow refund, severity: B, ticket: BUG-5 }')) });
    expect(listed.item('bugs').reason.en).toBe('1 A/B issue would ship unresolved: known issue Slow refund (B, BUG-5)');

    const unlisted = await gateOf({ [STAGING]: deferred });
    expect(unlisted.item('bugs').reason.en).toBe('1 A/B issue would ship unresolved: deferred B bug BUG-5 (Staging test, round 1)');
    expect(unlisted.problems[0]).toMatch(/^releases\/shop\/1\.0\.0\.md:5:9  checklist\.bugs /);
    expect(unlisted.problems[1]).toMatch(/^test-reports\/shop\/1\.0\.0-staging-r1\.md:.* deferred bug BUG-5 is not in the knownIssues/);
  });

  it('passes a deferred C bug that stands in knownIssues, and fails an A known issue on its own', async () => {
    const deferredC = staging('bugs:\n  - { id: BUG-6, title: Export, severity: C, status: deferred }');
    const c = await gateOf({ [STAGING]: deferredC, [RELEASE]: releaseWith(knownIssue('{ title: Export, severity: C, ticket: BUG-6 }')) });
    expect(c.item('bugs').state).toBe('passing');
    const a = await gateOf({ [RELEASE]: releaseWith(knownIssue('{ title: Data loss, severity: A }')) });
    expect(a.item('bugs').reason.en).toBe('1 A/B issue would ship unresolved: known issue Data loss (A)');
  });
});

describe('tests-passed', () => {
  it('passes when the latest round of each stage passed or passed with conditions', async () => {
    expect((await gateOf()).item('tests').reason.en).toBe('latest rounds: system round 2 pass');
    const conditional = await gateOf({ [STAGING]: staging('verdict: conditional').replace('verdict: pass\n', '') });
    expect(conditional.item('tests').reason.en).toBe('latest rounds: system round 2 pass, staging round 1 conditional');
  });

  it('names a report without a round by its stage alone', async () => {
    const { item } = await gateOf({ 'test-reports/shop/int.md': report('title: Integration\nstage: integration\nverdict: pass') });
    expect(item('tests').reason.en).toBe('latest rounds: system round 2 pass, integration pass');
  });

  it('fails when the latest round failed, or when there is no report', async () => {
    expect((await gateOf({ [R2]: null })).item('tests').reason.en).toBe('system round 1 verdict fail (System test (1st))');
    const none = await gateOf({ [R1]: null, [R2]: null });
    expect(none.item('tests')).toMatchObject({ state: 'failing', reason: { en: 'no test report names this release', 'zh-CN': '没有该版本的测试报告' } });
    expect(none.item('bugs').reason.en).toBe('no test report records open bugs');
  });
});

describe('approvals', () => {
  const PM = '  - { role: pm, name: Di, decision: approved, at: 2026-03-10T10:00:00+08:00 }\n';
  const withPm = (lines: string) => ({ [RELEASE]: releaseWith([PM, lines]) });

  it('passes when every role approved, naming who and when', async () => {
    expect((await gateOf()).item('approvals').reason.en).toBe('approved: lead by Cy on 2026-03-10, pm by Di on 2026-03-10');
  });

  it('fails a role with no decision, or only a rejection', async () => {
    expect((await gateOf(withPm(''))).item('approvals').reason.en).toBe('no decision from pm');
    const rejected = await gateOf(withPm('  - { role: pm, name: Di, decision: rejected, at: 2026-03-10 }\n'));
    expect(rejected.item('approvals').reason).toEqual({
      en: 'no approved from pm, rejected by Di on 2026-03-10',
      'zh-CN': 'Product manager(pm)未审批通过，Di 于 2026-03-10 驳回',
    });
  });

  it('fails an approval rejected later, and passes it approved again after that', async () => {
    const later = `${PM}  - { role: pm, name: Ed, decision: rejected, at: 2026-03-11 }\n`;
    const { item, problems } = await gateOf(withPm(later));
    expect(item('approvals').reason.en).toBe('pm rejected by Ed on 2026-03-11, after the approval by Di on 2026-03-10');
    expect(problems).toHaveLength(1);
    const again = await gateOf(withPm(`${later}  - { role: pm, name: Di, decision: approved, at: 2026-03-12 }\n`));
    expect(again.item('approvals').reason.en).toBe('approved: lead by Cy on 2026-03-10, pm by Di on 2026-03-12');
  });

  it('orders decisions by time, not by where they are written', async () => {
    const earlierRejection = `${PM}  - { role: pm, name: Ed, decision: rejected, at: 2026-03-09 }\n`;
    expect((await gateOf(withPm(earlierRejection))).item('approvals').state).toBe('passing');
  });

  it('reads a date alone in site.timezone', async () => {
    // 2026-03-09T20:00Z is 04:00 on 2026-03-10 in Shanghai: after an approval dated 2026-03-10.
    const lines = '  - { role: pm, name: Di, decision: approved, at: 2026-03-10 }\n  - { role: pm, name: Ed, decision: rejected, at: 2026-03-09T20:00:00Z }\n';
    expect((await gateOf(withPm(lines))).item('approvals').reason.en).toBe(
      'pm rejected by Ed on 2026-03-10, after the approval by Di on 2026-03-10',
    );
  });

  it('on equal times takes the decision written later as the later one', async () => {
    const approvedLast = '  - { role: pm, name: Ed, decision: rejected, at: 2026-03-11 }\n  - { role: pm, name: Di, decision: approved, at: 2026-03-11 }\n';
    expect((await gateOf(withPm(approvedLast))).item('approvals').state).toBe('passing');
    const rejectedLast = '  - { role: pm, name: Di, decision: approved, at: 2026-03-11 }\n  - { role: pm, name: Ed, decision: rejected, at: 2026-03-11 }\n';
    expect((await gateOf(withPm(rejectedLast))).item('approvals').state).toBe('failing');
  });
});

describe('rollback-plan', () => {
  const SCRIPT = '{ file: attachments/shop/1.0.0/001.sql, rollback: attachments/shop/1.0.0/001_rollback.sql }';

  it('passes with steps and a rollback for every DB script', async () => {
    expect((await gateOf()).item('rollback').reason.en).toBe('2 rollback steps; DB scripts: 1 of 1 can be rolled back or say why not');
    const irreversible = await gateOf({ [RELEASE]: releaseWith([SCRIPT, '{ file: attachments/shop/1.0.0/001.sql, irreversible: true, reason: Adds a column only }']) });
    expect(irreversible.item('rollback').state).toBe('passing');
  });

  it('fails a DB script with neither rollback nor irreversible reason, and empty steps', async () => {
    const { item } = await gateOf({ [RELEASE]: releaseWith([SCRIPT, '{ file: attachments/shop/1.0.0/001.sql }']) });
    expect(item('rollback').reason.en).toBe('DB script attachments/shop/1.0.0/001.sql has no rollback script and is not marked irreversible with a reason');
    const planned = await gateOf({ [RELEASE]: releaseWith(['status: released', 'status: planned'], ['steps: [Redeploy 0.9, Run 001_rollback.sql]', 'steps: []']) });
    expect(planned.item('rollback').reason.en).toBe('plan.rollback.steps is empty');
  });
});

describe('baseline-recorded, verified, monitoring, retrospective', () => {
  it('baseline: commit or tag', async () => {
    const tagOnly = await gateOf({ [RELEASE]: releaseWith(['{ tag: v1.0.0, commit: 9f1c2ab }', '{ tag: v1.0.0 }']) });
    expect(tagOnly.item('baseline').reason.en).toBe('baseline recorded: tag v1.0.0');
    const none = await gateOf({ [RELEASE]: releaseWith(['status: released', 'status: ready'], ['baseline: { tag: v1.0.0, commit: 9f1c2ab }\n', 'baseline: { branch: release/1.0.0 }\n']) });
    expect(none.item('baseline')).toMatchObject({ state: 'failing', reason: { en: 'baseline has neither commit nor tag' } });
  });

  it('verified: verification.result is pass', async () => {
    expect((await gateOf()).item('verified').reason.en).toBe('verification passed (Bo, 2026-03-12)');
    const failed = await gateOf({ [RELEASE]: releaseWith(['result: pass', 'result: fail']) });
    expect(failed.item('verified').reason.en).toBe('verification result fail (Bo, 2026-03-12)');
    const missing = await gateOf({ [RELEASE]: releaseWith(['status: released', 'status: deploying'], ['verification: { result: pass, by: Bo, at: 2026-03-12T23:20:00+08:00 }\n', '']) });
    expect(missing.item('verified').reason.en).toBe('no verification recorded');
  });

  it('monitoring: dashboards or alerts; a follow-up, so never a build error', async () => {
    expect((await gateOf()).item('monitoring').reason.en).toBe('0 dashboards, 1 alert');
    const { item, problems } = await gateOf({ [RELEASE]: releaseWith(['monitoring: { alerts: [Error rate above 1%] }\n', '']) });
    expect(item('monitoring')).toMatchObject({ state: 'failing', reason: { en: 'no monitoring dashboards or alerts recorded' } });
    expect(problems).toEqual([]);
  });

  it('retrospective: one names the release, linked as evidence', async () => {
    expect((await gateOf()).item('retro')).toMatchObject({
      state: 'passing',
      reason: { en: 'named by Shop 1.0.0 retrospective' },
      evidence: [{ label: 'Shop 1.0.0 retrospective', href: '/retrospectives/shop-1.0.0/' }],
    });
    const { item, problems } = await gateOf({ 'retrospectives/shop-1.0.0.md': null });
    expect(item('retro').reason.en).toBe('no retrospective names this release');
    expect(problems).toEqual([]);
  });
});
