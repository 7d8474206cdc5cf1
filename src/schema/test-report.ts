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
  id: textSchema,
  title: textSchema,
  severity: severitySchema,
  status: z.enum(BUG_STATUSES),
  url: urlSchema.optional(),
});

const bugCountSchema = z.strictObject({ open: countSchema.default(0), closed: countSchema.default(0) });

export const testReportSchema = z
  .strictObject({
    /** The release tested: `<service>@<version>`. */
    release: releaseRefSchema,
    title: textSchema,
    stage: z.enum(TEST_STAGES),
    /** Test round (提测轮次), 1 for the first. */
    round: z.number({ error: whenPresent('must be a whole number from 1') }).int().positive().optional(),
    /** Where it ran; names one of site.environments when those are defined. */
    environment: textSchema.optional(),
    tester: textSchema.optional(),
    start: dateTimeSchema.optional(),
    end: dateTimeSchema.optional(),
    verdict: z.enum(VERDICTS),
    /** JUnit XML files, relative to the content folder. */
    junit: z.array(contentPathSchema).default([]),
    /** Manual totals. */
    cases: z
      .strictObject({
        total: countSchema,
        passed: countSchema.optional(),
        failed: countSchema.optional(),
        skipped: countSchema.optional(),
        blocked: countSchema.optional(),
      })
      .optional(),
    bugs: z.array(bugSchema).optional(),
    bugCounts: z.partialRecord(severitySchema, bugCountSchema).optional(),
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
