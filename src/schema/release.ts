/** `releases/**`: one release record (spec: "releases/**"). */
import { z } from 'zod';
import {
  contentPathSchema,
  dateTimeSchema,
  durationSchema,
  extraSchema,
  idSchema,
  linkSchema,
  roleSchema,
  severitySchema,
  textSchema,
  versionSchema,
} from './common.ts';
import { RELEASE_STATUSES, RELEASE_TYPES } from './release-status.ts';

export const CHANGE_KINDS = ['feature', 'fix', 'improvement', 'security', 'breaking', 'chore'] as const;
export const COMPONENT_KINDS = ['service', 'frontend', 'database', 'job', 'config', 'external'] as const;
export const COMPONENT_ACTIONS = ['deploy', 'migrate', 'restart', 'stop', 'start', 'install', 'config'] as const;
export const CHECKLIST_STATES = ['done', 'pending', 'n/a', 'waived'] as const;

const windowSchema = z.strictObject({ start: dateTimeSchema, end: dateTimeSchema });

const componentSchema = z.strictObject({
  /** Unique in the release; `dependsOn` refers to it. */
  id: idSchema,
  title: textSchema,
  kind: z.enum(COMPONENT_KINDS),
  action: z.enum(COMPONENT_ACTIONS),
  /** Components that must finish first; no cycles. */
  dependsOn: z.array(idSchema).default([]),
});

const dbScriptSchema = z
  .strictObject({
    /** The script, relative to the content folder. */
    file: contentPathSchema,
    /** Its rollback script. */
    rollback: contentPathSchema.optional(),
    /** Set when the change cannot be undone; needs `reason`. */
    irreversible: z.boolean().optional(),
    reason: textSchema.optional(),
    executedBy: textSchema.optional(),
    executedAt: dateTimeSchema.optional(),
  })
  .superRefine((script, ctx) => {
    if (script.irreversible && !script.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when irreversible: true (why it cannot be rolled back)' });
    }
  });

const planSchema = z.strictObject({
  /** What is deployed, with order and relations. */
  components: z.array(componentSchema).default([]),
  /** New external software installed (新增外部应用程序安装). */
  installs: z.array(z.strictObject({ name: textSchema, reason: textSchema.optional() })).default([]),
  /** Services stopped during the window: service ids or free text. */
  stops: z.array(textSchema).default([]),
  /** Service impact (服务影响范围). */
  impact: textSchema.optional(),
  dbScripts: z.array(dbScriptSchema).default([]),
  /** Rollback plan (回滚方案). */
  rollback: z
    .strictObject({
      trigger: textSchema.optional(),
      steps: z.array(textSchema).default([]),
      estimate: durationSchema.optional(),
    })
    .optional(),
});

/** A checklist entry: a bare state, or a state with who, when, evidence and note. */
const checklistEntrySchema = z.union(
  [
    z.enum(CHECKLIST_STATES),
    z
      .strictObject({
        state: z.enum(CHECKLIST_STATES),
        by: textSchema.optional(),
        at: dateTimeSchema.optional(),
        evidence: z.string().optional(),
        note: textSchema.optional(),
      })
      .superRefine((entry, ctx) => {
        if (entry.state === 'n/a' && !entry.note) {
          ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required for n/a (why the item does not apply)' });
        }
        if (entry.state === 'waived') {
          if (!entry.by) ctx.addIssue({ code: 'custom', path: ['by'], message: 'is required for waived (who waived it)' });
          if (!entry.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required for waived (why)' });
        }
      }),
  ],
  { error: 'must be done, pending, n/a or waived, or { state, by, at, evidence, note }' },
);

const releaseObject = z.strictObject({
  /** A service id. */
  service: idSchema,
  /** Unique per service; sorts as semver where it is semver. Quote it. */
  version: versionSchema,
  /** Default: "<service name> <version>". */
  title: textSchema.optional(),
  /** A process id. */
  process: idSchema,
  type: z.enum(RELEASE_TYPES).default('standard'),
  status: z.enum(RELEASE_STATUSES),
  summary: textSchema.optional(),
  /** Planned go-live window (上线时间). */
  window: windowSchema.optional(),
  /** What happened. */
  actual: z
    .strictObject({ start: dateTimeSchema, end: dateTimeSchema.optional(), downtime: durationSchema.optional() })
    .optional(),
  /** Role -> person. */
  people: z.record(roleSchema, textSchema).default({}),
  /** What was deployed, for rollback (发布基线). */
  baseline: z
    .strictObject({
      branch: textSchema.optional(),
      tag: textSchema.optional(),
      commit: z
        .string()
        .regex(/^[0-9a-fA-F]{7,40}$/, { error: 'must be 7 to 40 hex characters' })
        .optional(),
      previous: versionSchema.optional(),
    })
    .optional(),
  /** Release notes. */
  changes: z
    .array(z.strictObject({ kind: z.enum(CHANGE_KINDS), title: textSchema, ticket: textSchema.optional() }))
    .default([]),
  /** What ships unresolved (遗留问题). */
  knownIssues: z
    .array(z.strictObject({ title: textSchema, severity: severitySchema, ticket: textSchema.optional() }))
    .default([]),
  /** Launch plan (上线方案). */
  plan: planSchema.optional(),
  /** Approvals (审批 / 电子流). */
  approvals: z
    .array(
      z.strictObject({
        role: roleSchema,
        name: textSchema,
        decision: z.enum(['approved', 'rejected']),
        at: dateTimeSchema,
        comment: textSchema.optional(),
      }),
    )
    .default([]),
  /** State of the process's manual checklist items, by item id. */
  checklist: z.record(z.string(), checklistEntrySchema).default({}),
  /** Go-live verification (上线验证). */
  verification: z
    .strictObject({
      result: z.enum(['pass', 'fail']),
      by: textSchema.optional(),
      at: dateTimeSchema.optional(),
      notes: textSchema.optional(),
    })
    .optional(),
  /** Required when status is rolled-back. */
  rolledBack: z
    .strictObject({ at: dateTimeSchema, reason: textSchema, to: versionSchema.optional() })
    .optional(),
  /** Added after go-live. */
  monitoring: z
    .strictObject({ dashboards: z.array(linkSchema).default([]), alerts: z.array(textSchema).default([]) })
    .optional(),
  links: z.array(linkSchema).default([]),
  tags: z.array(textSchema).default([]),
  extra: extraSchema,
});

const NEEDS_WINDOW: ReadonlySet<string> = new Set(RELEASE_STATUSES.filter((s) => s !== 'planned' && s !== 'cancelled'));
const WENT_OUT: ReadonlySet<string> = new Set(['released', 'rolled-back']);

/**
 * Fields the spec requires by status (spec: "Required-by-status fields"). Runs even when
 * other fields failed (`when`), so one run reports these together with every other problem;
 * hence the defensive reads of a value that may be partly invalid.
 */
export const releaseSchema = releaseObject.superRefine((r, ctx) => {
  const need = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message, input: undefined });
  if (NEEDS_WINDOW.has(r.status) && !r.window) need(['window'], `is required when status is ${r.status}`);
  if (NEEDS_WINDOW.has(r.status) && !r.plan?.rollback?.steps?.length) {
    need(['plan', 'rollback', 'steps'], `are required when status is ${r.status} (回滚方案)`);
  }
  if (WENT_OUT.has(r.status)) {
    if (!r.actual) need(['actual'], `is required when status is ${r.status} (what happened)`);
    if (!r.baseline?.commit && !r.baseline?.tag) {
      need(['baseline'], `needs commit or tag when status is ${r.status}`);
    }
  }
  if (r.status === 'rolled-back' && !r.rolledBack) need(['rolledBack'], 'is required when status is rolled-back');
}, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

export type ReleaseInput = z.input<typeof releaseSchema>;
export type Release = z.output<typeof releaseSchema>;
export type Component = z.output<typeof componentSchema>;
export type DbScript = z.output<typeof dbScriptSchema>;
export type ChecklistEntry = z.output<typeof checklistEntrySchema>;
export type ChecklistState = (typeof CHECKLIST_STATES)[number];
