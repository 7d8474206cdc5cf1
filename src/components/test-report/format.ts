/** Numbers as the test report components show them, in the site's locale. */
import { formatNumber, type Locale, type Translate } from '../../i18n/index.ts';

/** `97.5%` — one decimal at most, none when whole. */
export function percent(value: number | undefined, locale: Locale): string | undefined {
  if (value === undefined) return undefined;
  return formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 1 });
}

/** `12,345`. */
export function count(value: number, locale: Locale): string {
  return formatNumber(value, locale);
}

/** Seconds as `0.25 s`, `32.9 s`, `2 min 5 s`, `1 h 2 min` (labels from src/i18n/areas/test-reports.ts). */
export function seconds(value: number | undefined, t: Translate, locale: Locale): string | undefined {
  if (value === undefined) return undefined;
  if (value < 60) {
    const digits = value < 1 ? 3 : value < 10 ? 2 : 1;
    const n = formatNumber(value, locale, { maximumFractionDigits: digits });
    return t('junit.seconds', { n });
  }
  const whole = Math.round(value);
  if (whole < 3600) return t('junit.minutesSeconds', { m: Math.floor(whole / 60), s: whole % 60 });
  return t('junit.hoursMinutes', { h: Math.floor(whole / 3600), m: Math.floor((whole % 3600) / 60) });
}
