/**
 * Where a release stands in its process and what must hold (spec: Gate): positions by status,
 * waived / n/a / pending items, non-required items, cancelled and rolled-back releases, and
 * follow-up stages that are shown but never block.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockersBefore, evaluateRelease, stagePositions } from '../../../src/model/gate/evaluate.ts';
import { loadContent } from '../../../src/model/load.ts';
import type { Stage } from '../../../src/schema/index.ts';
import { REPO } from '../helpers.ts';
import { RELEASE, gateOf, releaseWith, report } from './gate-fixture.ts';

const positionsOf = (gate: { stages: { position: string }[] }) => gate.stages.map((s) => s.position);
const R2_OPEN_B = report('title: System test (2nd)\nstage: system\nround: 2\nend: 2026-03-08\nverdict: pass\nbugs:\n  - { id: BUG-1, title: Refund rounding, severity: B, status: open }');

describe('stage positions', () => {
  const stage = (id: string, statuses: Stage['statuses']): Stage => ({ id, title: id, statuses, steps: [], checklist: [] });
  const stages = [stage('test', ['planned', 'testing']), stage('approve', ['staging', 'ready']), stage('go-live', ['deploying', 'released', 'rolled-back']), stage('after', [])];
  const cases: [Stage['statuses'][number], string[]][] = [
    ['planned', ['current', 'not-reached', 'not-reached', 'follow-up']],
    ['testing', ['current', 'not-reached', 'not-reached', 'follow-up']],
    ['ready', ['passed', 'current', 'not-reached', 'follow-up']],
    ['deploying', ['passed', 'passed', 'current', 'follow-up']],
    ['released', ['passed', 'passed', 'passed', 'follow-up']],
    ['rolled-back', ['passed', 'passed', 'current', 'follow-up']],
    ['cancelled', ['not-reached', 'not-reached', 'not-reached', 'follow-up']],
  ];
  it.each(cases)('%s', (status, expected) => {
    expect(stagePositions(stages, status).positions).toEqual(expected);
  });
});

describe('a released release', () => {
  it('holds, with a summary count over the stages up to go-live', async () => {
    const { gate, problems } = await gateOf();
    expect(problems).toEqual([]);
    expect(gate).toMatchObject({ gated: true, currentStageId: 'go-live', blocking: [], openInCurrent: [], waivedCount: 0, passedCount: 9, total: 10 });
    expect(positionsOf(gate)).toEqual(['passed', 'passed', 'passed', 'follow-up']);
  });

  it('lists an item not in its checklist as pending, and that blocks a passed stage', async () => {
    const { item, gate } = await gateOf({ [RELEASE]: releaseWith(['  launch-plan: done\n', '']) });
    expect(item('launch-plan')).toMatchObject({ state: 'pending', holds: false, reason: { en: 'not done yet' } });
    expect(gate.blocking.map((i) => i.itemId)).toEqual(['launch-plan']);
  });

  it('never blocks on a non-required item', async () => {
    const { item, problems } = await gateOf({ [RELEASE]: releaseWith(['  launch-plan: done\n', '  launch-plan: done\n  test-plan: { state: pending, note: Writing it }\n']) });
    expect(item('test-plan')).toMatchObject({ state: 'pending', required: false, reason: { en: 'not done yet: Writing it' } });
    expect(problems).toEqual([]);
  });

  it('accepts n/a with its note for a manual item', async () => {
    const { item, problems } = await gateOf({ [RELEASE]: releaseWith(['{ state: done, by: Ed, evidence: https://wiki.example.com/backup }', '{ state: n/a, note: No schema change }']) });
    expect(item('db-backup')).toMatchObject({ state: 'n/a', holds: true, note: 'No schema change', reason: { en: 'does not apply: No schema change' } });
    expect(problems).toEqual([]);
  });

  it('accepts a waived rule item whose rule fails, and counts the waiver', async () => {
    const waived = releaseWith(['  launch-plan: done\n', '  launch-plan: done\n  bugs: { state: waived, by: Cy, note: Hotfix approved by the lead }\n']);
    const { item, gate, problems } = await gateOf({ 'test-reports/shop/1.0.0-system-r2.md': R2_OPEN_B, [RELEASE]: waived });
    expect(item('bugs')).toMatchObject({ state: 'waived', holds: true, by: 'Cy', reason: { en: 'waived by Cy: Hotfix approved by the lead', 'zh-CN': '已由 Cy 特批豁免：Hotfix approved by the lead' } });
    expect(gate.waivedCount).toBe(1);
    expect(problems).toEqual([]);
  });

  it('does not let done or n/a override a failing rule', async () => {
    const marked = releaseWith(['  launch-plan: done\n', '  launch-plan: done\n  bugs: { state: n/a, note: Known bugs only }\n']);
    const { item, problems } = await gateOf({ 'test-reports/shop/1.0.0-system-r2.md': R2_OPEN_B, [RELEASE]: marked });
    expect(item('bugs').state).toBe('failing');
    expect(item('bugs').reason.en).toBe(
      '1 open B bug (limit 0): BUG-1 (System test (2nd), round 2) (the checklist says n/a, but a computed item holds only when its rule passes or it is waived)',
    );
    expect(problems).toHaveLength(1);
  });

  it('links checklist evidence only when it is an http(s) URL', async () => {
    expect((await gateOf()).item('db-backup').evidence).toEqual([{ label: 'https://wiki.example.com/backup', href: 'https://wiki.example.com/backup' }]);
    const text = await gateOf({ [RELEASE]: releaseWith(['evidence: https://wiki.example.com/backup', 'evidence: "javascript:alert(1)"']) });
    expect(text.item('db-backup').evidence).toEqual([{ label: 'javascript:alert(1)' }]);
  });

  it('shows follow-up items as open but never as errors', async () => {
    const bare = releaseWith(['monitoring: { alerts: [Error rate above 1%] }\n', '']);
    const { gate, problems } = await gateOf({ [RELEASE]: bare, 'retrospectives/shop-1.0.0.md': null });
    expect(gate.stages[3]).toMatchObject({ position: 'follow-up', holds: false, mustHold: false });
    expect(gate.blocking).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('releases in progress, rolled back, cancelled', () => {
  const NO_PM = ['  - { role: pm, name: Di, decision: approved, at: 2026-03-10T10:00:00+08:00 }\n', ''] as [string, string];

  it('a ready release must hold only the stages before its current one, and shows what keeps it there', async () => {
    const { gate, problems } = await gateOf({ [RELEASE]: releaseWith(['status: released', 'status: ready'], NO_PM) });
    expect(problems).toEqual([]);
    expect(positionsOf(gate)).toEqual(['passed', 'current', 'not-reached', 'follow-up']);
    expect(gate.openInCurrent.map((i) => i.itemId)).toEqual(['approvals']);
    expect(blockersBefore(gate, 'go-live').map((i) => i.itemId)).toEqual(['approvals']);
    expect(blockersBefore(gate, 'approve')).toEqual([]);
  });

  it('a rolled-back release passed only the stages before the one it went out in', async () => {
    const rolledBack = releaseWith(['status: released', 'status: rolled-back'], ['result: pass', 'result: fail'], ['monitoring:', 'rolledBack: { at: 2026-03-12T23:40:00+08:00, reason: CPU }\nmonitoring:']);
    const held = await gateOf({ [RELEASE]: rolledBack });
    expect(positionsOf(held.gate)).toEqual(['passed', 'passed', 'current', 'follow-up']);
    expect(held.item('verified').state).toBe('failing');
    expect(held.problems).toEqual([]);

    const unapproved = await gateOf({ [RELEASE]: rolledBack.replace(NO_PM[0], '') });
    expect(unapproved.problems).toEqual([
      'releases/shop/1.0.0.md:5:9  checklist.approvals  shop@1.0.0: stage Approve (approve) item approvals fails: no decision from pm (fix it, or waive it: checklist: { approvals: { state: waived, by: …, note: … } })',
    ]);
  });

  it('a cancelled release is not gated', async () => {
    const cancelled = releaseWith(['status: released', 'status: cancelled'], ['  launch-plan: done\n', ''], NO_PM);
    const { gate, problems } = await gateOf({ [RELEASE]: cancelled, 'test-reports/shop/1.0.0-system-r2.md': null });
    expect(gate).toMatchObject({ gated: false, blocking: [], openInCurrent: [] });
    expect(gate.currentStageId).toBeUndefined();
    expect(positionsOf(gate)).toEqual(['not-reached', 'not-reached', 'not-reached', 'follow-up']);
    expect(problems).toEqual([]);
  });
});

describe('the sample content', () => {
  it('passes the gate, blocks an in-progress release on an item, and shows a waiver', async () => {
    const { content, problems } = await loadContent(path.join(REPO, 'content'));
    expect(problems).toEqual([]);
    const gates = [...content.releaseByRef.values()].map((r) => ({ status: r.data.status, gate: evaluateRelease(content, r)! }));
    const inProgress = gates.filter((g) => ['testing', 'staging', 'ready', 'deploying'].includes(g.status));
    expect(inProgress.some((g) => g.gate.openInCurrent.length > 0)).toBe(true);
    expect(gates.some((g) => g.gate.waivedCount > 0)).toBe(true);
  });
});
