/** `site.yaml`: portal settings (spec: "site.yaml"). */
import { z } from 'zod';
import { whenPresent, extraSchema, idSchema, linkSchema, roleSchema, textSchema, urlSchema } from './common.ts';
import { doc } from './doc.ts';

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
const limitDoc = (severity: string, en: string, zh: string, unlimited = false) =>
  doc({
    en: `Most open ${severity} (${en}) bugs a release may go live with${unlimited ? '; unlimited when omitted' : ''}.`,
    'zh-CN': `上线时允许未关闭的 ${severity} 级(${zh})缺陷数上限${unlimited ? '，不写则不限' : ''}。`,
    example: 0,
  });

export const siteSchema = z.strictObject({
  /** Portal title shown in the header and the browser tab. */
  title: textSchema.meta(
    doc({ en: 'Portal title, shown in the header and the browser tab.', 'zh-CN': '门户标题，显示在页头和浏览器标签上。', example: '交付中心发布门户' }),
  ),
  /** Organisation that owns the portal. */
  organization: textSchema
    .optional()
    .meta(doc({ en: 'Organisation that owns the portal.', 'zh-CN': '门户所属的组织。', example: '布比科技' })),
  /** Language of the portal's own labels. */
  locale: z
    .enum(LOCALES)
    .default('zh-CN')
    .meta(doc({ en: "Language of the portal's own labels (not of the records).", 'zh-CN': '门户界面文字的语言(不影响记录内容)。' })),
  /** IANA time zone; dates written without a time are read in it, and every time is shown in it. */
  timezone: z
    .string()
    .refine(isTimeZone, { error: 'must be an IANA time zone such as Asia/Shanghai or UTC' })
    .default('UTC')
    .meta(
      doc({
        en: 'IANA time zone: a date written without a time is read in it, and every time is shown in it.',
        'zh-CN': 'IANA 时区名：只写日期的时间按此时区理解，门户上所有时间都按此时区显示。',
        example: 'Asia/Shanghai',
      }),
    ),
  /** Public address of the portal, for feeds and canonical links. */
  baseUrl: urlSchema
    .optional()
    .meta(doc({ en: 'Public address of the portal, for feeds and canonical links.', 'zh-CN': '门户的公开地址，用于订阅源和规范链接。', example: 'https://releases.example.com' })),
  /** Role key -> label; every `owner`, `people` key and approval `role` names one. */
  roles: z
    .record(
      idSchema,
      textSchema.meta(doc({ en: 'Label of the role shown in the portal.', 'zh-CN': '角色在门户上显示的名称。', example: '测试' })),
    )
    .refine((roles) => Object.keys(roles).length > 0, { error: 'must define at least one role' })
    .meta(
      doc({
        en: 'Role key -> label, at least one. Every owner, people key and approval role in the records names one of these keys.',
        'zh-CN': '角色键 -> 显示名称，至少一个。记录中的 owner、people 的键和审批的 role 都必须是这里的键。',
        example: { dev: '开发', qa: '测试', ops: '运维' },
        key: 'role',
      }),
    ),
  /** Most open bugs of each severity a release may go live with; D is unlimited when omitted. */
  bugGate: z
    .strictObject({
      A: limit.default(0).meta(limitDoc('A', 'blocker', '致命')),
      B: limit.default(0).meta(limitDoc('B', 'critical', '严重')),
      C: limit.default(5).meta(limitDoc('C', 'major', '一般')),
      D: limit.optional().meta(limitDoc('D', 'minor', '提示', true)),
    })
    .default({ A: 0, B: 0, C: 5 })
    .meta(
      doc({
        en: 'Most open bugs of each severity a release may go live with (the bug-gate rule).',
        'zh-CN': '各级别缺陷在上线时允许未关闭的最多数量(bug-gate 规则使用)。',
        example: { A: 0, B: 0, C: 5 },
      }),
    ),
  /** Links shown in the portal header. */
  links: z
    .array(linkSchema)
    .default([])
    .meta(doc({ en: 'Links shown in the portal header.', 'zh-CN': '显示在门户页头的链接。', example: [{ title: '禅道', url: 'https://zentao.example.com' }] })),
  /** Test environments; when given, a test report's `environment` must name one. */
  environments: z
    .array(
      z.strictObject({
        id: idSchema.meta(doc({ en: 'Environment id; test reports name it in `environment`.', 'zh-CN': '环境标识，测试报告的 environment 引用它。', example: 'test' })),
        title: textSchema.meta(doc({ en: 'Name shown in the portal.', 'zh-CN': '门户上显示的名称。', example: '测试环境' })),
        owner: roleSchema.optional().meta(doc({ en: 'Role responsible for the environment.', 'zh-CN': '负责该环境的角色。', example: 'qa' })),
      }),
    )
    .optional()
    .meta(
      doc({
        en: "Test environments; when given, every test report's `environment` must name one of their ids.",
        'zh-CN': '测试环境列表；填写后，每份测试报告的 environment 必须是其中之一的 id。',
      }),
    ),
  /** Used by release notices. */
  notice: z
    .strictObject({
      copyright: textSchema
        .optional()
        .meta(doc({ en: 'Copyright line of the formal release notice.', 'zh-CN': '正式发布通知的版权行。', example: '© 2026 布比科技' })),
      audience: z
        .array(textSchema)
        .optional()
        .meta(doc({ en: 'Who the formal release notice goes to.', 'zh-CN': '正式发布通知的发送对象。', example: ['开发', '测试', '运维'] })),
    })
    .optional()
    .meta(doc({ en: 'Settings of release notices.', 'zh-CN': '发布通知的设置。' })),
  extra: extraSchema,
});

export type SiteInput = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema>;
