import { beforeAll, describe, expect, it } from 'vitest';
import { processSchema, type Process } from '../../../src/schema/index.ts';
import { processFlow, processFlowOutline } from '../../../src/model/diagrams/index.ts';
import type { Content } from '../../../src/model/content.ts';
import { parseFlow, type FlowGraph } from './mermaid.ts';
import { HOSTILE, SAMPLE, loadValid } from './samples.ts';
import { HOSTILE_TEXTS, shown } from './hostile.ts';

let sample: Content;
let fixture: Content;
beforeAll(async () => {
  sample = await loadValid(SAMPLE);
  fixture = await loadValid(HOSTILE);
});

const roles = () => sample.site!.data.roles;
const byLabel = (graph: FlowGraph, first: string) => [...graph.nodes.values()].find((n) => n.label.split('\n')[0] === first);
const edgesFrom = (graph: FlowGraph, id: string) => graph.edges.filter((e) => e.from === id);

describe('processFlow (standard process)', () => {
  let graph: FlowGraph;
  let process: Process;
  beforeAll(async () => {
    process = sample.processes.get('standard')!.data;
    graph = await parseFlow(processFlow(process, roles()));
  });

  it('draws start, every stage in order with an exit check, the rollback branch and the end', () => {
    expect(graph.direction).toBe('TB');
    // start + 5 stages + 5 exit checks + rollback + end
    expect(graph.nodes.size).toBe(13);
    const stages = [...graph.nodes.values()].filter((n) => n.classes.includes('stage'));
    expect(stages.map((n) => n.label.split('\n')[0])).toEqual(['提交测试', '预热发布', '正式上线', '应用服务监控', '总结报告']);
    expect([...graph.nodes.values()].filter((n) => n.shape === 'diamond')).toHaveLength(5);
    expect(graph.nodes.get('n1')).toMatchObject({ label: '开始', shape: 'stadium' });
  });

  it('labels each stage with its owner role and steps', () => {
    const submit = byLabel(graph, '提交测试')!;
    const lines = submit.label.split('\n');
    expect(lines[1]).toBe('负责人：开发');
    expect(lines[2]).toMatch(/^1\. 开发人员配置开发环境并部署/);
    expect(submit.label).toContain('7. 内测完毕后');
    expect(byLabel(graph, '总结报告')!.label).toContain('负责人：技术负责人');
  });

  it('sends a failed exit check back to onFail ("否"), a passed one to the next stage ("是")', () => {
    const staging = byLabel(graph, '预热发布')!;
    const submit = byLabel(graph, '提交测试')!;
    const check = edgesFrom(graph, staging.id)[0]!.to;
    expect(graph.nodes.get(check)).toMatchObject({ label: '出口检查：5 项', shape: 'diamond' });
    const out = edgesFrom(graph, check);
    expect(out.find((e) => e.label === '是')!.to).toBe(byLabel(graph, '正式上线')!.id);
    expect(out.find((e) => e.label === '否')).toMatchObject({ to: submit.id, stroke: 'dotted' });
  });

  it('gives the go-live stage (the one claiming rolled-back) a rollback branch back to onFail', () => {
    const goLive = byLabel(graph, '正式上线')!;
    const check = edgesFrom(graph, goLive.id)[0]!.to;
    const no = edgesFrom(graph, check).find((e) => e.label === '否')!;
    expect(graph.nodes.get(no.to)).toMatchObject({ label: '执行回滚方案', shape: 'subroutine', classes: ['rollback'] });
    expect(edgesFrom(graph, no.to)).toEqual([
      expect.objectContaining({ to: byLabel(graph, '提交测试')!.id, label: '回到「提交测试」' }),
    ]);
  });

  it('ends after the last stage', () => {
    const summaryCheck = edgesFrom(graph, byLabel(graph, '总结报告')!.id)[0]!.to;
    const yes = edgesFrom(graph, summaryCheck).find((e) => e.label === '是')!;
    expect(graph.nodes.get(yes.to)).toMatchObject({ label: '结束', shape: 'stadium' });
  });

  it('has an outline with one entry per stage', () => {
    const outline = processFlowOutline(process, roles());
    expect(outline).toHaveLength(5);
    expect(outline[2]).toMatch(/^3\. 正式上线 · 负责人：运维 · .* · 出口检查：3 项 · 否 → 执行回滚方案 · 否 → 回到「提交测试」$/);
  });
});

describe('processFlow draws each process from its own record', () => {
  it.each(['hotfix', 'temporary'])('%s', async (id) => {
    const process = sample.processes.get(id)!.data;
    const graph = await parseFlow(processFlow(process, roles()));
    const titles = [...graph.nodes.values()].filter((n) => n.classes.includes('stage')).map((n) => n.label.split('\n')[0]);
    expect(titles).toEqual(process.stages.map((s) => s.title));
    const goLive = process.stages.find((s) => s.statuses.includes('rolled-back'))!;
    const check = edgesFrom(graph, byLabel(graph, goLive.title)!.id)[0]!.to;
    const rollback = edgesFrom(graph, check).find((e) => e.label === '否')!.to;
    expect(graph.nodes.get(rollback)!.label).toBe('执行回滚方案');
    expect(edgesFrom(graph, rollback)[0]!.to).toBe(byLabel(graph, process.stages.find((s) => s.id === goLive.onFail)!.title)!.id);
  });

  it('draws a stage without a checklist straight on, and no rollback when no stage claims rolled-back', async () => {
    const process = processSchema.parse({
      title: 'Two',
      stages: [
        { id: 'a', title: 'A', statuses: ['planned', 'testing', 'staging', 'ready', 'deploying', 'released', 'rolled-back'] },
        { id: 'b', title: 'B', checklist: [{ id: 'x', text: 'X' }] },
      ],
    });
    const graph = await parseFlow(processFlow(process, {}, { locale: 'en' }));
    // A claims rolled-back, so it gets a check even without a checklist; B has its checklist.
    expect([...graph.nodes.values()].map((n) => n.label.split('\n')[0])).toEqual([
      'Start', 'A', 'Went live without problems?', 'B', 'Exit check: 1 item', 'Done', 'Roll back', 'Rolled back',
    ]);
    const b = byLabel(graph, 'B')!;
    const bCheck = edgesFrom(graph, b.id)[0]!.to;
    // No onFail: "no" stays in the stage.
    expect(edgesFrom(graph, bCheck).find((e) => e.label === 'no')!.to).toBe(b.id);

    const plain = processSchema.parse({ title: 'P', stages: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] });
    const flat = await parseFlow(processFlow(plain, {}, { locale: 'en' }));
    expect([...flat.nodes.values()].map((n) => n.label)).toEqual(['Start', 'A', 'B', 'Done']);
    expect(flat.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['n1>n2', 'n2>n3', 'n3>n4']);
  });

  it('keeps a process with 12 stages in one top-down flow', async () => {
    const process = fixture.processes.get('twelve')!.data;
    const graph = await parseFlow(processFlow(process, fixture.site!.data.roles));
    expect(process.stages).toHaveLength(12);
    expect([...graph.nodes.values()].filter((n) => n.classes.includes('stage'))).toHaveLength(12);
    expect(graph.direction).toBe('TB');
  });
});

describe('processFlow with hostile text', () => {
  it.each(HOSTILE_TEXTS)('shows %j as text, in titles, owners, steps and edge labels', async (text) => {
    const process = processSchema.parse({
      title: text,
      stages: [
        { id: 'a', title: text, owner: 'dev', statuses: ['planned', 'testing'], steps: [text, text], checklist: [{ id: 'x', text }] },
        { id: 'b', title: text, statuses: ['staging', 'ready', 'deploying', 'released', 'rolled-back'], onFail: 'a', checklist: [{ id: 'y', text }] },
      ],
    });
    const source = processFlow(process, { dev: text });
    expect(source).not.toContain('<script');
    const graph = await parseFlow(source);
    const stages = [...graph.nodes.values()].filter((n) => n.classes.includes('stage'));
    expect(stages).toHaveLength(2);
    const lines = stages[0]!.label.split('\n');
    expect(lines[0]).toBe(shown(text));
    expect(lines[1]).toBe(shown(`负责人：${text}`));
    expect(lines[2]).toBe(shown(`1. ${text}`));
    expect(graph.edges.find((e) => e.label.startsWith('回到'))!.label).toBe(`回到「${shown(text)}」`);
    // Ids are ours: n1… for nodes, nothing else.
    expect([...graph.nodes.keys()].every((id) => /^n\d+$/.test(id))).toBe(true);
  });
});
