import { beforeAll, describe, expect, it } from 'vitest';
import { releaseSchema, type ReleaseInput } from '../../../src/schema/index.ts';
import { deployOrderFlow, deployOrderOutline, type Plan } from '../../../src/model/diagrams/index.ts';
import type { Content } from '../../../src/model/content.ts';
import { parseFlow, type FlowGraph, type FlowNode } from './mermaid.ts';
import { HOSTILE, SAMPLE, loadValid } from './samples.ts';
import { HOSTILE_TEXTS, shown } from './hostile.ts';

let sample: Content;
beforeAll(async () => {
  sample = await loadValid(SAMPLE);
});

function planOf(plan: NonNullable<ReleaseInput['plan']>): Plan {
  return releaseSchema.parse({ service: 's', version: '1.0.0', process: 'p', status: 'planned', plan }).plan!;
}
const title = (n: FlowNode) => n.label.split('\n')[0]!;
const nodeTitled = (graph: FlowGraph, text: string) => [...graph.nodes.values()].find((n) => title(n) === text)!;

describe('deployOrderFlow (payment-gateway 2.3.0)', () => {
  let graph: FlowGraph;
  beforeAll(async () => {
    graph = await parseFlow(deployOrderFlow(sample.releaseByRef.get('payment-gateway@2.3.0')!.data.plan!));
  });

  it('groups components by step, parallel ones in the same subgraph', () => {
    expect(graph.subgraphs.map((s) => [s.title, s.nodes.map((id) => title(graph.nodes.get(id)!))])).toEqual([
      ['第 1 步', ['支付库迁移(退款对账表)', '对账缓存 Redis 7.2', '暂停清结算对账任务']],
      ['第 2 步', ['网关 API']],
      ['第 3 步', ['退款对账任务', '商户门户退款对账页']],
      ['第 4 步', ['恢复清结算对账任务']],
    ]);
  });

  it('shows the kind by shape and class, and step, kind and action in the label', () => {
    expect(nodeTitled(graph, '支付库迁移(退款对账表)')).toMatchObject({ shape: 'cylinder', classes: ['database'] });
    expect(nodeTitled(graph, '对账缓存 Redis 7.2')).toMatchObject({ shape: 'subroutine', classes: ['external'] });
    expect(nodeTitled(graph, '暂停清结算对账任务')).toMatchObject({ shape: 'hexagon', classes: ['job'] });
    expect(nodeTitled(graph, '网关 API')).toMatchObject({ shape: 'square', classes: ['service'] });
    expect(nodeTitled(graph, '商户门户退款对账页')).toMatchObject({ shape: 'lean_right', classes: ['frontend'] });
    expect(nodeTitled(graph, '网关 API').label.split('\n')[1]).toBe('2 · 服务 · 部署');
  });

  it('draws an edge for every dependsOn', () => {
    const edges = graph.edges.filter((e) => e.stroke === 'normal').map((e) => `${title(graph.nodes.get(e.from)!)} -> ${title(graph.nodes.get(e.to)!)}`);
    expect(edges.sort()).toEqual([
      '支付库迁移(退款对账表) -> 网关 API',
      '对账缓存 Redis 7.2 -> 网关 API',
      '网关 API -> 退款对账任务',
      '网关 API -> 商户门户退款对账页',
      '退款对账任务 -> 恢复清结算对账任务',
    ].sort());
  });

  it('stops services before the first step and restarts them after the last', () => {
    const stop = nodeTitled(graph, '窗口内停止的服务');
    expect(stop).toMatchObject({ shape: 'trapezoid', classes: ['stopped'] });
    expect(stop.label.split('\n')).toEqual(['窗口内停止的服务', 'settlement-job']);
    expect(graph.edges.find((e) => e.from === stop.id)).toMatchObject({ to: graph.subgraphs[0]!.id, stroke: 'dotted' });
    const restart = nodeTitled(graph, '恢复已停止的服务');
    expect(graph.edges.find((e) => e.to === restart.id)!.from).toBe(graph.subgraphs[3]!.id);
  });

  it('hangs the DB scripts on the database component', () => {
    const scripts = nodeTitled(graph, '数据库脚本');
    expect(scripts.label.split('\n').slice(1)).toEqual(['001_refund.sql · 有回滚脚本', '002_recon_index.sql · 有回滚脚本']);
    expect(graph.edges.filter((e) => e.from === scripts.id).map((e) => title(graph.nodes.get(e.to)!))).toEqual(['支付库迁移(退款对账表)']);
  });

  it('outlines stops, scripts, then each step', () => {
    const outline = deployOrderOutline(sample.releaseByRef.get('payment-gateway@2.3.0')!.data.plan!);
    expect(outline[0]).toBe('窗口内停止的服务: settlement-job');
    expect(outline[2]).toBe('第 1 步: 支付库迁移(退款对账表) (数据库, 迁移)；对账缓存 Redis 7.2 (外部应用, 安装)；暂停清结算对账任务 (任务, 停止)');
    expect(outline.at(-1)).toBe('恢复已停止的服务');
  });
});

describe('deployOrderFlow edge cases', () => {
  it('puts DB scripts before the first step when no component is a database', async () => {
    const plan = planOf({
      components: [{ id: 'api', title: 'API', kind: 'service', action: 'deploy' }],
      dbScripts: [{ file: 'a/001.sql', irreversible: true, reason: 'r' }, { file: 'a/002.sql' }],
    });
    const graph = await parseFlow(deployOrderFlow(plan, { locale: 'en' }));
    const start = nodeTitled(graph, 'Before deploying');
    const scripts = nodeTitled(graph, 'Database scripts');
    expect(scripts.label.split('\n').slice(1)).toEqual(['001.sql · irreversible', '002.sql · no rollback script']);
    expect(graph.edges.find((e) => e.from === start.id)!.to).toBe(scripts.id);
    expect(graph.edges.find((e) => e.from === scripts.id)!.to).toBe(graph.subgraphs[0]!.id);
  });

  it('draws stops alone when there are no components', async () => {
    const graph = await parseFlow(deployOrderFlow(planOf({ stops: ['order-service'] }), { locale: 'en' }));
    expect([...graph.nodes.values()].map(title)).toEqual(['Services stopped during the window', 'Restart the stopped services']);
    expect(graph.subgraphs).toEqual([]);
  });

  it('keeps 40 components readable: 7 steps side by side, each component once', async () => {
    const fixture = await loadValid(HOSTILE);
    const plan = fixture.releaseByRef.get('big@2.0.0')!.data.plan!;
    const graph = await parseFlow(deployOrderFlow(plan));
    expect(graph.direction).toBe('LR');
    expect(graph.subgraphs.map((s) => s.nodes.length)).toEqual([5, 9, 8, 7, 5, 4, 2]);
    expect(new Set(graph.subgraphs.flatMap((s) => s.nodes)).size).toBe(40);
    expect(graph.edges.filter((e) => e.stroke === 'normal')).toHaveLength(plan.components.reduce((n, c) => n + c.dependsOn.length, 0));
  });

  it('lays a long chain out top-down', async () => {
    const components = Array.from({ length: 8 }, (_, i) => ({
      id: `c${i}`, title: `C${i}`, kind: 'service' as const, action: 'deploy' as const, dependsOn: i ? [`c${i - 1}`] : [],
    }));
    expect((await parseFlow(deployOrderFlow(planOf({ components })))).direction).toBe('TB');
  });

  it.each(HOSTILE_TEXTS)('shows hostile component, stop and script text %j as text', async (text) => {
    const plan = planOf({
      components: [
        { id: 'db', title: text, kind: 'database', action: 'migrate' },
        { id: 'api', title: text, kind: 'service', action: 'deploy', dependsOn: ['db'] },
      ],
      stops: [text],
      dbScripts: [{ file: 'x/a.sql' }],
    });
    const source = deployOrderFlow(plan);
    expect(source).not.toContain('<script');
    const graph = await parseFlow(source);
    expect(graph.subgraphs.map((s) => s.nodes.length)).toEqual([1, 1]);
    for (const id of [...graph.subgraphs[0]!.nodes, ...graph.subgraphs[1]!.nodes]) {
      expect(title(graph.nodes.get(id)!)).toBe(shown(text));
    }
    expect(nodeTitled(graph, '窗口内停止的服务').label.split('\n')[1]).toBe(shown(text));
  });
});
