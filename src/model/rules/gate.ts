/**
 * The gate at build (spec: "Rules across records" → Gate): every required checklist item of a
 * stage the release has passed must hold. Each violation is reported on the release file at
 * its `status` line — the status is the claim the item contradicts — with the field
 * `checklist.<item-id>`, where the author fixes or waives it.
 */
import { evaluateGate } from '../gate/evaluate.ts';
import type { ItemEvaluation, StageEvaluation } from '../gate/types.ts';
import { problem } from '../problem.ts';
import type { RuleContext } from './context.ts';

function hintFor(item: ItemEvaluation): string {
  const waive = `waive it: checklist: { ${item.itemId}: { state: waived, by: …, note: … } }`;
  if (item.rule) return `fix it, or ${waive}`;
  return `tick it: checklist: { ${item.itemId}: done }, mark it n/a with a note, or ${waive}`;
}

export function checkGate(ctx: RuleContext): void {
  for (const release of ctx.content.releaseByRef.values()) {
    const gate = evaluateGate(ctx.content, release);
    if (!gate?.gated) continue;
    if (gate.blocking.length === 0) continue;
    const stages = new Map<string, StageEvaluation>(gate.stages.map((s) => [s.stageId, s]));
    const at = release.source.at(['status']);
    for (const item of gate.blocking) {
      const stage = stages.get(item.stageId);
      const stageName = stage ? `${stage.title} (${stage.stageId})` : item.stageId;
      const message = `${release.ref}: stage ${stageName} item ${item.itemId} fails: ${item.reason.en}`;
      ctx.problems.push(problem(release.file, at, ['checklist', item.itemId], message, hintFor(item)));
    }
  }
}
