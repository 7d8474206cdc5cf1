/** The loaded content folder: typed records, each with where it came from. */
import type { Process, Release, Retrospective, Service, Site, TestReport } from '../schema/index.ts';
import type { SourceMap } from './source/yaml.ts';

export type RecordKind = 'site' | 'service' | 'process' | 'release' | 'test-report' | 'retrospective';

export interface SourceRecord<K extends RecordKind, T> {
  kind: K;
  /** Path relative to the content folder, forward slashes. */
  file: string;
  format: 'yaml' | 'md' | 'mdx';
  data: T;
  /** Markdown/MDX body ('' for YAML records). */
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
  /** Positions of fields, for problems found after validation. */
  source: SourceMap;
}

export type SiteRecord = SourceRecord<'site', Site>;
export type ServiceRecord = SourceRecord<'service', Service> & { id: string };
export type ProcessRecord = SourceRecord<'process', Process> & { id: string };
export type ReleaseRecord = SourceRecord<'release', Release> & { ref: string };
export type TestReportRecord = SourceRecord<'test-report', TestReport>;
export type RetrospectiveRecord = SourceRecord<'retrospective', Retrospective>;
export type AnyRecord = SiteRecord | ServiceRecord | ProcessRecord | ReleaseRecord | TestReportRecord | RetrospectiveRecord;

export interface Content {
  /** Absolute path of the content folder. */
  root: string;
  site: SiteRecord | undefined;
  services: Map<string, ServiceRecord>;
  processes: Map<string, ProcessRecord>;
  /** Every release that validated, in file order; `releaseByRef` indexes them by `service@version`. */
  releases: ReleaseRecord[];
  releaseByRef: Map<string, ReleaseRecord>;
  testReports: TestReportRecord[];
  retrospectives: RetrospectiveRecord[];
  /**
   * Ids and refs that a file declares even when the file itself has problems, so that a
   * broken release is reported once and not again by every record that names it.
   */
  declared: { services: Set<string>; processes: Set<string>; releases: Set<string> };
}

export const releaseRef = (service: string, version: string): string => `${service}@${version}`;

/** Settings every rule needs even when site.yaml itself is broken. */
export function timezoneOf(content: Content): string {
  return content.site?.data.timezone ?? 'UTC';
}
