/**
 * The rules that no single field shows, in plain words and both portal languages: the shared
 * value types, the rules across records, the gate, and what each checklist `rule:` computes.
 * Worded after ../shared/spec/records.md; the unit tests check that every value type and
 * every rule name of the schema has its text here.
 */
import type { Localized, ValueType } from '../../schema/doc.ts';
import type { RuleName } from '../../schema/process.ts';

export interface ValueTypeDoc {
  form: Localized;
  example: string;
}

export const VALUE_TYPE_DOCS: Record<ValueType, ValueTypeDoc> = {
  text: { form: { en: 'Text that is not empty (any language).', 'zh-CN': '非空文字(任何语言)。' }, example: '支付网关' },
  id: {
    form: { en: 'Lowercase letters, digits and -, starting with a letter or digit.', 'zh-CN': '小写字母、数字和 -，以字母或数字开头。' },
    example: 'payment-gateway',
  },
  version: {
    form: {
      en: 'Letters, digits and . + _ -, written as a string: quote it ("1.10"), or YAML reads 1.10 as the number 1.1.',
      'zh-CN': '字母、数字和 . + _ -，按字符串书写：请加引号("1.10")，否则 YAML 会把 1.10 读成数字 1.1。',
    },
    example: '"2.3.0"',
  },
  'release-ref': {
    form: { en: '<service>@<version>, naming an existing release.', 'zh-CN': '<服务 id>@<版本号>，必须是已有的发布。' },
    example: 'payment-gateway@2.3.0',
  },
  role: { form: { en: 'A key of site.roles.', 'zh-CN': 'site.yaml 中 roles 的键。' }, example: 'qa' },
  url: {
    form: {
      en: 'An absolute http: or https: URL; any other scheme (javascript:, data:, file:) is an error.',
      'zh-CN': '以 http: 或 https: 开头的完整地址；其他协议(javascript:、data:、file:)都会报错。',
    },
    example: 'https://zentao.example.com/release-12.html',
  },
  'date-time': {
    form: {
      en: 'ISO 8601 with an offset, or a date alone (read in site.timezone).',
      'zh-CN': '带时区偏移的 ISO 8601 时间，或只写日期(按 site.timezone 理解)。',
    },
    example: '2026-03-12T22:00:00+08:00',
  },
  duration: {
    form: { en: 'A number of minutes, or <n>d, <n>h, <n>m parts.', 'zh-CN': '分钟数，或由 <n>d、<n>h、<n>m 组成的时长。' },
    example: '1h30m',
  },
  'content-path': {
    form: {
      en: 'A file path relative to the content folder; it must stay inside it (no .., no leading /) and exist.',
      'zh-CN': '相对于内容目录的文件路径；不能跳出内容目录(不能有 ..，不能以 / 开头)，且文件必须存在。',
    },
    example: 'attachments/payment-gateway/2.3.0/001_refund.sql',
  },
  severity: {
    form: { en: 'A blocker, B critical, C major, D minor.', 'zh-CN': 'A 致命，B 严重，C 一般，D 提示。' },
    example: 'B',
  },
  count: { form: { en: 'A whole number, 0 or more.', 'zh-CN': '大于等于 0 的整数。' }, example: '12' },
  link: { form: { en: '{ title, url }.', 'zh-CN': '{ title, url }(标题与地址)。' }, example: '{ title: 禅道, url: https://zentao.example.com }' },
  extra: {
    form: { en: 'Any mapping; never checked, kept for the author.', 'zh-CN': '任意键值；不做校验，留给作者自用。' },
    example: '{ jira: PAY-88 }',
  },
};

/** General rules of the format, then the rules across records (all checked by npm run check in one run). */
export const FORMAT_RULES: Localized[] = [
  {
    en: 'Keys are English camelCase; enumerated values are lowercase kebab-case. A key the schema does not know is an error (typos must not pass silently), except under extra:.',
    'zh-CN': '键名用英文 camelCase；枚举值用小写加连字符。未定义的键会报错(避免拼写错误悄悄通过),extra: 下除外。',
  },
  {
    en: 'Files and folders whose name starts with _ are ignored (drafts, partials).',
    'zh-CN': '以 _ 开头的文件和目录会被忽略(草稿、片段)。',
  },
  {
    en: 'A record is .md (plain Markdown: safe for anyone to write, cheap to build) or .mdx (may use the portal\'s components; compiled to code, so treat it as code).',
    'zh-CN': '记录可以是 .md(纯 Markdown，任何人都能安全书写，构建快)或 .mdx(可使用门户组件；会编译成代码，需按代码审查)。',
  },
];

export const CROSS_RECORD_RULES: Localized[] = [
  {
    en: 'Every reference resolves: service ids, process ids, release refs, roles, checklist item ids, component ids in dependsOn, and file paths.',
    'zh-CN': '所有引用都必须存在：服务 id、流程 id、发布引用、角色、检查项 id、dependsOn 中的组件 id，以及文件路径。',
  },
  {
    en: 'service + version is unique across all releases.',
    'zh-CN': 'service + version 在所有发布中唯一。',
  },
  {
    en: 'plan.components[].dependsOn has no cycle (the message names the cycle).',
    'zh-CN': 'plan.components[].dependsOn 不能形成循环(报错信息会列出循环)。',
  },
  {
    en: "A release's status must be claimed by a stage of its process. In a process, each status except cancelled is claimed by exactly one stage; rolled-back by the stage in which the release went out.",
    'zh-CN': '发布的状态必须被其流程中的某个阶段认领。一个流程中，除 cancelled 外每个状态恰好由一个阶段认领；rolled-back 由发布上线所在的阶段认领。',
  },
  {
    en: 'window.end and actual.end are not before their start; an incident\'s resolved is not before its detected.',
    'zh-CN': 'window.end 和 actual.end 不早于各自的开始时间；事故的 resolved 不早于 detected。',
  },
  {
    en: 'Fields required by status are present: window and rollback steps unless planned or cancelled; actual and a baseline commit or tag for released and rolled-back; rolledBack for rolled-back.',
    'zh-CN': '按状态必填的字段必须存在：非 planned/cancelled 需要 window 和回滚步骤；released 和 rolled-back 需要 actual 以及 baseline 的 commit 或 tag;rolled-back 需要 rolledBack。',
  },
  {
    en: "A deferred bug in a test report also stands in the release's knownIssues, with ticket equal to the bug's id.",
    'zh-CN': '测试报告中状态为 deferred 的缺陷，必须同时登记在该发布的 knownIssues 中，且 ticket 等于缺陷编号。',
  },
  {
    en: "When site.environments is given, every test report's environment names one of its ids.",
    'zh-CN': 'site.yaml 定义了 environments 时，每份测试报告的 environment 必须是其中之一的 id。',
  },
  {
    en: 'In any body, raw HTML is limited to a safe list (no <script>, no on* attributes, no <iframe>, <object>, <embed>), and links or images may only point to http:, https:, mailto: or a relative path.',
    'zh-CN': '正文中的原始 HTML 仅限安全的标签(不允许 <script>、on* 属性、<iframe>、<object>、<embed>)；链接和图片只能指向 http:、https:、mailto: 或相对路径。',
  },
];

/** How the gate works, paragraph by paragraph. */
export const GATE_RULES: Localized[] = [
  {
    en: "The stage that claims a release's status is its current stage. Every stage before it is passed; for released, the current stage is passed too; a rolled-back release passed only the stages before its current one. A cancelled release is not gated.",
    'zh-CN': '认领发布状态的阶段是它的当前阶段。当前阶段之前的阶段都算已通过；released 的发布当前阶段也算已通过；rolled-back 的发布只通过了当前阶段之前的阶段。cancelled 的发布不做门禁检查。',
  },
  {
    en: 'Each required checklist item of a passed stage must hold: done, n/a (with a note), waived (with by and note), or, for an item with a rule, the rule passes (or the item is waived). Anything else is a build error that names the release, the stage, the item and why it fails.',
    'zh-CN': '已通过阶段的每个必需检查项都必须满足：done、n/a(附 note)、waived(附 by 和 note)，或者对带 rule 的检查项，规则计算通过(或已豁免)。否则构建报错，并指出发布、阶段、检查项和原因。',
  },
  {
    en: "An item a release does not list in its checklist is pending. Stages after the go-live stage claim no status: their items are follow-ups, shown as open or done but never a build error.",
    'zh-CN': '发布的 checklist 中没有列出的检查项视为 pending。上线阶段之后的阶段不认领状态：其中的检查项是后续事项，只显示未完成或已完成，不会导致构建失败。',
  },
];

/** What each `rule:` of a checklist item computes. */
export const RULE_DOCS: Record<RuleName, Localized> = {
  'bug-gate': {
    en: 'In the latest report of each test stage the release has (highest round, then latest end), open bugs (open + fixed; a bug id listed in several of those reports counts once) of each severity are within site.bugGate, and no A or B item stands in knownIssues.',
    'zh-CN': '在该发布每个测试阶段的最新一份报告中(轮次最高，其次结束日期最晚)，各级别未关闭缺陷(open + fixed；同一编号在多份报告中只计一次)不超过 site.bugGate，且 knownIssues 中没有 A、B 级问题。',
  },
  'tests-passed': {
    en: "The release has at least one test report, and for each test stage it has, the latest round's verdict is pass or conditional.",
    'zh-CN': '该发布至少有一份测试报告，且每个测试阶段最新一轮的结论为 pass 或 conditional。',
  },
  approvals: {
    en: "Every role listed in the item's roles has an approved decision and no later rejected one.",
    'zh-CN': '检查项 roles 中列出的每个角色都有 approved 审批，且之后没有 rejected。',
  },
  'rollback-plan': {
    en: 'plan.rollback.steps is not empty, and every DB script has a rollback script or irreversible: true with a reason.',
    'zh-CN': 'plan.rollback.steps 不为空，且每个数据库脚本都有回滚脚本，或注明 irreversible: true 并写明原因。',
  },
  'baseline-recorded': {
    en: 'baseline.commit or baseline.tag is set.',
    'zh-CN': '已填写 baseline.commit 或 baseline.tag。',
  },
  verified: { en: 'verification.result is pass.', 'zh-CN': 'verification.result 为 pass。' },
  monitoring: {
    en: 'monitoring.dashboards or monitoring.alerts is not empty.',
    'zh-CN': 'monitoring.dashboards 或 monitoring.alerts 不为空。',
  },
  retrospective: { en: 'A retrospective names this release.', 'zh-CN': '有复盘记录列出了该发布。' },
};
