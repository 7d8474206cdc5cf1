/** Which colour a value is shown in (the badge tones of global.css). One place, so a status looks the same everywhere. */
import type { ReleaseStatus } from '../schema/index.ts';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'accent' | 'muted';

export const STATUS_TONE: Record<ReleaseStatus, Tone> = {
  planned: 'muted',
  testing: 'info',
  staging: 'warn',
  ready: 'warn',
  deploying: 'accent',
  released: 'ok',
  'rolled-back': 'bad',
  cancelled: 'muted',
};

export const VERDICT_TONE = { pass: 'ok', conditional: 'warn', fail: 'bad' } as const satisfies Record<string, Tone>;
export const OUTCOME_TONE = { success: 'ok', partial: 'warn', 'rolled-back': 'bad', incident: 'bad' } as const satisfies Record<string, Tone>;
export const ACTION_TONE = { open: 'warn', done: 'ok', dropped: 'muted' } as const satisfies Record<string, Tone>;
export const DECISION_TONE = { approved: 'ok', rejected: 'bad' } as const satisfies Record<string, Tone>;
export const SEVERITY_TONE = { A: 'bad', B: 'bad', C: 'warn', D: 'muted' } as const satisfies Record<string, Tone>;
