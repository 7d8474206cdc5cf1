/**
 * The pages a build must produce, from the loaded content: one per release at
 * `/releases/<service>/<version>/`, and — once the portal has a route for them — one per test
 * report and retrospective at `/<folder>/<entry id>/`, per service at `/services/<id>/`, per
 * process at `/processes/<id>/`, and per release its notice pages with the static files the build writes beside them
 * (`/releases/<service>/<version>/notice/` and `notice.md|txt|html`, src/model/notices/paths.ts). Whether a route exists comes from the route patterns
 * Astro resolved (`/test-reports/[...id]`), so a family is expected exactly when its route file does.
 */
import type { Content } from '../content.ts';
import { recordPath } from '../queries/paths.ts';
import { releasePath } from '../queries/releases.ts';
import { NOTICE_KINDS } from '../notices/document.ts';
import { NOTICE_FORMATS, NOTICE_SLUGS, noticeFilePath, noticePagePath } from '../notices/paths.ts';

export interface ExpectedPage {
  /** URL path of the page, percent-encoded as links write it (`/releases/shop/1.0.0/`). */
  path: string;
  /** The record that should have produced it: its file, and how to name it in a message. */
  file: string;
  label: string;
}

type RecordFamily = 'test-reports' | 'retrospectives' | 'services' | 'processes';
/**
 * A notice page of every release (`notice-page:notice`); its static files (`notice.md|txt|html`)
 * come with it, written by the build after the pages (src/model/notices/files.ts).
 */
type NoticeFamily = `notice-page:${string}`;
export type RouteFamily = RecordFamily | NoticeFamily;
const FAMILIES: readonly RecordFamily[] = ['test-reports', 'retrospectives', 'services', 'processes'];
const RELEASE_ROUTE = '/releases/[service]/[version]/';

/** The record families that have a dynamic route among `patterns` (Astro route patterns such as `/services/[id]`). */
export function routeFamilies(patterns: readonly string[]): Set<RouteFamily> {
  const found = new Set<RouteFamily>();
  for (const pattern of patterns) {
    if (pattern.startsWith(RELEASE_ROUTE)) {
      const [slug, ...more] = pattern.slice(RELEASE_ROUTE.length).split('/');
      if (slug && Object.values(NOTICE_SLUGS).includes(slug) && more.length === 0) found.add(`notice-page:${slug}`);
      continue;
    }
    const [, first, ...rest] = pattern.split('/');
    const family = FAMILIES.find((f) => f === first);
    if (family && rest.some((segment) => segment.includes('['))) found.add(family);
  }
  return found;
}

export function expectedPages(content: Content, families: ReadonlySet<RouteFamily>): ExpectedPage[] {
  const pages: ExpectedPage[] = [];
  for (const release of content.releaseByRef.values()) {
    const { service, version } = release.data;
    pages.push({ path: releasePath(service, version), file: release.file, label: `release ${release.ref}` });
    for (const kind of NOTICE_KINDS) {
      const slug = NOTICE_SLUGS[kind];
      if (!families.has(`notice-page:${slug}`)) continue;
      pages.push({ path: noticePagePath(service, version, kind), file: release.file, label: `release ${release.ref} (${slug} page)` });
      for (const format of NOTICE_FORMATS) pages.push({ path: noticeFilePath(service, version, kind, format), file: release.file, label: `release ${release.ref} (${slug}.${format})` });
    }
  }
  if (families.has('test-reports')) {
    for (const report of content.testReports) pages.push({ path: recordPath(report), file: report.file, label: `test report "${report.data.title}"` });
  }
  if (families.has('retrospectives')) {
    for (const retro of content.retrospectives) pages.push({ path: recordPath(retro), file: retro.file, label: `retrospective "${retro.data.title}"` });
  }
  if (families.has('services')) {
    for (const service of content.services.values()) pages.push({ path: `/services/${encodeURIComponent(service.id)}/`, file: service.file, label: `service ${service.id}` });
  }
  if (families.has('processes')) {
    for (const process of content.processes.values()) pages.push({ path: `/processes/${encodeURIComponent(process.id)}/`, file: process.file, label: `process ${process.id}` });
  }
  return pages;
}
