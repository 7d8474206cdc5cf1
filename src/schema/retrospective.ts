/** `retrospectives/**`: one retrospective (spec: "retrospectives/**"). */
import { z } from 'zod';
import { dateTimeSchema, extraSchema, releaseRefSchema, textSchema } from './common.ts';
import { doc } from './doc.ts';

export const OUTCOMES = ['success', 'partial', 'rolled-back', 'incident'] as const;
export const INCIDENT_SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

export const retrospectiveSchema = z.strictObject({
  title: textSchema.meta(doc({ en: 'Title of the retrospective.', 'zh-CN': '复盘标题。', example: '支付网关 2.3.0 回滚复盘' })),
  /** Releases this retrospective covers; at least one. */
  releases: z
    .array(releaseRefSchema)
    .min(1, { error: 'must name at least one release' })
    .meta(
      doc({
        en: 'Releases this retrospective covers, as <service>@<version>; at least one.',
        'zh-CN': '本次复盘涉及的发布(<服务 id>@<版本号>)，至少一个。',
        example: ['payment-gateway@2.3.0'],
      }),
    ),
  date: dateTimeSchema.meta(doc({ en: 'When the retrospective was held.', 'zh-CN': '复盘日期。', example: '2026-03-14' })),
  facilitator: textSchema.optional().meta(doc({ en: 'Who led it.', 'zh-CN': '主持人。', example: '周涛' })),
  participants: z.array(textSchema).default([]).meta(doc({ en: 'Who took part.', 'zh-CN': '参与人。', example: ['张伟', '李娜'] })),
  outcome: z
    .enum(OUTCOMES)
    .optional()
    .meta(doc({ en: 'How the release went.', 'zh-CN': '发布结果：success 成功，partial 部分达成，rolled-back 已回滚，incident 引发事故。', example: 'rolled-back' })),
  incident: z
    .strictObject({
      severity: z.enum(INCIDENT_SEVERITIES).meta(doc({ en: 'Incident severity, P1 the worst.', 'zh-CN': '事故等级，P1 最严重。', example: 'P2' })),
      detected: dateTimeSchema.optional().meta(doc({ en: 'When it was detected.', 'zh-CN': '发现时间。', example: '2026-03-12T23:25:00+08:00' })),
      resolved: dateTimeSchema
        .optional()
        .meta(doc({ en: 'When it was resolved; not before detected.', 'zh-CN': '恢复时间，不早于发现时间。', example: '2026-03-12T23:55:00+08:00' })),
      impact: textSchema.optional().meta(doc({ en: 'Who or what was affected, and how long.', 'zh-CN': '影响范围与时长。', example: '退款接口 30 分钟不可用' })),
    })
    .optional()
    .meta(doc({ en: 'The incident, when there was one.', 'zh-CN': '事故情况(如有)。' })),
  /** Follow-up action items. */
  actions: z
    .array(
      z.strictObject({
        title: textSchema.meta(doc({ en: 'What is to be done.', 'zh-CN': '改进事项。', example: '对账任务限流' })),
        owner: textSchema.optional().meta(doc({ en: 'Who does it.', 'zh-CN': '负责人。', example: '张伟' })),
        due: dateTimeSchema.optional().meta(doc({ en: 'Due date.', 'zh-CN': '截止日期。', example: '2026-03-20' })),
        status: z.enum(ACTION_STATUSES).default('open').meta(doc({ en: 'State of the action.', 'zh-CN': '状态：open 进行中，done 完成，dropped 放弃。', example: 'done' })),
      }),
    )
    .default([])
    .meta(doc({ en: 'Follow-up action items.', 'zh-CN': '后续改进事项。' })),
  tags: z.array(textSchema).default([]).meta(doc({ en: 'Tags, for search and filters.', 'zh-CN': '标签，用于搜索和筛选。', example: ['数据库', '回滚'] })),
  extra: extraSchema,
});

export type RetrospectiveInput = z.input<typeof retrospectiveSchema>;
export type Retrospective = z.output<typeof retrospectiveSchema>;
