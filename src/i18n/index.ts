/** Labels and date formatting in the portal's locale (`site.locale`) and time zone (`site.timezone`). */
import { MESSAGES, type MessageKey } from './messages.ts';
import { isDateOnly, toDateTime } from '../model/time.ts';

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

/** A record's date-time shown in the site's zone; a date alone stays a date. */
export function formatWhen(text: string, timezone: string, locale: Locale): string {
  const dt = toDateTime(text, timezone).setZone(timezone);
  if (isDateOnly(text)) return dt.setLocale(locale).toLocaleString({ year: 'numeric', month: '2-digit', day: '2-digit' });
  const shown = dt.setLocale(locale).toLocaleString({
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return timezone === 'UTC' ? `${shown} UTC` : `${shown} (UTC${dt.toFormat('ZZ')})`;
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

export type { MessageKey };
