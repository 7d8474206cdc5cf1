/**
 * Writes the static files of every release's notices (notes.md|txt|html, notice.*, baseline.*;
 * src/model/notices/paths.ts) into a built site. A build writes them here rather than through
 * Astro's endpoint routes: they need no component, and Astro's per-route cost (about 1.2 ms per
 * file) made the 9 files per release a quarter of the page generation time. Each message is
 * built once and rendered in its three forms. The dev server answers the same files from the
 * same builder and renderers (src/integrations/notice-files.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Content } from '../content.ts';
import { isInside } from '../source/files.ts';
import { NOTICE_KINDS } from './document.ts';
import { buildNotice, renderNotice } from './index.ts';
import { NOTICE_FORMATS, noticeFilePath, noticePagePath } from './paths.ts';

/** Writes them under `outDir`; returns how many files it wrote. */
export function writeNoticeFiles(content: Content, outDir: string): number {
  let written = 0;
  for (const release of content.releaseByRef.values()) {
    const { service, version } = release.data;
    for (const kind of NOTICE_KINDS) {
      const doc = buildNotice(content, release, kind);
      mkdirSync(distPath(outDir, noticePagePath(service, version, kind)), { recursive: true });
      for (const format of NOTICE_FORMATS) {
        writeFileSync(distPath(outDir, noticeFilePath(service, version, kind, format)), renderNotice(doc, format));
        written += 1;
      }
    }
  }
  return written;
}

/**
 * The file of a URL path in the site (`/releases/a%20b/1.0/` -> `<outDir>/releases/a b/1.0/`),
 * as Astro writes a route's params: decoded. Service ids and versions are validated slugs and
 * semver, so no segment can climb out of outDir; the check stays as the last line of defence.
 */
function distPath(outDir: string, urlPath: string): string {
  const root = path.resolve(outDir);
  const file = path.join(root, ...urlPath.split('/').map(decodeURIComponent));
  if (!isInside(root, file)) throw new Error(`notice file outside the site: ${urlPath}`);
  return file;
}
