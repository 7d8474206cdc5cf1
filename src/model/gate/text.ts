/** Small helpers for the gate's two-language reasons. */
import { toZonedDateTime } from '../time.ts';
import type { Localized } from './types.ts';

export const say = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });

/** Joins reasons: `a; b` in English, `a；b` in Chinese. */
export function joinReasons(parts: readonly Localized[]): Localized {
  return say(parts.map((p) => p.en).join('; '), parts.map((p) => p['zh-CN']).join('；'));
}

/** Joins list entries: `a, b` / `a、b`. */
export function joinList(parts: readonly Localized[]): Localized {
  return say(parts.map((p) => p.en).join(', '), parts.map((p) => p['zh-CN']).join('、'));
}

/** `1 bug`, `2 bugs`. */
export const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The calendar day of a record's date-time in the site's zone, as people compare dates: 2026-03-10. */
export function dayOf(text: string, timezone: string): string {
  return toZonedDateTime(text, timezone).toISODate() ?? text;
}
