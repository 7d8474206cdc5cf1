/**
 * A release's rollback plan as a flow: the trigger, the steps in order (grouped with the
 * estimate), and the version the service ends on (`rolledBack.to`, else `baseline.previous`).
 * Pages show it when the plan has rollback steps.
 */
import type { Release } from '../../schema/index.ts';
import { esc, lines, wrap } from './escape.ts';
import { Flowchart } from './flowchart.ts';
import { labels, minutesText, type DiagramLocale } from './labels.ts';

export interface RollbackFlowOptions {
  locale?: DiagramLocale;
}

type RollbackRelease = Pick<Release, 'plan' | 'rolledBack' | 'baseline'>;

function targetVersion(release: RollbackRelease): string | undefined {
  return release.rolledBack?.to ?? release.baseline?.previous;
}

function groupTitle(release: RollbackRelease, locale: DiagramLocale): string {
  const l = labels(locale);
  const estimate = release.plan?.rollback?.estimate;
  return estimate === undefined ? l.rollbackSteps : `${l.rollbackSteps} · ${l.estimate(minutesText(estimate, locale))}`;
}

/** Mermaid source of a release's rollback plan. */
export function rollbackFlow(release: RollbackRelease, options: RollbackFlowOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const l = labels(locale);
  const rollback = release.plan?.rollback;
  const chart = new Flowchart('TD');
  const trigger = rollback?.trigger
    ? chart.node(lines([l.trigger, ...wrap(rollback.trigger, 32, 4)]), 'hexagon', { class: 'trigger' })
    : chart.node(esc(l.noTrigger), 'hexagon', { class: 'trigger' });
  const group = chart.subgraph(esc(groupTitle(release, locale)));
  const steps = rollback?.steps ?? [];
  const nodes = steps.length > 0
    ? steps.map((step, i) => chart.node(lines(wrap(`${i + 1}. ${step}`, 36, 3)), 'box', { in: group, class: 'step' }))
    : [chart.node(esc(l.noSteps), 'box', { in: group, class: 'step' })];
  const version = targetVersion(release);
  const target = chart.node(esc(version ? l.target(version) : l.targetUnknown), 'stadium', { class: 'target' });
  chart.edge(trigger, nodes[0]!);
  for (let i = 1; i < nodes.length; i++) chart.edge(nodes[i - 1]!, nodes[i]!);
  chart.edge(nodes[nodes.length - 1]!, target);
  chart.classDef('trigger', 'fill:#fdecea,stroke:#b42318,color:#5c0f0a');
  chart.classDef('step', 'fill:#ffffff,stroke:#5b6475,color:#1d2330');
  chart.classDef('target', 'fill:#dff3e6,stroke:#17703a,color:#0b3d1f');
  return chart.toString();
}

/** The text alternative: trigger, numbered steps with the estimate, target version. */
export function rollbackFlowOutline(release: RollbackRelease, options: RollbackFlowOptions = {}): string[] {
  const locale = options.locale ?? 'zh-CN';
  const l = labels(locale);
  const rollback = release.plan?.rollback;
  const version = targetVersion(release);
  return [
    `${l.trigger}: ${rollback?.trigger ?? l.noTrigger}`,
    groupTitle(release, locale),
    ...(rollback?.steps.length ? rollback.steps.map((s, i) => `${i + 1}. ${s}`) : [l.noSteps]),
    version ? l.target(version) : l.targetUnknown,
  ];
}
