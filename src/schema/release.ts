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
import { doc } from './doc.ts';
import { RELEASE_STATUSES, RELEASE_TYPES } from './release-status.ts';

export const CHANGE_KINDS = ['feature', 'fix', 'improvement', 'security', 'breaking', 'chore'] as const;
export const COMPONENT_KINDS = ['service', 'frontend', 'database', 'job', 'config', 'external'] as const;
export const COMPONENT_ACTIONS = ['deploy', 'migrate', 'restart', 'stop', 'start', 'install', 'config'] as const;
export const CHECKLIST_STATES = ['done', 'pending', 'n/a', 'waived'] as const;

const WHEN_NOT_PLANNED = { en: 'required unless status is planned or cancelled', 'zh-CN': '状态不是 planned 或 cancelled 时必填' };
const WHEN_WENT_OUT = { en: 'required when status is released or rolled-back', 'zh-CN': '状态为 released 或 rolled-back 时必填' };

const windowSchema = z.strictObject({
  start: dateTimeSchema.meta(doc({ en: 'Start of the window.', 'zh-CN': '开始时间。', example: '2026-03-12T22:00:00+08:00' })),
  end: dateTimeSchema.meta(doc({ en: 'End of the window; not before start.', 'zh-CN': '结束时间，不早于开始时间。', example: '2026-03-12T23:30:00+08:00' })),
});

const componentSchema = z.strictObject({
  /** Unique in the release; `dependsOn` refers to it. */
  id: idSchema.meta(doc({ en: 'Unique in the release; `dependsOn` refers to it.', 'zh-CN': '在本次发布内唯一；dependsOn 引用它。', example: 'gateway-db' })),
  title: textSchema.meta(doc({ en: 'What is deployed.', 'zh-CN': '部署内容的名称。', example: '支付库迁移' })),
  kind: z.enum(COMPONENT_KINDS).meta(doc({ en: 'Kind of component.', 'zh-CN': '组件类型。', example: 'database' })),
  action: z.enum(COMPONENT_ACTIONS).meta(doc({ en: 'What is done to it.', 'zh-CN': '对它执行的操作。', example: 'migrate' })),
  /** Components that must finish first; no cycles. */
  dependsOn: z
    .array(idSchema)
    .default([])
    .meta(
      doc({
        en: 'Ids of components of this release that must finish first; no cycles.',
        'zh-CN': '必须先完成的本次发布内组件的 id；不能形成循环。',
        example: ['gateway-db'],
      }),
    ),
});

const dbScriptSchema = z
  .strictObject({
    /** The script, relative to the content folder. */
    file: contentPathSchema.meta(
      doc({
        en: 'The script, relative to the content folder; it must exist.',
        'zh-CN': '脚本文件，相对于内容目录的路径；文件必须存在。',
        example: 'attachments/payment-gateway/2.3.0/001_refund.sql',
      }),
    ),
    /** Its rollback script. */
    rollback: contentPathSchema
      .optional()
      .meta(
        doc({
          en: 'Its rollback script, relative to the content folder. The rollback-plan rule needs it or irreversible: true.',
          'zh-CN': '对应的回滚脚本(相对于内容目录)。rollback-plan 规则要求有回滚脚本，或注明 irreversible: true。',
          example: 'attachments/payment-gateway/2.3.0/001_refund_rollback.sql',
        }),
      ),
    /** Set when the change cannot be undone; needs `reason`. */
    irreversible: z
      .boolean()
      .optional()
      .meta(doc({ en: 'Set when the change cannot be undone; needs `reason`.', 'zh-CN': '变更无法回滚时设为 true，并填写 reason。', example: true })),
    reason: textSchema.optional().meta(
      doc({
        en: 'Why the change cannot be rolled back.',
        'zh-CN': '无法回滚的原因。',
        example: '删除明文卡号列,数据不可恢复',
        requiredWhen: { en: 'required when irreversible: true', 'zh-CN': 'irreversible 为 true 时必填' },
      }),
    ),
    executedBy: textSchema.optional().meta(doc({ en: 'Who ran the script (normally the DBA).', 'zh-CN': '执行人(通常是 DBA)。', example: '赵敏' })),
    executedAt: dateTimeSchema.optional().meta(doc({ en: 'When it was run.', 'zh-CN': '执行时间。', example: '2026-03-12T21:40:00+08:00' })),
  })
  .superRefine((script, ctx) => {
    if (script.irreversible && !script.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when irreversible: true (why it cannot be rolled back)' });
    }
  });

const planSchema = z.strictObject({
  /** What is deployed, with order and relations. */
  components: z
    .array(componentSchema)
    .default([])
    .meta(doc({ en: 'What is deployed, with its order and relations.', 'zh-CN': '部署的组件，以及部署顺序和依赖关系。' })),
  /** New external software installed (新增外部应用程序安装). */
  installs: z
    .array(
      z.strictObject({
        name: textSchema.meta(doc({ en: 'Software installed.', 'zh-CN': '安装的软件。', example: 'Redis 7.2' })),
        reason: textSchema.optional().meta(doc({ en: 'Why it is needed.', 'zh-CN': '安装原因。', example: '对账缓存' })),
      }),
    )
    .default([])
    .meta(doc({ en: 'New external software installed.', 'zh-CN': '新增外部应用程序安装。' })),
  /** Services stopped during the window: service ids or free text. */
  stops: z
    .array(textSchema)
    .default([])
    .meta(
      doc({
        en: 'Services stopped during the window: service ids (linked) or free text.',
        'zh-CN': '上线期间需要关闭的其他应用服务：服务 id(会生成链接)或文字。',
        example: ['order-service'],
      }),
    ),
  /** Service impact (服务影响范围). */
  impact: textSchema.optional().meta(doc({ en: 'Service impact during the window.', 'zh-CN': '服务影响范围。', example: '维护窗口内退款接口不可用' })),
  dbScripts: z
    .array(dbScriptSchema)
    .default([])
    .meta(doc({ en: 'Database scripts, run by the DBA.', 'zh-CN': '数据库脚本，由 DBA 执行。' })),
  /** Rollback plan (回滚方案). */
  rollback: z
    .strictObject({
      trigger: textSchema
        .optional()
        .meta(doc({ en: 'When to roll back.', 'zh-CN': '触发回滚的条件。', example: '交易成功率低于 99% 持续 5 分钟' })),
      steps: z
        .array(textSchema)
        .default([])
        .meta(
          doc({
            en: 'Rollback steps, in order.',
            'zh-CN': '回滚步骤，按顺序。',
            example: ['停止网关新版本实例', '部署 2.2.4 镜像'],
            requiredWhen: { en: 'at least one step unless status is planned or cancelled', 'zh-CN': '状态不是 planned 或 cancelled 时至少一步' },
          }),
        ),
      estimate: durationSchema.optional().meta(doc({ en: 'How long a rollback takes.', 'zh-CN': '回滚预计耗时。', example: '20m' })),
    })
    .optional()
    .meta(doc({ en: 'Rollback plan.', 'zh-CN': '回滚方案。', requiredWhen: WHEN_NOT_PLANNED })),
});

const checklistStateSchema = z.enum(CHECKLIST_STATES);

/** A checklist entry: a bare state, or a state with who, when, evidence and note. */
const checklistEntrySchema = z
  .union(
    [
      checklistStateSchema,
      z
        .strictObject({
          state: checklistStateSchema.meta(doc({ en: 'State of the item.', 'zh-CN': '检查项状态。', example: 'done' })),
          by: textSchema.optional().meta(
            doc({
              en: 'Who did, or who waived, the item.',
              'zh-CN': '完成人，或特批豁免人。',
              example: '赵敏',
              requiredWhen: { en: 'required for waived', 'zh-CN': '状态为 waived 时必填' },
            }),
          ),
          at: dateTimeSchema.optional().meta(doc({ en: 'When.', 'zh-CN': '时间。', example: '2026-03-12T21:30:00+08:00' })),
          evidence: z
            .string()
            .optional()
            .meta(doc({ en: 'Where to see it done (a link or a reference).', 'zh-CN': '完成的凭据(链接或编号)。', example: 'https://wiki.example.com/backup-0312' })),
          note: textSchema.optional().meta(
            doc({
              en: 'Why the item does not apply, or why it was waived.',
              'zh-CN': '不适用或豁免的原因。',
              example: '本次无流量变化',
              requiredWhen: { en: 'required for n/a and waived', 'zh-CN': '状态为 n/a 或 waived 时必填' },
            }),
          ),
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
  )
  .meta(
    doc({
      en: 'A state (done, pending, n/a, waived), or { state, by, at, evidence, note }. n/a needs note; waived needs by and note.',
      'zh-CN': '状态(done、pending、n/a、waived)，或 { state, by, at, evidence, note }。n/a 需要 note;waived 需要 by 和 note。',
      example: 'done',
    }),
  );

const releaseObject = z.strictObject({
  /** A service id. */
  service: idSchema.meta(doc({ en: 'The service released: a file name of services/.', 'zh-CN': '发布的服务：services/ 下的文件名(服务 id)。', example: 'payment-gateway' })),
  /** Unique per service; sorts as semver where it is semver. Quote it. */
  version: versionSchema.meta(
    doc({
      en: 'Version, unique per service; semver sorts as semver. Quote it, so YAML keeps 1.10 as written.',
      'zh-CN': '版本号，同一服务内唯一；符合 semver 的按 semver 排序。请加引号，避免 YAML 把 1.10 读成数字 1.1。',
      example: '2.3.0',
    }),
  ),
  /** Default: "<service name> <version>". */
  title: textSchema
    .optional()
    .meta(doc({ en: 'Title; default "<service name> <version>".', 'zh-CN': '标题；默认为"<服务名称> <版本号>"。', example: '支付网关 2.3.0 上线' })),
  /** A process id. */
  process: idSchema.meta(doc({ en: 'The release process followed: a file name of processes/.', 'zh-CN': '遵循的发布流程：processes/ 下的文件名(流程 id)。', example: 'standard' })),
  type: z
    .enum(RELEASE_TYPES)
    .default('standard')
    .meta(doc({ en: 'Kind of release.', 'zh-CN': '发布类型：standard 正式版本，hotfix 紧急修复，temporary 临时版本。', example: 'hotfix' })),
  status: z.enum(RELEASE_STATUSES).meta(
    doc({
      en: 'Where the release stands; the stage of its process that claims the status is its current stage.',
      'zh-CN': '发布当前状态；流程中认领该状态的阶段就是发布的当前阶段。',
      example: 'released',
    }),
  ),
  summary: textSchema.optional().meta(doc({ en: 'One line on what the release brings.', 'zh-CN': '一句话概述。', example: '新增退款对账能力' })),
  /** Planned go-live window (上线时间). */
  window: windowSchema.optional().meta(doc({ en: 'Planned go-live window.', 'zh-CN': '计划上线时间窗口。', requiredWhen: WHEN_NOT_PLANNED })),
  /** What happened. */
  actual: z
    .strictObject({
      start: dateTimeSchema.meta(doc({ en: 'When the deployment started.', 'zh-CN': '实际开始时间。', example: '2026-03-12T22:05:00+08:00' })),
      end: dateTimeSchema
        .optional()
        .meta(doc({ en: 'When it ended; not before start.', 'zh-CN': '实际结束时间，不早于开始时间。', example: '2026-03-12T23:10:00+08:00' })),
      downtime: durationSchema.optional().meta(doc({ en: 'Service downtime.', 'zh-CN': '服务中断时长。', example: '12m' })),
    })
    .optional()
    .meta(doc({ en: 'What actually happened during the go-live.', 'zh-CN': '实际上线情况。', requiredWhen: WHEN_WENT_OUT })),
  /** Role -> person. */
  people: z
    .record(roleSchema, textSchema.meta(doc({ en: 'The person in that role.', 'zh-CN': '担任该角色的人。', example: '李娜' })))
    .default({})
    .meta(doc({ en: 'Who took part: role -> person.', 'zh-CN': '参与人员：角色 -> 姓名。', example: { dev: '张伟', qa: '李娜' }, key: 'role' })),
  /** What was deployed, for rollback (发布基线). */
  baseline: z
    .strictObject({
      branch: textSchema.optional().meta(doc({ en: 'Branch deployed.', 'zh-CN': '发布分支。', example: 'release/2.3.0' })),
      tag: textSchema.optional().meta(doc({ en: 'Tag deployed.', 'zh-CN': '发布标签。', example: 'v2.3.0' })),
      commit: z
        .string()
        .regex(/^[0-9a-fA-F]{7,40}$/, { error: 'must be 7 to 40 hex characters' })
        .optional()
        .meta(doc({ en: 'Commit deployed: 7 to 40 hex characters.', 'zh-CN': '发布的提交：7 到 40 位十六进制字符。', example: '9f1c2ab' })),
      previous: versionSchema
        .optional()
        .meta(
          doc({
            en: 'Version to roll back to; links to that release when it exists.',
            'zh-CN': '回滚目标版本；若是该服务已有的发布，会生成链接。',
            example: '2.2.4',
          }),
        ),
    })
    .optional()
    .meta(
      doc({
        en: 'What was deployed, for rollback.',
        'zh-CN': '发布基线，用于回滚。',
        requiredWhen: { en: 'commit or tag required when status is released or rolled-back', 'zh-CN': '状态为 released 或 rolled-back 时需要 commit 或 tag' },
      }),
    ),
  /** Release notes. */
  changes: z
    .array(
      z.strictObject({
        kind: z.enum(CHANGE_KINDS).meta(doc({ en: 'Kind of change.', 'zh-CN': '变更类型。', example: 'feature' })),
        title: textSchema.meta(doc({ en: 'The change, as users read it.', 'zh-CN': '变更内容。', example: '退款对账报表' })),
        ticket: textSchema.optional().meta(doc({ en: 'Ticket or requirement id.', 'zh-CN': '需求或任务编号。', example: 'PAY-1201' })),
      }),
    )
    .default([])
    .meta(doc({ en: 'Release notes.', 'zh-CN': '版本说明(变更列表)。' })),
  /** What ships unresolved (遗留问题). */
  knownIssues: z
    .array(
      z.strictObject({
        title: textSchema.meta(doc({ en: 'The issue.', 'zh-CN': '问题描述。', example: '大额退款导出偶发超时' })),
        severity: severitySchema,
        ticket: textSchema
          .optional()
          .meta(doc({ en: 'Bug id; a deferred bug of a test report must stand here with its id.', 'zh-CN': '缺陷编号；测试报告中延期(deferred)的缺陷必须以其编号登记在这里。', example: 'BUG-3321' })),
      }),
    )
    .default([])
    .meta(doc({ en: 'What ships unresolved. An A or B item fails the bug-gate rule.', 'zh-CN': '遗留问题：带着上线的未解决问题。A、B 级遗留问题会使 bug-gate 规则不通过。' })),
  /** Launch plan (上线方案). */
  plan: planSchema.optional().meta(
    doc({
      en: 'Launch plan.',
      'zh-CN': '上线方案。',
      requiredWhen: { en: 'its rollback steps are required unless status is planned or cancelled', 'zh-CN': '状态不是 planned 或 cancelled 时需要其中的回滚步骤' },
    }),
  ),
  /** Approvals (审批 / 电子流). */
  approvals: z
    .array(
      z.strictObject({
        role: roleSchema.meta(doc({ en: 'Role of the approver.', 'zh-CN': '审批人的角色。', example: 'lead' })),
        name: textSchema.meta(doc({ en: 'Who decided.', 'zh-CN': '审批人。', example: '周涛' })),
        decision: z.enum(['approved', 'rejected']).meta(doc({ en: 'The decision.', 'zh-CN': '审批结论。', example: 'approved' })),
        at: dateTimeSchema.meta(doc({ en: 'When.', 'zh-CN': '审批时间。', example: '2026-03-10' })),
        comment: textSchema.optional().meta(doc({ en: 'Comment.', 'zh-CN': '审批意见。', example: '方案可行' })),
      }),
    )
    .default([])
    .meta(doc({ en: 'Approvals; the approvals rule reads them.', 'zh-CN': '审批 / 电子流记录；approvals 规则读取它们。' })),
  /** State of the process's manual checklist items, by item id. */
  checklist: z
    .record(z.string(), checklistEntrySchema)
    .default({})
    .meta(
      doc({
        en: "State of the process's checklist items, by item id. An item not listed is pending; a key that names no item of the process is an error.",
        'zh-CN': '流程检查项的状态，按检查项 id 填写。未列出的检查项视为 pending；不存在于流程中的 id 会报错。',
        example: { 'launch-plan': 'done' },
        key: 'item-id',
      }),
    ),
  /** Go-live verification (上线验证). */
  verification: z
    .strictObject({
      result: z.enum(['pass', 'fail']).meta(doc({ en: 'Result of the verification.', 'zh-CN': '验证结果。', example: 'pass' })),
      by: textSchema.optional().meta(doc({ en: 'Who verified.', 'zh-CN': '验证人。', example: '李娜' })),
      at: dateTimeSchema.optional().meta(doc({ en: 'When.', 'zh-CN': '验证时间。', example: '2026-03-12T23:20:00+08:00' })),
      notes: textSchema.optional().meta(doc({ en: 'Notes.', 'zh-CN': '说明。', example: '核心交易回归通过' })),
    })
    .optional()
    .meta(doc({ en: 'Go-live verification; the verified rule needs result: pass.', 'zh-CN': '上线验证；verified 规则要求 result 为 pass。' })),
  /** Required when status is rolled-back. */
  rolledBack: z
    .strictObject({
      at: dateTimeSchema.meta(doc({ en: 'When it was rolled back.', 'zh-CN': '回滚时间。', example: '2026-03-12T23:40:00+08:00' })),
      reason: textSchema.meta(doc({ en: 'Why.', 'zh-CN': '回滚原因。', example: '对账任务导致数据库 CPU 飙高' })),
      to: versionSchema.optional().meta(doc({ en: 'Version rolled back to.', 'zh-CN': '回滚到的版本。', example: '2.2.4' })),
    })
    .optional()
    .meta(
      doc({
        en: 'The rollback.',
        'zh-CN': '回滚情况。',
        requiredWhen: { en: 'required when status is rolled-back', 'zh-CN': '状态为 rolled-back 时必填' },
      }),
    ),
  /** Added after go-live. */
  monitoring: z
    .strictObject({
      dashboards: z
        .array(linkSchema)
        .default([])
        .meta(doc({ en: 'Dashboards to watch.', 'zh-CN': '监控大盘。', example: [{ title: '对账任务', url: 'https://grafana.example.com/d/recon' }] })),
      alerts: z.array(textSchema).default([]).meta(doc({ en: 'Alerts set up.', 'zh-CN': '配置的告警。', example: ['对账任务失败率 > 1%'] })),
    })
    .optional()
    .meta(doc({ en: 'Monitoring added after go-live; the monitoring rule needs a dashboard or an alert.', 'zh-CN': '上线后补充的监控；monitoring 规则要求至少一个大盘或告警。' })),
  links: z
    .array(linkSchema)
    .default([])
    .meta(doc({ en: 'Related links.', 'zh-CN': '相关链接。', example: [{ title: '禅道发布单', url: 'https://zentao.example.com/release-88.html' }] })),
  tags: z.array(textSchema).default([]).meta(doc({ en: 'Tags, for search and filters.', 'zh-CN': '标签，用于搜索和筛选。', example: ['对账', '数据库变更'] })),
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
