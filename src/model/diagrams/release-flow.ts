/**
 * A release's way through its process: the process flow with each stage marked passed,
 * current, not reached, failed (rolled back) or cancelled, following the gate rules of the
 * spec ("the stage that claims a release's status is its current stage; every stage before
 * it is passed, and for `released` the current stage is passed too"). Checklist items that
 * block a stage (supplied by the gate module) are drawn next to it.
 */
import type { Process, Release, Stage } from '../../schema/index.ts';
import { BR, bold, clip, esc, join, type Safe } from './escape.ts';
import { labels, type DiagramLocale, type StageState } from './labels.ts';
import { processGraph, type Roles } from './process-flow.ts';

export interface BlockingItems {
  stageId: string;
  /** The blocking checklist items, as a person reads them. */
  items: string[];
}

export interface ReleaseFlowOptions {
  locale?: DiagramLocale;
  /** Role labels (`site.roles`); role keys are shown when omitted. */
  roles?: Roles;
  /** Checklist items that block a stage, drawn next to it. */
  blocking?: readonly BlockingItems[];
}

const MAX_ITEMS = 6;

/** The state of every stage of `process` for `release`, in stage order. */
export function stageStates(process: Process, release: Pick<Release, 'status'>): StageState[] {
  if (release.status === 'cancelled') return process.stages.map(() => 'cancelled');
  const current = process.stages.findIndex((s) => s.statuses.includes(release.status));
  return process.stages.map((_, i) => {
    if (current < 0 || i > current) return 'pending';
    if (i < current) return 'passed';
    if (release.status === 'released') return 'passed';
    if (release.status === 'rolled-back') return 'failed';
    return 'current';
  });
}

/** A stage's state in words; for a released release, the stages after go-live are follow-ups. */
function stateText(states: readonly StageState[], i: number, release: Pick<Release, 'status'>, locale: DiagramLocale): string {
  const l = labels(locale);
  const state = states[i] ?? 'pending';
  return state === 'pending' && release.status === 'released' ? l.followUp : l.state[state];
}

/**
 * Checklist items (the gate module's evaluations, or anything with `stageId` and `text`)
 * grouped by stage, in first-seen order, for the `blocking` option.
 */
export function blockingByStage(items: readonly { stageId: string; text: string }[]): BlockingItems[] {
  const byStage = new Map<string, string[]>();
  for (const item of items) {
    const list = byStage.get(item.stageId) ?? [];
    if (!list.includes(item.text)) list.push(item.text);
    byStage.set(item.stageId, list);
  }
  return [...byStage].map(([stageId, texts]) => ({ stageId, items: texts }));
}

function blockingLabel(items: readonly string[], locale: DiagramLocale): Safe {
  const l = labels(locale);
  const shown = items.slice(0, MAX_ITEMS).map((item) => esc(`• ${clip(item, 40)}`));
  if (items.length > MAX_ITEMS) shown.push(esc(l.more(items.length - MAX_ITEMS)));
  return join([bold(esc(l.blocking)), ...shown], BR);
}

/** Mermaid source of a release's flow through its process. */
export function releaseFlow(process: Process, release: Pick<Release, 'status'>, options: ReleaseFlowOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const states = stageStates(process, release);
  const stateLine = (_stage: Stage, i: number): string => stateText(states, i, release, locale);
  const graph = processGraph(process, options.roles ?? {}, locale, stateLine);
  const { chart } = graph;

  graph.stages.forEach((s, i) => {
    const state = states[i] ?? 'pending';
    chart.addClass(s.node, state);
    if (s.check) chart.addClass(s.check, state === 'current' ? 'pending' : state);
  });
  if (graph.rollback) chart.addClass(graph.rollback.node, release.status === 'rolled-back' ? 'failed' : 'pending');

  const byId = new Map(graph.stages.map((s) => [s.stage.id, s]));
  for (const block of options.blocking ?? []) {
    const target = byId.get(block.stageId);
    if (!target || block.items.length === 0) continue;
    const node = chart.node(blockingLabel(block.items, locale), 'flag', { class: 'blocking' });
    chart.edge(target.check ?? target.node, node, { link: 'dottedLine' });
  }

  chart.classDef('passed', 'fill:#dff3e6,stroke:#17703a,color:#0b3d1f');
  chart.classDef('current', 'fill:#fff1cc,stroke:#8a5a00,stroke-width:3px,color:#3d2800');
  chart.classDef('pending', 'fill:#f4f6fa,stroke:#9aa3b2,stroke-dasharray:4 3,color:#3a4150');
  chart.classDef('failed', 'fill:#fdecea,stroke:#b42318,stroke-width:3px,color:#5c0f0a');
  chart.classDef('cancelled', 'fill:#eeeeee,stroke:#8a8a8a,stroke-dasharray:2 2,color:#555555');
  chart.classDef('blocking', 'fill:#fdecea,stroke:#b42318,color:#5c0f0a');
  return chart.toString();
}

/** The text alternative: each stage with its state, and what blocks it. */
export function releaseFlowOutline(process: Process, release: Pick<Release, 'status'>, options: ReleaseFlowOptions = {}): string[] {
  const locale = options.locale ?? 'zh-CN';
  const l = labels(locale);
  const states = stageStates(process, release);
  const blocking = new Map((options.blocking ?? []).map((b) => [b.stageId, b.items]));
  return process.stages.map((stage, i) => {
    const parts = [`${i + 1}. ${stage.title}`, stateText(states, i, release, locale)];
    const items = blocking.get(stage.id) ?? [];
    if (items.length > 0) parts.push(`${l.blocking}: ${items.join(locale === 'en' ? '; ' : '；')}`);
    return parts.join(' · ');
  });
}
