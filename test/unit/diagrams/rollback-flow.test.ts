import { beforeAll, describe, expect, it } from 'vitest';
import { releaseSchema, type ReleaseInput } from '../../../src/schema/index.ts';
import { rollbackFlow, rollbackFlowOutline } from '../../../src/model/diagrams/index.ts';
import type { Content } from '../../../src/model/content.ts';
import { parseFlow, type FlowGraph } from './mermaid.ts';
import { SAMPLE, loadValid } from './samples.ts';
import { HOSTILE_TEXTS, shown } from './hostile.ts';

let sample: Content;
beforeAll(async () => {
  sample = await loadValid(SAMPLE);
});

const withClass = (graph: FlowGraph, name: string) => [...graph.nodes.values()].find((n) => n.classes.includes(name))!;

function release(fields: Partial<ReleaseInput>) {
  return releaseSchema.parse({ service: 's', version: '1.0.0', process: 'p', status: 'planned', ...fields });
}

describe('rollbackFlow', () => {
  it('draws trigger -> steps in order -> target version, with the estimate on the steps', async () => {
    const data = sample.releaseByRef.get('payment-gateway@2.3.0')!.data;
    const graph = await parseFlow(rollbackFlow(data));
    const trigger = withClass(graph, 'trigger');
    expect(trigger.shape).toBe('hexagon');
    expect(trigger.label.split('\n')[0]).toBe('触发条件');
    expect(trigger.label.split('\n').slice(1).join('')).toBe('交易成功率低于 99% 持续 5 分钟，或数据库 CPU 高于 85% 持续 10 分钟');
    expect(graph.subgraphs).toHaveLength(1);
    expect(graph.subgraphs[0]!.title).toBe('回滚步骤 · 预计 20分钟');
    // Lines break at spaces (dropped) or between CJK characters: compare without whitespace.
    const squash = (text: string) => text.replace(/\s/g, '');
    expect(graph.subgraphs[0]!.nodes.map((id) => squash(graph.nodes.get(id)!.label))).toEqual(
      data.plan!.rollback!.steps.map((s, i) => squash(`${i + 1}. ${s}`)),
    );
    // rolledBack.to wins over baseline.previous
    const target = withClass(graph, 'target');
    expect(target).toMatchObject({ label: '回到 2.2.4', shape: 'stadium' });
    // One chain: trigger, the five steps in order, target.
    const chain = [trigger.id, ...graph.subgraphs[0]!.nodes, target.id];
    expect(graph.edges.map((e) => [e.from, e.to])).toEqual(chain.slice(1).map((to, i) => [chain[i], to]));
  });

  it('falls back to baseline.previous, then to "the previous version"', async () => {
    const withPrevious = release({ baseline: { previous: '0.9.0' }, plan: { rollback: { steps: ['a'], estimate: '1h30m' } } });
    const graph = await parseFlow(rollbackFlow(withPrevious, { locale: 'en' }));
    expect(withClass(graph, 'target').label).toBe('Back on 0.9.0');
    expect(graph.subgraphs[0]!.title).toBe('Rollback steps · estimate 1h 30m');
    expect(withClass(graph, 'trigger').label).toBe('Rollback decided');

    const bare = await parseFlow(rollbackFlow(release({}), { locale: 'en' }));
    expect(['trigger', 'step', 'target'].map((c) => withClass(bare, c).label)).toEqual(['Rollback decided', 'No rollback steps recorded', 'Back on the previous version']);
  });

  it('outlines trigger, estimate, steps and target', () => {
    const outline = rollbackFlowOutline(release({ baseline: { previous: '0.9.0' }, plan: { rollback: { trigger: 'T', steps: ['a', 'b'], estimate: 20 } } }));
    expect(outline).toEqual(['触发条件: T', '回滚步骤 · 预计 20分钟', '1. a', '2. b', '回到 0.9.0']);
  });

  it.each(HOSTILE_TEXTS)('shows hostile trigger and steps %j as text', async (text) => {
    const source = rollbackFlow(release({ plan: { rollback: { trigger: text, steps: [text, text] } } }));
    expect(source).not.toContain('<script');
    const graph = await parseFlow(source);
    expect(withClass(graph, 'trigger').label.split('\n')[1]).toBe(shown(text));
    expect(withClass(graph, 'step').label).toBe(shown(`1. ${text}`));
  });
});
