/** The six record kinds and the schema of each: the one table the guide, JSON Schemas and tests share. */
import { processSchema } from './process.ts';
import { releaseSchema } from './release.ts';
import { retrospectiveSchema } from './retrospective.ts';
import { serviceSchema } from './service.ts';
import { siteSchema } from './site.ts';
import { testReportSchema } from './test-report.ts';

export const RECORD_KINDS = ['site', 'service', 'process', 'release', 'test-report', 'retrospective'] as const;
export type RecordKindName = (typeof RECORD_KINDS)[number];

export const SCHEMA_OF_KIND = {
  site: siteSchema,
  service: serviceSchema,
  process: processSchema,
  release: releaseSchema,
  'test-report': testReportSchema,
  retrospective: retrospectiveSchema,
} as const satisfies Record<RecordKindName, unknown>;
