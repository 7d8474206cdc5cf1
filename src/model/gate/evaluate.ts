/**
 * The gate of a release (spec: "Rules across records" → Gate): where the release stands in
 * its process, the state of every checklist item of every stage, and which items block.
 *
 * - The stage that claims the release's status is current; every stage before it is passed,
 *   and for `released` the current one too. A `rolled-back` release passed only the stages
 *   before its current one (the stage it went out in did not hold).
 * - Stages after the last stage that claims any status are follow-ups: evaluated and shown,
 *   never blocking.
 * - A required item of a passed stage must hold: `done`, `n/a`, `waived`, or for an item with
 *   a rule, the rule passes (or the item is waived). For a rule item the checklist can only
 *   waive: `done` or `n/a` written by hand does not override the computed answer.
 * - A cancelled release is not gated; its items are still evaluated for the pages.
 */
import { isHttpUrl, type ChecklistItem, type ChecklistState, type Stage } from '../../schema/index.ts';
import { timezoneOf, type Content, type ReleaseRecord } from '../content.ts';
import { perContent } from '../memo.ts';
import { RULE_FUNCTIONS } from './rules.ts';
import { dayOf, say } from './text.ts';
import type { Evidence, ItemEvaluation, ItemState, Localized, ReleaseGate, StageEvaluation, StagePosition } from './types.ts';

interface Entry {
  state: ChecklistState;
  by?: string | undefined;
  at?: string | undefined;
  evidence?: string | undefined;
  note?: string | undefined;
}

/** The release's checklist entry for an item: a bare state or the full form; not listed is pending. */
function entryOf(release: ReleaseRecord, itemId: string): Entry {
  const entry = release.data.checklist[itemId];
  if (entry === undefined) return { state: 'pending' };
  return typeof entry === 'string' ? { state: entry } : entry;
}

const HOLDING: ReadonlySet<ItemState> = new Set(['done', 'n/a', 'waived', 'passing']);

function manualReason(entry: Entry, timezone: string): Localized {
  const who = [entry.by, entry.at && dayOf(entry.at, timezone)].filter(Boolean).join(', ');
  switch (entry.state) {
    case 'done':
      return who ? say(`done (${who})`, `已完成(${who})`) : say('done', '已完成');
    case 'n/a':
      return say(`does not apply: ${entry.note ?? ''}`, `不适用：${entry.note ?? ''}`);
    case 'waived':
      return say(`waived by ${entry.by ?? '?'}: ${entry.note ?? ''}`, `已由 ${entry.by ?? '?'} 特批豁免：${entry.note ?? ''}`);
    case 'pending':
      return entry.note ? say(`not done yet: ${entry.note}`, `尚未完成：${entry.note}`) : say('not done yet', '尚未完成');
  }
}

function evaluateItem(content: Content, release: ReleaseRecord, stage: Stage, item: ChecklistItem, timezone: string): ItemEvaluation {
  const entry = entryOf(release, item.id);
  const evidence: Evidence[] = [];
  // Free text is shown as a label; only http(s) becomes a link (no javascript: from a record).
  if (entry.evidence) evidence.push(isHttpUrl(entry.evidence) ? { label: entry.evidence, href: entry.evidence } : { label: entry.evidence });

  let state: ItemState;
  let reason: Localized;
  if (entry.state === 'waived' || !item.rule) {
    state = entry.state;
    reason = manualReason(entry, timezone);
  } else {
    const result = RULE_FUNCTIONS[item.rule]({ content, release, item, timezone });
    state = result.passes ? 'passing' : 'failing';
    reason = result.reason;
    evidence.push(...result.evidence);
    if (!result.passes && (entry.state === 'done' || entry.state === 'n/a')) {
      reason = say(
        `${reason.en} (the checklist says ${entry.state}, but a computed item holds only when its rule passes or it is waived)`,
        `${reason['zh-CN']}(发布记录写了 ${entry.state}，但计算项只有规则通过或特批豁免才算满足)`,
      );
    }
  }

  const evaluation: ItemEvaluation = {
    stageId: stage.id,
    itemId: item.id,
    text: item.text,
    required: item.required,
    state,
    holds: HOLDING.has(state),
    reason,
    evidence,
  };
  if (item.owner) evaluation.owner = item.owner;
  if (item.rule) evaluation.rule = item.rule;
  if (entry.by) evaluation.by = entry.by;
  if (entry.at) evaluation.at = entry.at;
  if (entry.note) evaluation.note = entry.note;
  return evaluation;
}

/** Positions of the stages for a release status (see the module comment). */
export function stagePositions(stages: readonly Stage[], status: ReleaseRecord['data']['status']): { positions: StagePosition[]; current: number } {
  const current = status === 'cancelled' ? -1 : stages.findIndex((s) => s.statuses.includes(status));
  const lastClaiming = stages.reduce((last, s, i) => (s.statuses.length > 0 ? i : last), -1);
  const positions = stages.map((_, i): StagePosition => {
    if (i > lastClaiming) return 'follow-up';
    if (current < 0 || i > current) return 'not-reached';
    if (i < current) return 'passed';
    return status === 'released' ? 'passed' : 'current';
  });
  return { positions, current };
}

const gates = perContent(() => new Map<ReleaseRecord, ReleaseGate | undefined>());

/**
 * Undefined when the release's process does not exist (the references rule reports that).
 * Evaluated once per release and Content (the check, the release page, its run sheet and the
 * home page all ask): the answer is shared, so callers read it and never change it.
 */
export function evaluateRelease(content: Content, release: ReleaseRecord): ReleaseGate | undefined {
  const known = gates(content);
  if (known.has(release)) return known.get(release);
  const gate = evaluateGate(content, release);
  known.set(release, gate);
  return gate;
}

/**
 * The gate of a release computed afresh and not kept: for the check, which asks once per
 * release. Kept, the answers of 10,000 releases held 87 MB that no page of the check reads,
 * and every collection until the end of the check copied them.
 */
export function evaluateGate(content: Content, release: ReleaseRecord): ReleaseGate | undefined {
  const process = content.processes.get(release.data.process);
  if (!process) return undefined;
  const timezone = timezoneOf(content);
  const { positions, current } = stagePositions(process.data.stages, release.data.status);

  const stages = process.data.stages.map((stage, i): StageEvaluation => {
    const items = stage.checklist.map((item) => evaluateItem(content, release, stage, item, timezone));
    const position = positions[i] ?? 'not-reached';
    const evaluation: StageEvaluation = {
      stageId: stage.id,
      title: stage.title,
      position,
      items,
      holds: items.every((item) => !item.required || item.holds),
      mustHold: position === 'passed',
    };
    if (stage.owner) evaluation.owner = stage.owner;
    return evaluation;
  });

  const gated = current >= 0;
  const open = (stage: StageEvaluation) => stage.items.filter((item) => item.required && !item.holds);
  const counted = stages.filter((s) => s.position !== 'follow-up').flatMap((s) => s.items);
  const gate: ReleaseGate = {
    ref: release.ref,
    processId: process.id,
    gated,
    stages,
    blocking: gated ? stages.filter((s) => s.mustHold).flatMap(open) : [],
    openInCurrent: stages.filter((s) => s.position === 'current').flatMap(open),
    waivedCount: stages.flatMap((s) => s.items).filter((item) => item.state === 'waived').length,
    passedCount: counted.filter((item) => item.holds).length,
    total: counted.length,
  };
  const currentStage = process.data.stages[current];
  if (currentStage) gate.currentStageId = currentStage.id;
  return gate;
}

/**
 * What keeps a release from entering `stageId`: required items that do not hold in the
 * stages before it, whatever the release's status (the CLI's question).
 */
export function blockersBefore(gate: ReleaseGate, stageId: string): ItemEvaluation[] {
  const index = gate.stages.findIndex((s) => s.stageId === stageId);
  return gate.stages.slice(0, Math.max(index, 0)).flatMap((s) => s.items.filter((item) => item.required && !item.holds));
}

/** The stage that claims `deploying`: entering it is going live. */
export function goLiveStageId(gate: ReleaseGate, content: Content): string | undefined {
  return content.processes.get(gate.processId)?.data.stages.find((s) => s.statuses.includes('deploying'))?.id;
}
