/**
 * The one-line gate summary both gate components show: "go-live gate: 9/11 — blocked by …".
 * Blocked by the build's blocking items when there are any (a build with them fails, so
 * in practice never), else by what keeps the release in its current stage.
 */
import type { ReleaseStatus } from '../../schema/index.ts';
import type { ItemEvaluation, ReleaseGate } from '../../model/gate/types.ts';
import type { GateLabels } from './labels.ts';

export interface GateSummary {
  text: string;
  blockers: ItemEvaluation[];
  /** For styling: nothing open, open items, or not gated at all. */
  tone: 'ok' | 'blocked' | 'neutral';
}

export function gateSummary(gate: ReleaseGate, status: ReleaseStatus, labels: GateLabels): GateSummary {
  if (status === 'cancelled') return { text: labels.notGated, blockers: [], tone: 'neutral' };
  const waived = gate.waivedCount > 0 ? ` · ${labels.waivedCount(gate.waivedCount)}` : '';
  const head = `${labels.summary(gate.passedCount, gate.total)}${waived}`;
  if (status === 'rolled-back') return { text: `${head} — ${labels.rolledBack}`, blockers: [], tone: 'neutral' };
  const blockers = gate.blocking.length > 0 ? gate.blocking : gate.openInCurrent;
  if (blockers.length > 0) {
    return { text: `${head} — ${labels.blockedBy} ${blockers.map((i) => i.text).join(' · ')}`, blockers, tone: 'blocked' };
  }
  return { text: `${head} — ${status === 'released' ? labels.allHold : labels.currentComplete}`, blockers: [], tone: 'ok' };
}
