/** `site.yaml`: portal settings (spec: "site.yaml"). */
import { z } from 'zod';
import { whenPresent, extraSchema, idSchema, linkSchema, roleSchema, textSchema, urlSchema } from './common.ts';

export const LOCALES = ['zh-CN', 'en'] as const;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const limit = z.number({ error: whenPresent('must be a whole number of bugs') }).int().nonnegative();

export const siteSchema = z.strictObject({
  /** Portal title shown in the header and the browser tab. */
  title: textSchema,
  /** Organisation that owns the portal. */
  organization: textSchema.optional(),
  /** Language of the portal's own labels. */
  locale: z.enum(LOCALES).default('zh-CN'),
  /** IANA time zone; dates written without a time are read in it, and every time is shown in it. */
  timezone: z
    .string()
    .refine(isTimeZone, { error: 'must be an IANA time zone such as Asia/Shanghai or UTC' })
    .default('UTC'),
  /** Public address of the portal, for feeds and canonical links. */
  baseUrl: urlSchema.optional(),
  /** Role key -> label; every `owner`, `people` key and approval `role` names one. */
  roles: z
    .record(idSchema, textSchema)
    .refine((roles) => Object.keys(roles).length > 0, { error: 'must define at least one role' }),
  /** Most open bugs of each severity a release may go live with; D is unlimited when omitted. */
  bugGate: z
    .strictObject({ A: limit.default(0), B: limit.default(0), C: limit.default(5), D: limit.optional() })
    .default({ A: 0, B: 0, C: 5 }),
  /** Links shown in the portal header. */
  links: z.array(linkSchema).default([]),
  /** Test environments; when given, a test report's `environment` must name one. */
  environments: z
    .array(z.strictObject({ id: idSchema, title: textSchema, owner: roleSchema.optional() }))
    .optional(),
  /** Used by release notices. */
  notice: z
    .strictObject({
      copyright: textSchema.optional(),
      audience: z.array(textSchema).optional(),
    })
    .optional(),
  extra: extraSchema,
});

export type SiteInput = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema>;
