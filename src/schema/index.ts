/** The record format of ../shared/spec/records.md, one module per record kind. */
export * from './common.ts';
export * from './release-status.ts';
export * from './site.ts';
export * from './service.ts';
export * from './process.ts';
export * from './release.ts';
export * from './test-report.ts';
export * from './retrospective.ts';
export * from './kinds.ts';
