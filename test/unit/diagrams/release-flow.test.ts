import { beforeAll, describe, expect, it } from 'vitest';
import { RELEASE_STATUSES, type Process } from '../../../src/schema/index.ts';
import { blockingByStage, releaseFlow, releaseFlowOutline, stageStates } from '../../../src/model/diagrams/index.ts';
import type { Content } from '../../../src/model/content.ts';
import { parseFlow, type FlowGraph } from './mermaid.ts';
import { HOSTILE, SAMPLE, loadValid } from './samples.ts';
import { HOSTILE_TEXTS, shown } from './hostile.ts';

let sample: Content;
let standard: Process;
beforeAll(async () => {
  sample = await loadValid(SAMPLE);
  standard = sample.processes.get('standard')!.data;
});

/** Each stage's title with the class Mermaid gave its node. */
function stageClasses(graph: FlowGraph, process: Process): Record<string, string[]> {
  const titles = new Set(process.stages.map((s) => s.title));
  return Object.fromEntries(
    [...graph.nodes.values()].filter((n) => titles.has(n.label.split('\n')[0]!)).map((n) => [n.label.split('\n')[0]!, n.classes]),
  );
}

describe('stageStates follows the gate rules', () => {
  it.each([
    ['planned', ['current', 'pending', 'pending', 'pending', 'pending']],
    ['testing', ['current', 'pending', 'pending', 'pending', 'pending']],
    ['staging', ['passed', 'current', 'pending', 'pending', 'pending']],
    ['ready', ['passed', 'current', 'pending', 'pending', 'pending']],
    ['deploying', ['passed', 'passed', 'current', 'pending', 'pending']],
    ['released', ['passed', 'passed', 'passed', 'pending', 'pending']],
    ['rolled-back', ['passed', 'passed', 'failed', 'pending', 'pending']],
    ['cancelled', ['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']],
  ] as const)('%s', (status, expected) => {
    expect(stageStates(standard, { status })).toEqual(expected);
  });

  it('covers every status', () => {
    for (const status of RELEASE_STATUSES) expect(stageStates(standard, { status })).toHaveLength(5);
  });
});

describe('releaseFlow', () => {
  it('marks the rolled-back release: stages passed, go-live and its rollback failed, the rest not reached', async () => {
    const release = sample.releaseByRef.get('payment-gateway@2.3.0')!.data;
    const graph = await parseFlow(releaseFlow(standard, release, { roles: sample.site!.data.roles }));
    expect(stageClasses(graph, standard)).toEqual({
      提交测试: ['passed'], 预热发布: ['passed'], 正式上线: ['failed'], 应用服务监控: ['pending'], 总结报告: ['pending'],
    });
    const rollback = [...graph.nodes.values()].find((n) => n.label === '执行回滚方案')!;
    expect(rollback.classes).toEqual(['failed']);
    // The state is written in the stage too, not only coloured.
    const goLive = [...graph.nodes.values()].find((n) => n.label.startsWith('正式上线'))!;
    expect(goLive.label.split('\n')[1]).toBe('✕ 失败：已回滚');
  });

  it('marks a release in testing as current in the first stage', async () => {
    const graph = await parseFlow(releaseFlow(standard, { status: 'testing' }, { locale: 'en' }));
    const classes = stageClasses(graph, standard);
    expect(classes['提交测试']).toEqual(['current']);
    expect(classes['预热发布']).toEqual(['pending']);
    expect([...graph.nodes.values()].find((n) => n.label.startsWith('提交测试'))!.label.split('\n')[1]).toBe('▶ Current stage');
  });

  it('greys out every stage of a cancelled release', async () => {
    const graph = await parseFlow(releaseFlow(standard, { status: 'cancelled' }));
    expect(Object.values(stageClasses(graph, standard)).every((c) => c[0] === 'cancelled')).toBe(true);
  });

  it('draws blocking items next to the stage they block, with a dotted line', async () => {
    const blocking = [{ stageId: 'staging', items: ['电子流审批通过', '回滚方案完整', 'a', 'b', 'c', 'd', 'e'] }];
    const graph = await parseFlow(releaseFlow(standard, { status: 'ready' }, { blocking }));
    const node = [...graph.nodes.values()].find((n) => n.classes.includes('blocking'))!;
    expect(node.shape).toBe('odd');
    expect(node.label.split('\n')).toEqual(['阻塞项', '• 电子流审批通过', '• 回滚方案完整', '• a', '• b', '• c', '• d', '另有 1 项']);
    const edge = graph.edges.find((e) => e.to === node.id)!;
    expect(edge).toMatchObject({ stroke: 'dotted', arrow: 'arrow_open' });
    expect(graph.nodes.get(edge.from)!.label).toBe('出口检查：5 项');
    // Unknown stages and empty lists draw nothing.
    const none = await parseFlow(releaseFlow(standard, { status: 'ready' }, { blocking: [{ stageId: 'nope', items: ['x'] }, { stageId: 'staging', items: [] }] }));
    expect([...none.nodes.values()].some((n) => n.classes.includes('blocking'))).toBe(false);
  });

  it('calls the stages after go-live of a released release follow-ups', () => {
    const outline = releaseFlowOutline(standard, { status: 'released' });
    expect(outline.map((o) => o.split(' · ')[1])).toEqual(['✓ 已通过', '✓ 已通过', '✓ 已通过', '○ 后续跟进', '○ 后续跟进']);
    expect(releaseFlow(standard, { status: 'released' })).toContain('○ 后续跟进');
  });

  it('groups the gate\'s items by stage for the blocking option', () => {
    const items = [
      { stageId: 'staging', text: 'A', extra: 1 },
      { stageId: 'submit-test', text: 'B' },
      { stageId: 'staging', text: 'C' },
      { stageId: 'staging', text: 'A' },
    ];
    expect(blockingByStage(items)).toEqual([
      { stageId: 'staging', items: ['A', 'C'] },
      { stageId: 'submit-test', items: ['B'] },
    ]);
  });

  it('outlines each stage with its state and blockers', () => {
    const outline = releaseFlowOutline(standard, { status: 'ready' }, { blocking: [{ stageId: 'staging', items: ['A', 'B'] }] });
    expect(outline[0]).toBe('1. 提交测试 · ✓ 已通过');
    expect(outline[1]).toBe('2. 预热发布 · ▶ 当前阶段 · 阻塞项: A；B');
  });

  it('draws the 40-component release of a 12-stage process', async () => {
    const fixture = await loadValid(HOSTILE);
    const release = fixture.releaseByRef.get('big@2.0.0')!.data;
    const process = fixture.processes.get('twelve')!.data;
    const graph = await parseFlow(releaseFlow(process, release));
    const classes = Object.values(stageClasses(graph, process)).map((c) => c[0]);
    expect(classes).toEqual([...Array(10).fill('passed'), 'current', 'pending']);
  });

  it.each(HOSTILE_TEXTS)('shows hostile blocking item %j as text', async (text) => {
    const graph = await parseFlow(releaseFlow(standard, { status: 'ready' }, { blocking: [{ stageId: 'staging', items: [text] }] }));
    const node = [...graph.nodes.values()].find((n) => n.classes.includes('blocking'))!;
    expect(node.label.split('\n')[1]).toBe(shown(`• ${text}`));
  });
});
