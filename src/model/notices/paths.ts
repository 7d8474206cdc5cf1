/**
 * Where the portal publishes the notices of a release: a page per message under the release
 * page, with the message as static files next to it —
 *   /releases/<service>/<version>/notes/      notes.md  notes.txt  notes.html     发布说明
 *   /releases/<service>/<version>/notice/     notice.md notice.txt notice.html    正式发布通知
 *   /releases/<service>/<version>/baseline/   baseline.md baseline.txt baseline.html  发布基线通知
 * (`.html` is the e-mail body: inline styles, no external assets). One table here, read by the
 * routes, the release page's links, the build verifier and `npm run notify`.
 */
import { releasePath } from '../queries/releases.ts';
import type { NoticeKind } from './document.ts';

/** The folder of each message's page, which is also the base name of its files. */
export const NOTICE_SLUGS: Readonly<Record<NoticeKind, string>> = { notes: 'notes', formal: 'notice', baseline: 'baseline' };

export const NOTICE_FORMATS = ['md', 'txt', 'html'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

/** Content types to serve the files with (the portal is static: for a server's configuration and the tests). */
export const NOTICE_CONTENT_TYPES: Readonly<Record<NoticeFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** `/releases/<service>/<version>/notice/` */
export function noticePagePath(service: string, version: string, kind: NoticeKind): string {
  return `${releasePath(service, version)}${NOTICE_SLUGS[kind]}/`;
}

/** `notice.md` */
export function noticeFileName(kind: NoticeKind, format: NoticeFormat): string {
  return `${NOTICE_SLUGS[kind]}.${format}`;
}

/** `/releases/<service>/<version>/notice/notice.md` */
export function noticeFilePath(service: string, version: string, kind: NoticeKind, format: NoticeFormat): string {
  return `${noticePagePath(service, version, kind)}${noticeFileName(kind, format)}`;
}

/** The kind whose page lives in folder `slug` (`notice` -> `formal`). */
export function kindOfSlug(slug: string): NoticeKind | undefined {
  return (Object.keys(NOTICE_SLUGS) as NoticeKind[]).find((kind) => NOTICE_SLUGS[kind] === slug);
}

/**
 * The notice file a URL path names (`/releases/shop/1.0.0/notice/notice.md`), decoded, or
 * undefined for any other path: the dev server serves these files by it.
 */
export function noticeFileOf(pathname: string): { service: string; version: string; kind: NoticeKind; format: NoticeFormat } | undefined {
  const match = /^\/releases\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.([a-z]+)$/.exec(pathname);
  if (!match) return undefined;
  const [, service, version, slug, base, format] = match as unknown as [string, string, string, string, string, string];
  const kind = kindOfSlug(slug);
  if (!kind || base !== slug || !(NOTICE_FORMATS as readonly string[]).includes(format)) return undefined;
  try {
    return { service: decodeURIComponent(service), version: decodeURIComponent(version), kind, format: format as NoticeFormat };
  } catch {
    return undefined; // a malformed %-escape names no release
  }
}

/** An absolute URL of a portal path, when the site has a baseUrl (messages leave the portal, so relative links would not work). */
export function absoluteUrl(baseUrl: string | undefined, pathname: string): string | undefined {
  if (!baseUrl) return undefined;
  return `${baseUrl.replace(/\/+$/, '')}${pathname}`;
}
