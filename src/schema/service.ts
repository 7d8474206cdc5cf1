/** `services/<id>.yaml`: one service; its id is the file name (spec: "services/<id>.yaml"). */
import { z } from 'zod';
import { extraSchema, linkSchema, textSchema, urlSchema } from './common.ts';
import { doc } from './doc.ts';

export const serviceSchema = z.strictObject({
  /** Display name, e.g. 支付网关. */
  name: textSchema.meta(doc({ en: 'Display name of the service.', 'zh-CN': '服务的显示名称。', example: '支付网关' })),
  /** What the service does. */
  description: textSchema
    .optional()
    .meta(doc({ en: 'What the service does.', 'zh-CN': '服务的用途。', example: '对外支付与退款接口' })),
  /** Owning team. */
  team: textSchema.optional().meta(doc({ en: 'Team that owns the service.', 'zh-CN': '负责该服务的团队。', example: '交易组' })),
  /** Source repository. */
  repo: urlSchema
    .optional()
    .meta(doc({ en: 'Source repository.', 'zh-CN': '源代码仓库地址。', example: 'https://git.example.com/pay/gateway' })),
  /** Monitoring dashboards. */
  dashboards: z
    .array(linkSchema)
    .default([])
    .meta(
      doc({
        en: 'Monitoring dashboards of the service.',
        'zh-CN': '该服务的监控大盘。',
        example: [{ title: 'Grafana 支付大盘', url: 'https://grafana.example.com/d/pay' }],
      }),
    ),
  extra: extraSchema,
});

export type ServiceInput = z.input<typeof serviceSchema>;
export type Service = z.output<typeof serviceSchema>;
