/**
 * The flow of a release process: its stages in order (owner and steps in each), an exit
 * check after every stage with a checklist whose "no" goes back to `onFail`, and the
 * rollback branch of the go-live stage (the stage that claims `rolled-back`). Built from the
 * process record alone, so the hotfix and temporary processes draw their own flow.
 */
import type { Process, Stage } from '../../schema/index.ts';
import { BR, bold, clip, esc, join, lines, wrap, type Safe } from './escape.ts';
import { Flowchart } from './flowchart.ts';
import { labels, type DiagramLocale } from './labels.ts';

export interface ProcessFlowOptions {
  locale?: DiagramLocale;
}

/** Role key -> label (`site.roles`). */
export type Roles = Readonly<Record<string, string>>;

/** Columns per line in a stage box; a CJK character counts two. */
const WIDTH = 30;
const MAX_STEPS = 8;

export interface StageNodes {
  stage: Stage;
  node: string;
  /** The exit check after the stage, when it has one. */
  check: string | undefined;
}

export interface ProcessGraph {
  chart: Flowchart;
  stages: StageNodes[];
  /** The rollback branch of the go-live stage. */
  rollback: { node: string; stageId: string } | undefined;
  start: string;
  end: string;
}

/** The stage that claims `rolled-back`: where a release goes out, and where it is rolled back. */
export function goLiveStage(process: Process): Stage | undefined {
  return process.stages.find((s) => s.statuses.includes('rolled-back'));
}

function stageLabel(stage: Stage, roles: Roles, locale: DiagramLocale, stateLine: string | undefined): Safe {
  const l = labels(locale);
  const parts: Safe[] = [bold(lines(wrap(stage.title, WIDTH - 6, 2)))];
  if (stateLine) parts.push(esc(stateLine));
  if (stage.owner) parts.push(esc(l.owner(roles[stage.owner] ?? stage.owner)));
  const shown = stage.steps.slice(0, MAX_STEPS);
  shown.forEach((step, i) => parts.push(lines(wrap(`${i + 1}. ${step}`, WIDTH, 2))));
  if (stage.steps.length > shown.length) parts.push(esc(l.more(stage.steps.length - shown.length)));
  return join(parts, BR);
}

/**
 * The process graph shared by `processFlow` and `releaseFlow`; `stateLine` adds a line to
 * each stage (the release flow's state), and then the caller classes the nodes.
 */
export function processGraph(
  process: Process,
  roles: Roles,
  locale: DiagramLocale,
  stateLine?: (stage: Stage, index: number) => string,
): ProcessGraph {
  const l = labels(locale);
  const chart = new Flowchart('TD');
  const start = chart.node(esc(l.start), 'stadium', { class: 'terminal' });
  const goLive = goLiveStage(process);
  const stages: StageNodes[] = process.stages.map((stage, i) => {
    // With an overlay, the caller classes stages by state instead (one class per node).
    const node = chart.node(stageLabel(stage, roles, locale, stateLine?.(stage, i)), 'box', stateLine ? {} : { class: 'stage' });
    const hasCheck = stage.checklist.length > 0 || stage === goLive;
    const checkText = stage === goLive && stage.checklist.length === 0 ? l.exitCheckRollback : l.exitCheck(stage.checklist.length);
    const check = hasCheck ? chart.node(esc(checkText), 'diamond', stateLine ? {} : { class: 'check' }) : undefined;
    return { stage, node, check };
  });
  const end = chart.node(esc(l.end), 'stadium', { class: 'terminal' });
  const byId = new Map(stages.map((s) => [s.stage.id, s]));

  let rollback: ProcessGraph['rollback'];
  chart.edge(start, stages[0]?.node ?? end);
  for (const [i, s] of stages.entries()) {
    const next = stages[i + 1]?.node ?? end;
    if (!s.check) {
      chart.edge(s.node, next);
      continue;
    }
    chart.edge(s.node, s.check);
    chart.edge(s.check, next, { label: esc(l.yes) });
    const back = byId.get(s.stage.onFail ?? s.stage.id) ?? s;
    if (s.stage === goLive) {
      const node = chart.node(esc(l.rollback), 'subroutine');
      rollback = { node, stageId: s.stage.id };
      chart.edge(s.check, node, { label: esc(l.no) });
      if (s.stage.onFail) chart.edge(node, back.node, { label: esc(l.backTo(clip(back.stage.title, 24))), link: 'dotted' });
      else chart.edge(node, chart.node(esc(l.rolledBackEnd), 'stadium', { class: 'terminal' }));
    } else {
      chart.edge(s.check, back.node, { label: esc(l.no), link: 'dotted' });
    }
  }
  chart.classDef('terminal', 'fill:#eef1f6,stroke:#5b6475,color:#1d2330');
  if (!stateLine) {
    chart.classDef('stage', 'fill:#ffffff,stroke:#1f5fbf,color:#1d2330');
    chart.classDef('check', 'fill:#fff8e6,stroke:#8a5a00,color:#1d2330');
    chart.classDef('rollback', 'fill:#fdecea,stroke:#b42318,color:#1d2330');
    if (rollback) chart.addClass(rollback.node, 'rollback');
  }
  return { chart, stages, rollback, start, end };
}

/** Mermaid source of a process's flow. */
export function processFlow(process: Process, roles: Roles, options: ProcessFlowOptions = {}): string {
  return processGraph(process, roles, options.locale ?? 'zh-CN').chart.toString();
}

/** The text alternative of the process flow: one entry per stage, in order. */
export function processFlowOutline(process: Process, roles: Roles, options: ProcessFlowOptions = {}): string[] {
  const locale = options.locale ?? 'zh-CN';
  const l = labels(locale);
  const goLive = goLiveStage(process);
  const titleOf = new Map(process.stages.map((s) => [s.id, s.title]));
  return process.stages.map((stage, i) => {
    const parts = [`${i + 1}. ${stage.title}`];
    if (stage.owner) parts.push(l.owner(roles[stage.owner] ?? stage.owner));
    if (stage.steps.length > 0) parts.push(stage.steps.join(locale === 'en' ? '; ' : '；'));
    if (stage.checklist.length > 0) parts.push(l.exitCheck(stage.checklist.length));
    if (stage === goLive) parts.push(`${l.no} → ${l.rollback}`);
    if (stage.onFail && (stage.checklist.length > 0 || stage === goLive)) {
      parts.push(`${l.no} → ${l.backTo(titleOf.get(stage.onFail) ?? stage.onFail)}`);
    }
    return parts.map((p) => p.replace(/\s+/g, ' ').trim()).join(' · ');
  });
}
