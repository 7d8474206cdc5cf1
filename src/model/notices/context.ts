/** What every message is written from: the release, its service, the site's settings and labels in the site's locale. */
import { formatRange, formatWhen, translator, type Locale, type MessageKey, type Translate } from '../../i18n/index.ts';
import type { Content, ReleaseRecord, ServiceRecord } from '../content.ts';
import type { Site } from '../../schema/index.ts';
import { absoluteUrl } from './paths.ts';
import { releasePath } from '../queries/releases.ts';
import { text, type Span } from './document.ts';

export interface NoticeContext {
  content: Content;
  release: ReleaseRecord;
  service: ServiceRecord | undefined;
  site: Site;
  locale: Locale;
  timezone: string;
  t: Translate;
  /** The service's name: the product the messages announce. */
  product: string;
  /** `{ product, version }` for the labels that name the release. */
  names: { product: string; version: string };
  /** `：` / `: ` */
  colon: string;
  /** A record date-time in the site's zone (`2026/03/12 22:05 (UTC+08:00)`). */
  when(at: string): string;
  /** A window `start – end` in the site's zone. */
  range(start: string, end: string | undefined): string;
  /** Absolute URL of a portal path; undefined without site.baseUrl. */
  url(pathname: string): string | undefined;
  /** A role's label from site.roles. */
  role(key: string): string;
}

export function noticeContext(content: Content, release: ReleaseRecord): NoticeContext {
  const site = content.site?.data;
  if (!site) throw new Error('the content folder has no valid site.yaml: notices are written in its locale');
  const { locale, timezone } = site;
  const t = translator(locale);
  const product = content.services.get(release.data.service)?.data.name ?? release.data.service;
  return {
    content,
    release,
    service: content.services.get(release.data.service),
    site,
    locale,
    timezone,
    t,
    product,
    names: { product, version: release.data.version },
    colon: t('notice.sep.colon'),
    when: (at) => formatWhen(at, timezone, locale),
    range: (start, end) => formatRange(start, end, timezone, locale),
    url: (pathname) => absoluteUrl(site.baseUrl, pathname),
    role: (key) => site.roles[key] ?? key,
  };
}

/** The release page's absolute URL, when the site has a baseUrl. */
export function releaseUrl(ctx: NoticeContext): string | undefined {
  return ctx.url(releasePath(ctx.release.data.service, ctx.release.data.version));
}

/**
 * A label whose placeholder `{name}` is a span rather than text (a link or a file inside a
 * sentence): `发布详情：{url}` -> [text('发布详情：'), link(url)].
 */
export function withSpan(ctx: NoticeContext, key: MessageKey, name: string, span: Span, vars: Record<string, string | number> = {}): Span[] {
  const marker = '\u0000';
  const [before = '', after = ''] = ctx.t(key, { ...vars, [name]: marker }).split(marker);
  return [...(before ? [text(before)] : []), span, ...(after ? [text(after)] : [])];
}
