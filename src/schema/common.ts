/**
 * Value types shared by every record kind (spec: "Shared value types").
 * Each schema carries its own error text so that a person reading `npm run check`
 * knows what to write instead; the hint layer (src/model/problems) adds suggestions.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { doc, valueType } from './doc.ts';

/**
 * A schema-level message for a value of the wrong kind. A missing value keeps the
 * parse-level "is required" (src/model/schema-issues.ts), so the message stays true.
 */
export const whenPresent =
  (message: string) =>
  (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : message;

/** Ids of services, processes, stages, checklist items and components. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const idSchema = z
  .string({ error: whenPresent('must be an id (lowercase letters, digits and -)') })
  .regex(ID_PATTERN, { error: 'must be lowercase letters, digits and -, starting with a letter or digit' })
  .meta(valueType('id'));

export const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+_-]*$/;
/**
 * A release version. YAML reads `1.10` as the number 1.1, so a number here is
 * its own error: the loader adds the hint to quote the value as written.
 */
export const versionSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : typeof issue.input === 'number'
          ? 'is a number, but a version must be a string'
          : 'must be a string such as "2.3.0"',
  })
  .regex(VERSION_PATTERN, { error: 'must be letters, digits and . + _ - (such as 2.3.0 or 2024.03-hotfix1)' })
  .meta({ ...valueType('version'), examples: ['2.3.0'] });

export const RELEASE_REF_PATTERN = /^([a-z0-9][a-z0-9-]*)@([0-9A-Za-z][0-9A-Za-z.+_-]*)$/;
/** `<service>@<version>`, naming an existing release (resolved by the model). */
export const releaseRefSchema = z
  .string({ error: whenPresent('must be a release reference such as payment-gateway@2.3.0') })
  .regex(RELEASE_REF_PATTERN, { error: 'must be <service>@<version>, such as payment-gateway@2.3.0' })
  .meta({ ...valueType('release-ref'), examples: ['payment-gateway@2.3.0'] });

export function parseReleaseRef(ref: string): { service: string; version: string } | undefined {
  const m = RELEASE_REF_PATTERN.exec(ref);
  return m ? { service: m[1]!, version: m[2]! } : undefined;
}

/** A key of `site.roles` (resolved by the model). */
export const roleSchema = z
  .string({ error: whenPresent('must be a role key of site.roles') })
  .min(1)
  .meta({ ...valueType('role'), examples: ['qa'] });

/** Absolute http(s) URL: other schemes (javascript:, data:, file:) are refused. */
export const urlSchema = z
  .string({ error: whenPresent('must be an absolute http: or https: URL') })
  .refine((value) => isHttpUrl(value), { error: 'must be an absolute http: or https: URL' })
  .meta({ ...valueType('url'), format: 'uri', pattern: '^https?://' });

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const SEVERITIES = ['A', 'B', 'C', 'D'] as const;
/** A blocker (致命), B critical (严重), C major (一般), D minor (提示). */
export const severitySchema = z.enum(SEVERITIES).meta({
  ...valueType('severity'),
  ...doc({
    en: 'A blocker, B critical, C major, D minor.',
    'zh-CN': 'A 致命，B 严重，C 一般，D 提示。',
    example: 'B',
  }),
});
export type Severity = z.infer<typeof severitySchema>;

/** Plain text that must not be empty. */
export const textSchema = z
  .string({ error: whenPresent('must be text') })
  .trim()
  .min(1, { error: 'must not be empty' })
  .meta(valueType('text'));

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_NO_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

/**
 * A date-time as written: ISO 8601 with an offset, or a date alone that the model
 * reads in `site.timezone` (see src/model/time.ts). Kept as the author's string so
 * that a date alone stays a date.
 *
 * Astro's own frontmatter parser (js-yaml) turns such values into Date objects before
 * its collection schema runs; the portal's loader never does, so a Date is accepted
 * only for that second line of defence and normalised back to ISO.
 */
export const dateTimeSchema = z.union(
  [
    z.string().superRefine((value, ctx) => {
      const problem = dateTimeProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    }),
    z.date().transform((d) => d.toISOString()),
  ],
  { error: 'must be a date (2026-03-12) or a date-time with offset (2026-03-12T22:00:00+08:00)' },
).meta({ ...valueType('date-time'), examples: ['2026-03-12T22:00:00+08:00'] });
export type DateTimeText = string;

export function dateTimeProblem(value: string): string | undefined {
  if (DATE_ONLY.test(value)) {
    return DateTime.fromISO(value, { zone: 'UTC' }).isValid ? undefined : `${value} is not a calendar date`;
  }
  if (DATE_TIME_WITH_OFFSET.test(value)) {
    return DateTime.fromISO(value, { setZone: true }).isValid ? undefined : `${value} is not a valid date-time`;
  }
  if (DATE_TIME_NO_OFFSET.test(value)) {
    return `${value} has no offset: write ${value.replace(' ', 'T')}+08:00 (or Z), or a date alone`;
  }
  return 'must be a date (2026-03-12) or a date-time with offset (2026-03-12T22:00:00+08:00)';
}

const DURATION_TEXT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
/** Minutes, or `<n>d`, `<n>h`, `<n>m` parts (`1h30m`); parsed once here into minutes. */
export const durationSchema = z.union(
  [
    z.number().int().nonnegative(),
    z
      .string()
      .regex(DURATION_TEXT)
      .refine((s) => s.length > 0)
      .transform((s) => parseDurationText(s)!),
  ],
  { error: 'must be minutes (90) or parts like 1h30m, 2d, 45m' },
).meta({ ...valueType('duration'), examples: ['1h30m'] });

export function parseDurationText(text: string): number | undefined {
  const m = DURATION_TEXT.exec(text);
  if (!m || text.length === 0) return undefined;
  const [, d = '0', h = '0', min = '0'] = m;
  return Number(d) * 1440 + Number(h) * 60 + Number(min);
}

/** A path relative to the content folder; the model checks it stays inside and exists. */
export const contentPathSchema = z
  .string({ error: whenPresent('must be a path relative to the content folder') })
  .min(1)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p) && !p.split(/[\\/]/).includes('..'), {
    error: 'must be a path inside the content folder (no leading / and no ..)',
  })
  .meta({ ...valueType('content-path'), examples: ['attachments/payment-gateway/2.3.0/001_refund.sql'] });

/** `{ title, url }` — used for links and dashboards. */
export const linkSchema = z
  .strictObject({
    title: textSchema.meta(doc({ en: 'Text of the link.', 'zh-CN': '链接文字。', example: 'Grafana 支付大盘' })),
    url: urlSchema.meta(doc({ en: 'Where it points.', 'zh-CN': '链接地址。', example: 'https://grafana.example.com/d/pay' })),
  })
  .meta(valueType('link'));
export type Link = z.infer<typeof linkSchema>;

/** Free-form data kept for the author; the only place unknown keys are allowed. */
export const extraSchema = z
  .record(z.string(), z.unknown())
  .optional()
  .meta({
    ...valueType('extra'),
    ...doc({
      en: 'Free-form data kept for the author; the only place where any key is allowed.',
      'zh-CN': '作者自用的自由字段，任意键值都可以；只有这里允许未定义的键。',
      example: { jira: 'PAY-88' },
    }),
  });

/** Positive integers (rounds). */
export const countSchema = z
  .number({ error: whenPresent('must be a whole number') })
  .int({ error: 'must be a whole number' })
  .nonnegative()
  .meta(valueType('count'));
