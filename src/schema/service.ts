/** `services/<id>.yaml`: one service; its id is the file name (spec: "services/<id>.yaml"). */
import { z } from 'zod';
import { extraSchema, linkSchema, textSchema, urlSchema } from './common.ts';

export const serviceSchema = z.strictObject({
  /** Display name, e.g. 支付网关. */
  name: textSchema,
  /** What the service does. */
  description: textSchema.optional(),
  /** Owning team. */
  team: textSchema.optional(),
  /** Source repository. */
  repo: urlSchema.optional(),
  /** Monitoring dashboards. */
  dashboards: z.array(linkSchema).default([]),
  extra: extraSchema,
});

export type ServiceInput = z.input<typeof serviceSchema>;
export type Service = z.output<typeof serviceSchema>;
