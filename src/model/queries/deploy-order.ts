/** The deploy order of a launch plan: components in steps, each step after every component it depends on. */
import type { Component } from '../../schema/index.ts';

export interface DeployStep {
  /** 1-based step number; components of the same step can run in parallel. */
  step: number;
  components: Component[];
}

/** Kahn's layering in plan order; components caught in a cycle (a check error) go last. */
export function deploySteps(components: readonly Component[]): DeployStep[] {
  const ids = new Set(components.map((c) => c.id));
  const placed = new Map<string, number>();
  const steps: DeployStep[] = [];
  let remaining = [...components];
  while (remaining.length > 0) {
    const ready = remaining.filter((c) => c.dependsOn.every((d) => !ids.has(d) || placed.has(d)));
    const layer = ready.length > 0 ? ready : remaining;
    const step = steps.length + 1;
    for (const c of layer) placed.set(c.id, step);
    steps.push({ step, components: layer });
    remaining = remaining.filter((c) => !layer.includes(c));
  }
  return steps;
}
