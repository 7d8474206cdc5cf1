/** Labels and date formatting in the portal's locale (`site.locale`) and time zone (`site.timezone`). */
import { DateTime } from 'luxon';
import { MESSAGES, type MessageKey } from './messages.ts';
import { isDateOnly, toDateTime, toZonedDateTime } from '../model/time.ts';

export type Locale = keyof typeof MESSAGES;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, vars) => {
    let text: string = messages[key];
    for (const [name, value] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

const DAY = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** `(UTC+08:00)`: luxon's toFormat('ZZ') gives the same, but parses its format string on every call. */
function offsetLabel(dt: DateTime, timezone: string): string {
  if (timezone === 'UTC') return 'UTC';
  const minutes = Math.abs(dt.offset);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `(UTC${dt.offset < 0 ? '-' : '+'}${hh}:${mm})`;
}

function inZone(text: string, timezone: string, locale: Locale): DateTime {
  return toZonedDateTime(text, timezone).setLocale(locale);
}

/**
 * Formatted dates by their inputs: a record's dates are shown on many pages of a build, and
 * each formatting is an Intl call. Bounded: cleared when full.
 */
const formatted = new Map<string, string>();
const MAX_FORMATTED = 200_000;

function remembered(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    text = format();
    if (formatted.size >= MAX_FORMATTED) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** A record's date-time shown in the site's zone with its offset; a date alone stays a date. */
export function formatWhen(text: string, timezone: string, locale: Locale): string {
  return remembered(`when ${locale} ${timezone} ${text}`, () => formatWhenNow(text, timezone, locale));
}

function formatWhenNow(text: string, timezone: string, locale: Locale): string {
  const dt = inZone(text, timezone, locale);
  if (isDateOnly(text)) return dt.toLocaleString(DAY);
  return `${dt.toLocaleString({ ...DAY, ...TIME })} ${offsetLabel(dt, timezone)}`;
}

/** An instant the portal computed (build time, "now"), shown like a record's date-time. */
export function formatInstant(dt: DateTime, timezone: string, locale: Locale): string {
  // Every page shows the build's time: the same instant, formatted once.
  return remembered(`instant ${locale} ${timezone} ${dt.toMillis()}`, () => {
    const z = dt.setZone(timezone).setLocale(locale);
    return `${z.toLocaleString({ ...DAY, ...TIME })} ${offsetLabel(z, timezone)}`;
  });
}

/** Only the calendar day of a record's date-time, in the site's zone. */
export function formatDay(text: string, timezone: string, locale: Locale): string {
  return remembered(`day ${locale} ${timezone} ${text}`, () => inZone(text, timezone, locale).toLocaleString(DAY));
}

/**
 * A window `start – end` with the offset said once, and the end's date left out when it is
 * the same day: `2026/03/12 22:00–23:30 (UTC+08:00)`.
 */
export function formatRange(start: string, end: string | undefined, timezone: string, locale: Locale): string {
  if (end === undefined) return formatWhen(start, timezone, locale);
  return remembered(`range ${locale} ${timezone} ${start} ${end}`, () => formatRangeNow(start, end, timezone, locale));
}

function formatRangeNow(start: string, end: string, timezone: string, locale: Locale): string {
  const a = inZone(start, timezone, locale);
  const b = inZone(end, timezone, locale);
  if (isDateOnly(start) || isDateOnly(end)) {
    const from = a.toLocaleString(DAY);
    const to = b.toLocaleString(DAY);
    return from === to ? from : `${from} – ${to}`;
  }
  const sameDay = a.toISODate() === b.toISODate();
  const to = sameDay ? b.toLocaleString(TIME) : b.toLocaleString({ ...DAY, ...TIME });
  return `${a.toLocaleString({ ...DAY, ...TIME })}${sameDay ? '–' : ' – '}${to} ${offsetLabel(a, timezone)}`;
}

/** The machine-readable value of a `<time datetime>` for a record's date-time. */
export function isoDateTime(text: string, timezone: string): string {
  if (isDateOnly(text)) return text;
  return remembered(`iso ${timezone} ${text}`, () => toDateTime(text, timezone).toISO({ suppressMilliseconds: true }) ?? text);
}

/** `2026年11月` / `November 2026`. */
export function formatMonth(year: number, month: number, locale: Locale): string {
  return DateTime.fromObject({ year, month, day: 1 }).setLocale(locale).toLocaleString({ year: 'numeric', month: 'long' });
}

/** Minutes as `1h 30m` / `1小时30分钟`. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const zh = locale === 'zh-CN';
  const parts = [d && (zh ? `${d}天` : `${d}d`), h && (zh ? `${h}小时` : `${h}h`), (m || minutes === 0) && (zh ? `${m}分钟` : `${m}m`)];
  return parts.filter(Boolean).join(zh ? '' : ' ');
}

/**
 * Intl formatters, one per locale and options. Building one looks up ICU data and took 30 µs,
 * a hundred times its `format()`; a build formats numbers and lists on every page.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat>();

function cached<F extends Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A number in the locale's way (`12,345`, `97.5%`); the options are Intl.NumberFormat's. */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return cached(`number ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** A list of names joined the way the locale writes lists (`张伟、李娜` / `Ann, Bo`). */
export function formatList(items: readonly string[], locale: Locale): string {
  return cached(`list ${locale}`, () => new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' })).format(items);
}

export type { MessageKey };
