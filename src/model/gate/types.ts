/**
 * What the gate says about a release (spec: "Rules across records" → Gate, and "Rules").
 *
 * Reasons are plain sentences in both portal languages, `{ en, 'zh-CN' }`, built where the
 * facts are known. We chose that over message keys + parameters for src/i18n because a
 * reason is a list of facts of varying shape (bugs with their reports, approvals with
 * dates): formatting them in one place keeps each language a readable sentence, and the
 * CLI, the build message (en) and the pages (site.locale) need no formatter of their own.
 */
import type { LOCALES, RuleName } from '../../schema/index.ts';

export type GateLocale = (typeof LOCALES)[number];
/** One sentence in every portal language. */
export type Localized = Record<GateLocale, string>;

/**
 * `done`, `n/a`, `waived`, `pending`: the release's checklist says so (an item not listed
 * is `pending`). `passing` / `failing`: the item's rule, computed from the records.
 */
export type ItemState = 'done' | 'n/a' | 'waived' | 'pending' | 'passing' | 'failing';

/** A record or page that backs a reason: a test report, a retrospective, a dashboard, a wiki page. */
export interface Evidence {
  label: string;
  /** Absolute http(s) URL or a portal path; absent when the evidence is only a name. */
  href?: string;
}

export interface ItemEvaluation {
  stageId: string;
  itemId: string;
  text: string;
  /** Role responsible for the item. */
  owner?: string;
  required: boolean;
  rule?: RuleName;
  state: ItemState;
  /** Whether the item holds: done, n/a, waived or passing. */
  holds: boolean;
  reason: Localized;
  evidence: Evidence[];
  /** From the release's checklist entry. */
  by?: string;
  at?: string;
  note?: string;
}

/**
 * `passed`: before the current stage (and the current one of a `released` release);
 * `current`: claims the release's status; `not-reached`: after it (or every stage of a
 * cancelled release); `follow-up`: after the last stage that claims any status.
 */
export type StagePosition = 'passed' | 'current' | 'not-reached' | 'follow-up';

export interface StageEvaluation {
  stageId: string;
  title: string;
  owner?: string;
  position: StagePosition;
  items: ItemEvaluation[];
  /** Every required item holds (computed for every stage, whatever its position). */
  holds: boolean;
  /** Only passed stages must hold; their failures are build errors. */
  mustHold: boolean;
}

export interface ReleaseGate {
  ref: string;
  processId: string;
  /** False for a cancelled release, or one whose status no stage claims (another rule reports that). */
  gated: boolean;
  currentStageId?: string;
  stages: StageEvaluation[];
  /** Required items that do not hold in stages that must hold: the build errors. */
  blocking: ItemEvaluation[];
  /** Required items of the current stage that do not hold yet: what keeps the release from moving on. */
  openInCurrent: ItemEvaluation[];
  /** Waived items in any stage; they are shown prominently. */
  waivedCount: number;
  /** Items that hold / all items, over the stages up to the last status-claiming one ("go-live gate: 9/11"). */
  passedCount: number;
  total: number;
}

/** What a rule function answers about one item of one release. */
export interface RuleResult {
  passes: boolean;
  reason: Localized;
  evidence: Evidence[];
}
