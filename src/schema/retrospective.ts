/** `retrospectives/**`: one retrospective (spec: "retrospectives/**"). */
import { z } from 'zod';
import { dateTimeSchema, extraSchema, releaseRefSchema, textSchema } from './common.ts';

export const OUTCOMES = ['success', 'partial', 'rolled-back', 'incident'] as const;
export const INCIDENT_SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

export const retrospectiveSchema = z.strictObject({
  title: textSchema,
  /** Releases this retrospective covers; at least one. */
  releases: z.array(releaseRefSchema).min(1, { error: 'must name at least one release' }),
  date: dateTimeSchema,
  facilitator: textSchema.optional(),
  participants: z.array(textSchema).default([]),
  outcome: z.enum(OUTCOMES).optional(),
  incident: z
    .strictObject({
      severity: z.enum(INCIDENT_SEVERITIES),
      detected: dateTimeSchema.optional(),
      resolved: dateTimeSchema.optional(),
      impact: textSchema.optional(),
    })
    .optional(),
  /** Follow-up action items. */
  actions: z
    .array(
      z.strictObject({
        title: textSchema,
        owner: textSchema.optional(),
        due: dateTimeSchema.optional(),
        status: z.enum(ACTION_STATUSES).default('open'),
      }),
    )
    .default([]),
  tags: z.array(textSchema).default([]),
  extra: extraSchema,
});

export type RetrospectiveInput = z.input<typeof retrospectiveSchema>;
export type Retrospective = z.output<typeof retrospectiveSchema>;
