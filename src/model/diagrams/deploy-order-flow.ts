/**
 * The deploy order of a launch plan as a graph: components in the steps of `deploySteps`
 * (one subgraph per step, so parallel components stand together), edges from `dependsOn`,
 * the kind shown by the node's shape and the action in its label. Services stopped during
 * the window come before the first step and are restarted after the last; DB scripts hang
 * on the database components they change (or before the first step when there is none).
 */
import type { Component, Release } from '../../schema/index.ts';
import { deploySteps } from '../queries/deploy-order.ts';
import { BR, bold, clip, esc, join, lines, wrap, type Safe } from './escape.ts';
import { Flowchart, type Direction, type Shape } from './flowchart.ts';
import { labels, type DiagramLocale } from './labels.ts';

export type Plan = NonNullable<Release['plan']>;

export interface DeployOrderOptions {
  locale?: DiagramLocale;
}

/** The shape of each component kind (the label names the kind too, for readers who cannot tell shapes). */
export const KIND_SHAPES: Record<Component['kind'], Shape> = {
  service: 'box',
  frontend: 'parallelogram',
  database: 'cylinder',
  job: 'hexagon',
  config: 'flag',
  external: 'subroutine',
};

const MAX_LIST = 8;

function fileName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** Steps run top to bottom when the plan is deep, left to right when it is wide. */
function directionOf(steps: readonly { components: readonly Component[] }[]): Direction {
  const widest = Math.max(0, ...steps.map((s) => s.components.length));
  return steps.length > 4 && steps.length >= widest ? 'TD' : 'LR';
}

function listLabel(title: string, items: readonly string[], locale: DiagramLocale): Safe {
  const shown = items.slice(0, MAX_LIST).map((item) => esc(clip(item, 36)));
  if (items.length > MAX_LIST) shown.push(esc(labels(locale).more(items.length - MAX_LIST)));
  return join([bold(esc(title)), ...shown], BR);
}

/** Mermaid source of a launch plan's deploy order. */
export function deployOrderFlow(plan: Plan, options: DeployOrderOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const l = labels(locale);
  const steps = deploySteps(plan.components);
  const chart = new Flowchart(directionOf(steps));

  const nodeOf = new Map<string, string>();
  const stepGroups: string[] = [];
  for (const { step, components } of steps) {
    const group = chart.subgraph(esc(l.step(step)));
    stepGroups.push(group);
    for (const c of components) {
      const label: Safe = join(
        [bold(lines(wrap(c.title, 28, 2))), esc(`${step} · ${l.kind[c.kind]} · ${l.action[c.action]}`)],
        BR,
      );
      nodeOf.set(c.id, chart.node(label, KIND_SHAPES[c.kind], { in: group, class: c.kind }));
    }
  }
  for (const c of plan.components) {
    for (const dep of c.dependsOn) {
      const from = nodeOf.get(dep);
      const to = nodeOf.get(c.id);
      if (from && to) chart.edge(from, to);
    }
  }

  const first = stepGroups[0];
  const last = stepGroups[stepGroups.length - 1];
  if (plan.stops.length > 0) {
    const stop = chart.node(listLabel(l.stopped, plan.stops, locale), 'trapezoid', { class: 'stopped' });
    const restart = chart.node(esc(l.restart), 'trapezoid', { class: 'stopped' });
    if (first && last) {
      chart.edge(stop, first, { link: 'dotted' });
      chart.edge(last, restart, { link: 'dotted' });
    } else chart.edge(stop, restart, { link: 'dotted' });
  }

  if (plan.dbScripts.length > 0) {
    const scripts = plan.dbScripts.map((s) => {
      const note = s.rollback ? l.scriptRollback : s.irreversible ? l.scriptIrreversible : l.scriptNoRollback;
      return `${fileName(s.file)} · ${note}`;
    });
    const node = chart.node(listLabel(l.dbScripts, scripts, locale), 'flag', { class: 'script' });
    const databases = plan.components.filter((c) => c.kind === 'database').map((c) => nodeOf.get(c.id)!);
    if (databases.length > 0) for (const db of databases) chart.edge(node, db, { link: 'dotted' });
    else {
      const start = chart.node(esc(l.beforeDeploy), 'stadium', { class: 'terminal' });
      chart.edge(start, node);
      if (first) chart.edge(node, first, { link: 'dotted' });
    }
  }

  chart.classDef('service', 'fill:#e8f0fc,stroke:#1f5fbf,color:#0f2d5c');
  chart.classDef('frontend', 'fill:#efe8fc,stroke:#6a3fbf,color:#2e1660');
  chart.classDef('database', 'fill:#fff1cc,stroke:#8a5a00,color:#3d2800');
  chart.classDef('job', 'fill:#e3f4f4,stroke:#1a7373,color:#0b3333');
  chart.classDef('config', 'fill:#f4f6fa,stroke:#5b6475,color:#1d2330');
  chart.classDef('external', 'fill:#fce8f3,stroke:#a3316f,color:#4d1033');
  chart.classDef('stopped', 'fill:#fdecea,stroke:#b42318,color:#5c0f0a');
  chart.classDef('script', 'fill:#fffbe6,stroke:#8a5a00,color:#3d2800');
  chart.classDef('terminal', 'fill:#eef1f6,stroke:#5b6475,color:#1d2330');
  return chart.toString();
}

/** The text alternative: one entry per step, its components with kind and action. */
export function deployOrderOutline(plan: Plan, options: DeployOrderOptions = {}): string[] {
  const locale = options.locale ?? 'zh-CN';
  const l = labels(locale);
  const sep = locale === 'en' ? '; ' : '；';
  const out: string[] = [];
  if (plan.stops.length > 0) out.push(`${l.stopped}: ${plan.stops.join(sep)}`);
  if (plan.dbScripts.length > 0) out.push(`${l.dbScripts}: ${plan.dbScripts.map((s) => fileName(s.file)).join(sep)}`);
  for (const { step, components } of deploySteps(plan.components)) {
    out.push(`${l.step(step)}: ${components.map((c) => `${c.title} (${l.kind[c.kind]}, ${l.action[c.action]})`).join(sep)}`);
  }
  if (plan.stops.length > 0) out.push(l.restart);
  return out;
}
