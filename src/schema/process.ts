/** `processes/<id>.{md,mdx}`: a release process — stages, owners and checklists (spec: "processes"). */
import { z } from 'zod';
import { extraSchema, idSchema, roleSchema, textSchema } from './common.ts';
import { doc } from './doc.ts';
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
    id: idSchema.meta(
      doc({
        en: "Unique in the process; a release's `checklist` refers to the item by it.",
        'zh-CN': '在流程内唯一；发布记录的 checklist 用它指向该检查项。',
        example: 'launch-plan',
      }),
    ),
    /** What must hold, as a person reads it. */
    text: textSchema.meta(doc({ en: 'What must hold, as a person reads it.', 'zh-CN': '检查项的内容。', example: '上线方案已撰写并经技术负责人审核' })),
    /** Role responsible for the item. */
    owner: roleSchema.optional().meta(doc({ en: 'Role responsible for the item.', 'zh-CN': '负责该检查项的角色。', example: 'lead' })),
    /** A required item must hold before the release leaves the stage. */
    required: z
      .boolean()
      .default(true)
      .meta(
        doc({
          en: 'A required item must hold before a release leaves the stage; an optional one is only shown.',
          'zh-CN': '必需项在发布离开该阶段前必须满足；非必需项只做展示。',
          example: false,
        }),
      ),
    /** Computed from the records instead of ticked by hand. */
    rule: z
      .enum(RULES)
      .optional()
      .meta(
        doc({
          en: 'Computed from the records instead of ticked by hand (see "Rules").',
          'zh-CN': '由记录自动计算，而不是手工勾选(见"规则")。',
          example: 'bug-gate',
        }),
      ),
    /** Roles whose approval the `approvals` rule needs. */
    roles: z
      .array(roleSchema)
      .min(1)
      .optional()
      .meta(
        doc({
          en: 'Roles whose approval the `approvals` rule needs.',
          'zh-CN': 'approvals 规则要求审批通过的角色。',
          example: ['lead', 'pm', 'ops'],
          requiredWhen: { en: 'required with rule: approvals, and only allowed then', 'zh-CN': 'rule 为 approvals 时必填，其他情况不能填' },
        }),
      ),
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
  id: idSchema.meta(doc({ en: 'Unique in the process.', 'zh-CN': '在流程内唯一。', example: 'submit-test' })),
  title: textSchema.meta(doc({ en: 'Name of the stage.', 'zh-CN': '阶段名称。', example: '提交测试' })),
  /** Role that owns the stage. */
  owner: roleSchema.optional().meta(doc({ en: 'Role that owns the stage.', 'zh-CN': '负责该阶段的角色。', example: 'dev' })),
  /** Release statuses that mean "a release is in this stage"; each status is claimed by exactly one stage. */
  statuses: z
    .array(z.enum(RELEASE_STATUSES))
    .default([])
    .meta(
      doc({
        en: 'Release statuses that mean "a release is in this stage". Each status except cancelled is claimed by exactly one stage; stages after the go-live stage claim none.',
        'zh-CN': '表示"发布处于此阶段"的发布状态。除 cancelled 外，每个状态恰好属于一个阶段；上线阶段之后的阶段不认领状态。',
        example: ['planned', 'testing'],
      }),
    ),
  /** Stage that a failed exit goes back to. */
  onFail: idSchema
    .optional()
    .meta(doc({ en: 'Stage that a failed exit goes back to (drawn as a loop).', 'zh-CN': '不通过时退回的阶段(流程图中画成回路)。', example: 'submit-test' })),
  /** Plain-text steps shown in the guide and the flow. */
  steps: z
    .array(textSchema)
    .default([])
    .meta(doc({ en: 'Plain-text steps, shown in the guide and the flow.', 'zh-CN': '操作步骤(纯文本)，显示在流程说明和流程图中。', example: ['开发环境自测'] })),
  /** Items that must hold before a release leaves this stage. */
  checklist: z
    .array(checklistItemSchema)
    .default([])
    .meta(doc({ en: 'Items that must hold before a release leaves this stage.', 'zh-CN': '发布离开该阶段前必须满足的检查项。' })),
});

export const processSchema = z.strictObject({
  title: textSchema.meta(doc({ en: 'Name of the process.', 'zh-CN': '流程名称。', example: '标准上线流程' })),
  summary: textSchema
    .optional()
    .meta(doc({ en: 'One line on when the process applies.', 'zh-CN': '一句话说明适用范围。', example: '适用于所有计划内版本' })),
  /** In order; at least one. */
  stages: z
    .array(stageSchema)
    .min(1, { error: 'must list at least one stage' })
    .meta(doc({ en: 'The stages a release goes through, in order; at least one.', 'zh-CN': '发布经历的阶段，按顺序排列，至少一个。' })),
  extra: extraSchema,
});

export type ChecklistItem = z.output<typeof checklistItemSchema>;
export type Stage = z.output<typeof stageSchema>;
export type ProcessInput = z.input<typeof processSchema>;
export type Process = z.output<typeof processSchema>;
