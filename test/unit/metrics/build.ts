/**
 * Hand-made content for the metrics and action-item tests: records built in code from the
 * schemas (so they are exactly what the loader would produce), without files.
 */
import type { Content, ReleaseRecord, RetrospectiveRecord, ServiceRecord, SiteRecord, TestReportRecord } from '../../../src/model/content.ts';
import type { SourceMap } from '../../../src/model/source/yaml.ts';
import { releaseSchema, retrospectiveSchema, serviceSchema, siteSchema, testReportSchema, type ReleaseInput, type RetrospectiveInput, type TestReportInput } from '../../../src/schema/index.ts';

export const TZ = 'Asia/Shanghai';

const NO_SOURCE: SourceMap = { at: () => ({ line: 1, column: 1 }), keyAt: () => ({ line: 1, column: 1 }), sourceText: () => undefined };

/** A release that reached production, with everything the schema requires; `fields` override. */
export function release(service: string, version: string, fields: Partial<ReleaseInput> = {}): ReleaseInput {
  return {
    service,
    version,
    process: 'standard',
    status: 'released',
    window: { start: '2026-03-10T22:00:00+08:00', end: '2026-03-10T23:30:00+08:00' },
    actual: { start: '2026-03-10T22:00:00+08:00', end: '2026-03-10T23:00:00+08:00' },
    baseline: { tag: `v${version}` },
    plan: { rollback: { steps: ['redeploy the previous version'] } },
    ...fields,
  };
}

/** A go-live on `day` (YYYY-MM-DD) from 22:00 to 23:00, inside a 22:00–23:30 window. */
export function goLive(day: string, extra: Partial<ReleaseInput> = {}): Partial<ReleaseInput> {
  return {
    window: { start: `${day}T22:00:00+08:00`, end: `${day}T23:30:00+08:00` },
    actual: { start: `${day}T22:00:00+08:00`, end: `${day}T23:00:00+08:00` },
    ...extra,
  };
}

export function report(ref: string, start: string | undefined, fields: Partial<TestReportInput> = {}): TestReportInput {
  return { release: ref, title: `${ref} system test`, stage: 'system', verdict: 'pass', ...(start === undefined ? {} : { start }), ...fields };
}

export function retro(title: string, releases: string[], fields: Partial<RetrospectiveInput> = {}): RetrospectiveInput {
  return { title, releases, date: '2026-03-14', ...fields };
}

export interface Build {
  /** Service id -> name; every release's service must be listed. */
  services: Record<string, string>;
  releases?: ReleaseInput[];
  reports?: TestReportInput[];
  retros?: RetrospectiveInput[];
}

export function buildContent(input: Build): Content {
  const site: SiteRecord = { kind: 'site', file: 'site.yaml', format: 'yaml', data: siteSchema.parse({ title: 'T', timezone: TZ, roles: { dev: 'Dev' } }), body: '', bodyLine: 1, source: NO_SOURCE };
  const services = new Map<string, ServiceRecord>(
    Object.entries(input.services).map(([id, name]) => [id, { kind: 'service', id, file: `services/${id}.yaml`, format: 'yaml', data: serviceSchema.parse({ name }), body: '', bodyLine: 1, source: NO_SOURCE }]),
  );
  const releases: ReleaseRecord[] = (input.releases ?? []).map((r) => {
    const data = releaseSchema.parse(r);
    return { kind: 'release', ref: `${data.service}@${data.version}`, file: `releases/${data.service}/${data.version}.md`, format: 'md', data, body: '', bodyLine: 1, source: NO_SOURCE };
  });
  const testReports: TestReportRecord[] = (input.reports ?? []).map((r, i) => ({
    kind: 'test-report', file: `test-reports/r${i + 1}.md`, format: 'md', data: testReportSchema.parse(r), body: '', bodyLine: 1, source: NO_SOURCE,
  }));
  const retrospectives: RetrospectiveRecord[] = (input.retros ?? []).map((r, i) => ({
    kind: 'retrospective', file: `retrospectives/r${i + 1}.md`, format: 'md', data: retrospectiveSchema.parse(r), body: '', bodyLine: 1, source: NO_SOURCE,
  }));
  return {
    root: '/nowhere',
    site,
    services,
    processes: new Map(),
    releases,
    releaseByRef: new Map(releases.map((r) => [r.ref, r])),
    testReports,
    retrospectives,
    declared: { services: new Set(services.keys()), processes: new Set(['standard']), releases: new Set(releases.map((r) => r.ref)) },
  };
}
