/** `plan.components[].dependsOn` names components of the same release and has no cycle. */
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function checkDependsOn(ctx: RuleContext): void {
  for (const release of ctx.content.releases) {
    const components = release.data.plan?.components ?? [];
    const ids = new Set(components.map((c) => c.id));
    components.forEach((c, i) => {
      c.dependsOn.forEach((dep, k) => {
        if (!ids.has(dep)) {
          ctx.report(release, ['plan', 'components', i, 'dependsOn', k], `component "${dep}" is not in this release's plan`, didYouMean(dep, ids));
        }
      });
    });
    const cycle = findCycle(new Map(components.map((c) => [c.id, c.dependsOn.filter((d) => ids.has(d))])));
    if (cycle) {
      const index = components.findIndex((c) => c.id === cycle[0]);
      ctx.report(release, ['plan', 'components', index, 'dependsOn'], `dependsOn forms a cycle: ${cycle.join(' → ')}`, 'a component cannot wait, directly or not, for itself');
    }
  }
}

/** The first cycle found by depth-first search, as ids from its start back to its start. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of graph.get(id) ?? []) {
      if (state.get(next) === 'visiting') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return undefined;
}
