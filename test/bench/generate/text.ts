/** Small text helpers for the generator: YAML scalars, date-times in +08:00, template filling, word counts. */

const PLAIN_UNSAFE = /[:#{}[\],&*!|>'"%@`]|^[-?\s]|\s$|^(true|false|null|yes|no|on|off|~)$/i;
const NUMBERISH = /^[-+.\d][\d._:eE+-]*$/;

/** A YAML scalar: plain when that is unambiguous, else double-quoted (JSON strings are valid YAML). */
export function y(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (value === '' || PLAIN_UNSAFE.test(value) || NUMBERISH.test(value)) return JSON.stringify(value);
  return value;
}

/** `[a, b]` with each item a YAML scalar. */
export function yList(values: readonly string[]): string {
  return `[${values.map(y).join(', ')}]`;
}

const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;
/** All generated times are written in China Standard Time, like the sample content. */
const OFFSET = 8 * HOUR;

/** `2026-03-12T22:00:00+08:00` for an instant. */
export function dateTime(ms: number): string {
  return `${new Date(ms + OFFSET).toISOString().slice(0, 19)}+08:00`;
}

/** `2026-03-12`: the day of an instant in +08:00. */
export function dateOnly(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 10);
}

/** `22:05`: the time of day of an instant in +08:00. */
export function clock(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(11, 16);
}

/** The instant of a local (+08:00) day start plus hours and minutes. */
export function localInstant(dayMs: number, hour: number, minute = 0): number {
  const day = Math.floor((dayMs + OFFSET) / DAY) * DAY - OFFSET;
  return day + hour * HOUR + minute * MINUTE;
}

/** Fills `{key}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

/** Words as a reader counts them: each Latin word once, each two CJK characters once. */
export function wordCount(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = text.replace(/[\u3400-\u9fff]/g, ' ').match(/[A-Za-z0-9][A-Za-z0-9.'-]*/g)?.length ?? 0;
  return Math.round(cjk / 2) + latin;
}
