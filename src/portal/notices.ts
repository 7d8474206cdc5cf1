/**
 * The notice pages and files of each release (src/model/notices/paths.ts): static paths for
 * the routes, and the response of a notice file. The messages themselves come from src/model/notices.
 */
import { buildNotice, NOTICE_CONTENT_TYPES, NOTICE_FORMATS, noticeFileName, renderNotice, type NoticeFormat, type NoticeKind } from '../model/notices/index.ts';
import { portalContent } from './content.ts';

export interface NoticeFileProps {
  ref: string;
  kind: NoticeKind;
  format: NoticeFormat;
}

/** `/releases/<service>/<version>/<slug>/<slug>.<md|txt|html>` for every release. */
export async function noticeFileStaticPaths(kind: NoticeKind) {
  const content = await portalContent();
  return [...content.releaseByRef.values()].flatMap((release) =>
    NOTICE_FORMATS.map((format) => ({
      params: { service: release.data.service, version: release.data.version, file: noticeFileName(kind, format) },
      props: { ref: release.ref, kind, format } satisfies NoticeFileProps,
    })),
  );
}

export async function noticeFileResponse({ ref, kind, format }: NoticeFileProps): Promise<Response> {
  const content = await portalContent();
  const release = content.releaseByRef.get(ref)!;
  return new Response(renderNotice(buildNotice(content, release, kind), format), { headers: { 'content-type': NOTICE_CONTENT_TYPES[format] } });
}
