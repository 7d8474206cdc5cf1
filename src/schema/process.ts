/** `processes/<id>.{md,mdx}`: a release process — stages, owners and checklists (spec: "processes"). */
import { z } from 'zod';
import { extraSchema, idSchema, roleSchema, textSchema } from './common.ts';
import { RELEASE_STATUSES } from './release-status.ts';

/** Rules a checklist item can be computed by (spec: "Rules"). */
export const RULES = [
  'bug-gate',
  'tests-passed',
  'approvals',
  'rollback-plan',
  'baseline-recorded',
  'verified',
  'monitoring',
  'retrospective',
] as const;
export type RuleName = (typeof RULES)[number];

export const checklistItemSchema = z
  .strictObject({
    /** Unique in the process; a release's `checklist` refers to it. */
    id: idSchema,
    /** What must hold, as a person reads it. */
    text: textSchema,
    /** Role responsible for the item. */
    owner: roleSchema.optional(),
    /** A required item must hold before the release leaves the stage. */
    required: z.boolean().default(true),
    /** Computed from the records instead of ticked by hand. */
    rule: z.enum(RULES).optional(),
    /** Roles whose approval the `approvals` rule needs. */
    roles: z.array(roleSchema).min(1).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.rule === 'approvals' && !item.roles) {
      ctx.addIssue({ code: 'custom', path: ['roles'], message: 'is required with rule: approvals (the roles that must approve)' });
    }
    if (item.roles && item.rule !== 'approvals') {
      ctx.addIssue({ code: 'custom', path: ['roles'], message: 'only applies to rule: approvals' });
    }
  });

export const stageSchema = z.strictObject({
  /** Unique in the process. */
  id: idSchema,
  title: textSchema,
  /** Role that owns the stage. */
  owner: roleSchema.optional(),
  /** Release statuses that mean "a release is in this stage"; each status is claimed by exactly one stage. */
  statuses: z.array(z.enum(RELEASE_STATUSES)).default([]),
  /** Stage that a failed exit goes back to. */
  onFail: idSchema.optional(),
  /** Plain-text steps shown in the guide and the flow. */
  steps: z.array(textSchema).default([]),
  /** Items that must hold before a release leaves this stage. */
  checklist: z.array(checklistItemSchema).default([]),
});

export const processSchema = z.strictObject({
  title: textSchema,
  summary: textSchema.optional(),
  /** In order; at least one. */
  stages: z.array(stageSchema).min(1, { error: 'must list at least one stage' }),
  extra: extraSchema,
});

export type ChecklistItem = z.output<typeof checklistItemSchema>;
export type Stage = z.output<typeof stageSchema>;
export type ProcessInput = z.input<typeof processSchema>;
export type Process = z.output<typeof processSchema>;
