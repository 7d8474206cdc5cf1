/**
 * Loads a whole content folder: reads every record, validates it against its schema,
 * then applies every rule across records. Returns the records that validated and every
 * problem found — never throws on content, never stops at the first problem.
 */
import { stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  processSchema,
  releaseSchema,
  retrospectiveSchema,
  serviceSchema,
  siteSchema,
  testReportSchema,
  ID_PATTERN,
} from '../schema/index.ts';
import { releaseRef, type Content } from './content.ts';
import type { Problem } from './problem.ts';
import { sortProblems } from './problem.ts';
import { runRules } from './rules/index.ts';
import { validate } from './schema-issues.ts';
import { isIgnoredName, listFiles, RECORD_FOLDERS, type RecordFolder } from './source/files.ts';
import { readRecord, type RawRecord } from './source/read-record.ts';
import { didYouMean } from './suggest.ts';

export interface LoadResult {
  content: Content;
  problems: Problem[];
  /** Record files read (site, services, processes, releases, test reports, retrospectives). */
  recordCount: number;
}

/** Which files each folder holds, and the hint for one that does not fit. */
const FOLDER_FILES: Record<Exclude<RecordFolder, 'attachments'>, { ext: RegExp; flat: boolean; expect: string }> = {
  services: { ext: /\.yaml$/, flat: true, expect: 'services/<id>.yaml' },
  processes: { ext: /\.mdx?$/, flat: true, expect: 'processes/<id>.md or .mdx' },
  releases: { ext: /\.mdx?$/, flat: false, expect: '.md or .mdx files' },
  'test-reports': { ext: /\.mdx?$/, flat: false, expect: '.md or .mdx files' },
  retrospectives: { ext: /\.mdx?$/, flat: false, expect: '.md or .mdx files' },
};

export async function loadContent(root: string): Promise<LoadResult> {
  const content: Content = {
    root,
    site: undefined,
    services: new Map(),
    processes: new Map(),
    releases: [],
    releaseByRef: new Map(),
    testReports: [],
    retrospectives: [],
    declared: { services: new Set(), processes: new Set(), releases: new Set() },
  };
  const problems: Problem[] = [];
  const whole = (file: string, message: string, hint?: string): Problem => ({
    file, line: 1, column: 1, field: '', message, ...(hint ? { hint } : {}),
  });

  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) {
    return { content, problems: [whole('.', `content folder ${root} does not exist or is not a folder`, 'set SHIPLOG_CONTENT to your content folder')], recordCount: 0 };
  }

  // Top level: site.yaml and the record folders; anything else is likely a typo that would drop records.
  const known = new Set<string>(['site.yaml', ...RECORD_FOLDERS]);
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (isIgnoredName(entry.name) || known.has(entry.name)) continue;
    if (entry.isFile() && /^readme(\.\w+)?$/i.test(entry.name)) continue;
    problems.push(whole(entry.name, 'is not part of a content folder', didYouMean(entry.name, known) ?? `expected ${[...known].join(', ')}; prefix with _ to keep it anyway`));
  }

  let recordCount = 0;
  const load = async <T>(
    file: string,
    schema: z.ZodType<T>,
    declare?: (data: unknown) => void,
  ): Promise<{ raw: RawRecord; data: T } | undefined> => {
    recordCount += 1;
    const read = await readRecord(path.join(root, file), file);
    problems.push(...read.problems);
    if (!read.record) return undefined;
    declare?.(read.record.data);
    const checked = validate(schema, read.record.data, file, read.record.source);
    problems.push(...checked.problems);
    return checked.data === undefined ? undefined : { raw: read.record, data: checked.data };
  };
  const recordOf = <T>(raw: RawRecord, file: string, data: T) => ({
    file, format: raw.format, data, body: raw.body, bodyLine: raw.bodyLine, source: raw.source,
  });

  const siteInfo = await stat(path.join(root, 'site.yaml')).catch(() => undefined);
  if (!siteInfo?.isFile()) {
    problems.push(whole('site.yaml', 'is missing: every content folder has one site.yaml (title, roles, …)'));
  } else {
    const site = await load('site.yaml', siteSchema);
    if (site) content.site = { kind: 'site', ...recordOf(site.raw, 'site.yaml', site.data) };
  }

  for (const [folder, rule] of Object.entries(FOLDER_FILES) as [keyof typeof FOLDER_FILES, (typeof FOLDER_FILES)[keyof typeof FOLDER_FILES]][]) {
    const folderInfo = await stat(path.join(root, folder)).catch(() => undefined);
    if (!folderInfo?.isDirectory()) continue;
    const { files, outside } = await listFiles(root, folder);
    for (const file of outside) problems.push(whole(file, 'is a link to a place outside the content folder, which is never read'));
    for (const file of files) {
      const inSubfolder = file.split('/').length > 2;
      if (!rule.ext.test(file) || (rule.flat && inSubfolder)) {
        problems.push(whole(file, `is not a record: ${folder}/ holds ${rule.expect}`, 'rename it, or prefix the name with _ to keep it out of the portal'));
        continue;
      }
      const stem = path.posix.basename(file).replace(/\.(ya?ml|mdx?)$/, '');
      if (folder === 'services' || folder === 'processes') {
        if (!ID_PATTERN.test(stem)) {
          recordCount += 1;
          problems.push(whole(file, `file name "${stem}" is not a valid id`, 'use lowercase letters, digits and -, e.g. payment-gateway'));
          continue;
        }
      }
      if (folder === 'services') content.declared.services.add(stem);
      if (folder === 'processes') content.declared.processes.add(stem);
      switch (folder) {
        case 'services': {
          const r = await load(file, serviceSchema);
          if (r) content.services.set(stem, { kind: 'service', id: stem, ...recordOf(r.raw, file, r.data) });
          break;
        }
        case 'processes': {
          const r = await load(file, processSchema);
          if (r) content.processes.set(stem, { kind: 'process', id: stem, ...recordOf(r.raw, file, r.data) });
          break;
        }
        case 'releases': {
          const r = await load(file, releaseSchema, (data) => {
            const { service, version } = data as { service?: unknown; version?: unknown };
            if (typeof service === 'string' && (typeof version === 'string' || typeof version === 'number')) {
              content.declared.releases.add(releaseRef(service, String(version)));
            }
          });
          if (r) content.releases.push({ kind: 'release', ref: releaseRef(r.data.service, r.data.version), ...recordOf(r.raw, file, r.data) });
          break;
        }
        case 'test-reports': {
          const r = await load(file, testReportSchema);
          if (r) content.testReports.push({ kind: 'test-report', ...recordOf(r.raw, file, r.data) });
          break;
        }
        case 'retrospectives': {
          const r = await load(file, retrospectiveSchema);
          if (r) content.retrospectives.push({ kind: 'retrospective', ...recordOf(r.raw, file, r.data) });
          break;
        }
      }
    }
  }

  // The first record of a service@version wins; the uniqueness rule reports the others.
  for (const release of content.releases) {
    if (!content.releaseByRef.has(release.ref)) content.releaseByRef.set(release.ref, release);
  }
  problems.push(...(await runRules(content)));
  return { content, problems: sortProblems(problems), recordCount };
}
