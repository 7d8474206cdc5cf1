/** `test-reports/**`: one test report (spec: "test-reports/**"). */
import { z } from 'zod';
import {
  whenPresent,
  contentPathSchema,
  countSchema,
  dateTimeSchema,
  extraSchema,
  releaseRefSchema,
  severitySchema,
  textSchema,
  urlSchema,
} from './common.ts';
import { doc } from './doc.ts';

export const TEST_STAGES = [
  'system',
  'integration',
  'acceptance',
  'staging',
  'smoke',
  'regression',
  'performance',
  'security',
] as const;
export const VERDICTS = ['pass', 'fail', 'conditional'] as const;
/** `fixed` still counts as open for the gate; `deferred` must stand in the release's knownIssues. */
export const BUG_STATUSES = ['open', 'fixed', 'closed', 'deferred'] as const;

const bugSchema = z.strictObject({
  id: textSchema.meta(doc({ en: 'Bug id in the tracker; a bug listed in several reports counts once.', 'zh-CN': '缺陷编号；同一编号出现在多份报告中只计一次。', example: 'BUG-3301' })),
  title: textSchema.meta(doc({ en: 'The bug.', 'zh-CN': '缺陷标题。', example: '退款金额精度丢失' })),
  severity: severitySchema,
  status: z.enum(BUG_STATUSES).meta(
    doc({
      en: 'open; fixed (awaiting verification, still counts as open for the gate); closed; deferred (postponed: must also stand in the release\'s knownIssues with ticket = id).',
      'zh-CN': 'open 未解决；fixed 已修复待验证(对门禁仍算未关闭);closed 已关闭；deferred 延期到后续版本(必须同时登记在发布的 knownIssues 中，ticket 等于缺陷编号)。',
      example: 'fixed',
    }),
  ),
  url: urlSchema.optional().meta(doc({ en: 'Link to the bug.', 'zh-CN': '缺陷链接。', example: 'https://zentao.example.com/bug-3301.html' })),
});

const bugCountSchema = z.strictObject({
  open: countSchema.default(0).meta(doc({ en: 'Bugs still open (open + fixed).', 'zh-CN': '未关闭的缺陷数(open + fixed)。', example: 0 })),
  closed: countSchema.default(0).meta(doc({ en: 'Bugs closed.', 'zh-CN': '已关闭的缺陷数。', example: 3 })),
});

export const testReportSchema = z
  .strictObject({
    /** The release tested: `<service>@<version>`. */
    release: releaseRefSchema.meta(doc({ en: 'The release tested: <service>@<version>.', 'zh-CN': '被测试的发布：<服务 id>@<版本号>。', example: 'payment-gateway@2.3.0' })),
    title: textSchema.meta(doc({ en: 'Title of the report.', 'zh-CN': '报告标题。', example: '2.3.0 系统测试报告' })),
    stage: z.enum(TEST_STAGES).meta(doc({ en: 'Test stage.', 'zh-CN': '测试阶段。', example: 'system' })),
    /** Test round (提测轮次), 1 for the first. */
    round: z
      .number({ error: whenPresent('must be a whole number from 1') })
      .int()
      .positive()
      .optional()
      .meta(doc({ en: 'Test round, 1 for the first; the latest round of each stage counts for the rules.', 'zh-CN': '提测轮次，从 1 开始；规则按每个测试阶段的最新一轮计算。', example: 1 })),
    /** Where it ran; names one of site.environments when those are defined. */
    environment: textSchema
      .optional()
      .meta(doc({ en: 'Where it ran; names one of site.environments when those are defined.', 'zh-CN': '测试环境；site.yaml 定义了 environments 时必须是其中之一的 id。', example: 'test' })),
    tester: textSchema.optional().meta(doc({ en: 'Who tested.', 'zh-CN': '测试人员。', example: '李娜' })),
    start: dateTimeSchema.optional().meta(doc({ en: 'First day of testing.', 'zh-CN': '测试开始日期。', example: '2026-03-02' })),
    end: dateTimeSchema.optional().meta(doc({ en: 'Last day of testing; orders reports of the same round.', 'zh-CN': '测试结束日期；同一轮次的报告按它排序。', example: '2026-03-06' })),
    verdict: z.enum(VERDICTS).meta(doc({ en: 'Conclusion of the report.', 'zh-CN': '测试结论：pass 通过，fail 不通过，conditional 有条件通过。', example: 'pass' })),
    /** JUnit XML files, relative to the content folder. */
    junit: z
      .array(contentPathSchema)
      .default([])
      .meta(doc({ en: 'JUnit XML files, relative to the content folder; parsed at build time.', 'zh-CN': 'JUnit XML 文件(相对于内容目录)，构建时解析。', example: ['attachments/payment-gateway/2.3.0/api-tests.xml'] })),
    /** Manual totals. */
    cases: z
      .strictObject({
        total: countSchema.meta(doc({ en: 'Test cases in all; not less than the parts.', 'zh-CN': '用例总数，不小于各分项之和。', example: 120 })),
        passed: countSchema.optional().meta(doc({ en: 'Passed.', 'zh-CN': '通过数。', example: 117 })),
        failed: countSchema.optional().meta(doc({ en: 'Failed.', 'zh-CN': '失败数。', example: 2 })),
        skipped: countSchema.optional().meta(doc({ en: 'Skipped.', 'zh-CN': '跳过数。', example: 1 })),
        blocked: countSchema.optional().meta(doc({ en: 'Blocked.', 'zh-CN': '阻塞数。', example: 0 })),
      })
      .optional()
      .meta(doc({ en: 'Manual totals; shown beside the JUnit totals when both are given.', 'zh-CN': '手工统计的用例数；同时有 JUnit 时两者并列显示。' })),
    bugs: z
      .array(bugSchema)
      .optional()
      .meta(doc({ en: 'Bugs found, one by one (or give bugCounts instead).', 'zh-CN': '缺陷列表(或改用 bugCounts 填写数量，二者选一)。' })),
    bugCounts: z
      .partialRecord(severitySchema, bugCountSchema.meta(doc({ en: 'Bugs of that severity.', 'zh-CN': '该级别的缺陷数。', example: { open: 0, closed: 1 } })))
      .optional()
      .meta(
        doc({
          en: 'Bug counts per severity, instead of a list; not together with bugs.',
          'zh-CN': '按级别统计的缺陷数，代替缺陷列表；不能与 bugs 同时填写。',
          example: { A: { open: 0, closed: 1 } },
          key: 'severity',
        }),
      ),
    extra: extraSchema,
  })
  .superRefine((report, ctx) => {
    if (report.bugs && report.bugCounts) {
      ctx.addIssue({ code: 'custom', path: ['bugCounts'], message: 'cannot be given together with bugs: use one of them' });
    }
    const c = report.cases;
    if (c) {
      const parts = (c.passed ?? 0) + (c.failed ?? 0) + (c.skipped ?? 0) + (c.blocked ?? 0);
      if (parts > c.total) {
        ctx.addIssue({ code: 'custom', path: ['cases', 'total'], message: `is ${c.total}, less than passed + failed + skipped + blocked (${parts})` });
      }
    }
  });

export type TestReportInput = z.input<typeof testReportSchema>;
export type TestReport = z.output<typeof testReportSchema>;
export type Bug = z.output<typeof bugSchema>;
