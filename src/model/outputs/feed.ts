/**
 * Atom 1.0 feeds of releases, written with the `feed` library: `/feed.xml` for every release,
 * `/services/<id>/feed.xml` for one service's. One entry per release that has a window (or an
 * actual go-live): planned releases without a date join the feed once they are scheduled.
 *
 * - Entry id: `urn:uuid:` + UUID v5 of `release:<service>@<version>` (locations.ts), the same
 *   whether site.baseUrl is set or not, and whatever else about the release changes.
 * - Entry title: `<service>@<version> · <title> · <status>` in the site's language, so a change
 *   of status reads as one; `published` is the window's start, `updated` the latest go-live
 *   fact of the record (release-times.ts). The feed's `updated` is the latest entry's: no
 *   build time, so the same content gives the same bytes.
 * - Links: absolute under site.baseUrl. Without it they are root-relative (`/releases/…/`),
 *   which Atom allows (RFC 4287 §2: IRI references resolve against the feed's own URL); ids
 *   stay absolute (urn:uuid) as Atom requires.
 * - Text: the feed library declares titles and summaries `type="html"`: every piece of record
 *   text is HTML-escaped first (text.ts); summaries carry the record's one-line `summary`,
 *   status, window and release notes, never the Markdown body.
 * - The newest FEED_LIMIT entries (by window), newest first; ties by service@version.
 */
import { randomUUID } from 'node:crypto';
import { Feed } from 'feed';
import { formatRange, formatWhen } from '../../i18n/index.ts';
import type { ReleaseRecord } from '../content.ts';
import { releasePath, releaseTitle } from '../queries/releases.ts';
import { servicePath } from '../queries/services.ts';
import type { OutputContext } from './context.ts';
import { absoluteUrl, FEED_PATH, feedUuid, releaseUuid, serviceFeedPath } from './locations.ts';
import { publishedAt, updatedAt } from './release-times.ts';
import { escapeHtml, xmlText } from './text.ts';

/** Most entries in one feed: a feed is for what is new, the API has everything. */
export const FEED_LIMIT = 100;

export interface FeedScope {
  /** One service's releases; every release when absent. */
  service?: string;
}

interface Dated {
  release: ReleaseRecord;
  published: number;
  updated: number;
}

/** The releases a feed lists, newest window first (ties by service, then version text). */
export function feedReleases(ctx: OutputContext, scope: FeedScope = {}): Dated[] {
  const dated: Dated[] = [];
  for (const release of ctx.content.releaseByRef.values()) {
    if (scope.service !== undefined && release.data.service !== scope.service) continue;
    const published = publishedAt(release, ctx.timezone);
    const updated = updatedAt(release, ctx.timezone);
    if (published === undefined || updated === undefined) continue;
    dated.push({ release, published, updated });
  }
  dated.sort((a, b) => b.published - a.published || (a.release.ref < b.release.ref ? -1 : a.release.ref > b.release.ref ? 1 : 0));
  return dated.slice(0, FEED_LIMIT);
}

/** The Atom document of a feed. */
export function releaseFeed(ctx: OutputContext, scope: FeedScope = {}): string {
  const { site, t } = ctx;
  const baseUrl = site.baseUrl;
  // The feed library accepts absolute URLs only; without a baseUrl, links are written under a
  // one-off placeholder origin that is then cut back to the root-relative path. The origin is
  // random, so no record text can contain it, and it never reaches the output.
  const placeholder = `https://${randomUUID()}.invalid`;
  const link = (path: string) => absoluteUrl(baseUrl, path) ?? `${placeholder}${path}`;

  const service = scope.service === undefined ? undefined : ctx.content.services.get(scope.service);
  const serviceName = service?.data.name ?? scope.service;
  const entries = feedReleases(ctx, scope);
  const updated = entries.length > 0 ? Math.max(...entries.map((e) => e.updated)) : ctx.now.toMillis();

  const feed = new Feed({
    id: `urn:uuid:${feedUuid(scope.service)}`,
    title: xmlText(serviceName === undefined ? t('data.feed.title', { site: site.title }) : t('data.feed.serviceTitle', { service: serviceName })),
    description: xmlText(t('data.feed.subtitle', { site: site.title })),
    link: link(scope.service === undefined ? '/' : servicePath(scope.service)),
    feedLinks: { atom: link(scope.service === undefined ? FEED_PATH : serviceFeedPath(scope.service)) },
    updated: new Date(updated),
    generator: 'Shiplog',
    language: site.locale,
    author: { name: xmlText(site.organization ?? site.title) },
    ...(site.notice?.copyright ? { copyright: xmlText(site.notice.copyright) } : {}),
  });

  for (const { release, published, updated: entryUpdated } of entries) {
    const { data } = release;
    feed.addItem({
      id: `urn:uuid:${releaseUuid(release.ref)}`,
      title: escapeHtml(t('data.feed.entryTitle', { ref: release.ref, title: releaseTitle(release, ctx.content), status: t(`status.${data.status}`) })),
      link: link(releasePath(data.service, data.version)),
      date: new Date(entryUpdated),
      published: new Date(published),
      description: entrySummary(ctx, release),
      // Terms are ids and enum values (lowercase letters, digits, -): safe as XML attributes.
      category: [{ term: data.service }, { term: data.status }, { term: data.type }],
    });
  }

  const xml = feed.atom1();
  return `${baseUrl ? xml : xml.replaceAll(placeholder, '')}\n`;
}

/** The entry's summary: HTML made here from escaped record text (never the record's Markdown body). */
function entrySummary(ctx: OutputContext, release: ReleaseRecord): string {
  const { t, timezone, locale } = ctx;
  const { data } = release;
  const parts: string[] = [];
  if (data.summary) parts.push(`<p>${escapeHtml(data.summary)}</p>`);
  const facts = [t('data.feed.status', { status: t(`status.${data.status}`), type: t(`type.${data.type}`) })];
  if (data.window) facts.push(t('data.feed.window', { when: formatRange(data.window.start, data.window.end, timezone, locale) }));
  if (data.actual) facts.push(t('data.feed.actual', { when: formatWhen(data.actual.start, timezone, locale) }));
  parts.push(`<p>${facts.map(escapeHtml).join('<br>')}</p>`);
  if (data.changes.length > 0) {
    const items = data.changes.map((c) => `<li>${escapeHtml(`[${c.kind}] ${c.title}${c.ticket ? ` (${c.ticket})` : ''}`)}</li>`);
    parts.push(`<p>${escapeHtml(t('data.feed.changes'))}</p><ul>${items.join('')}</ul>`);
  }
  return parts.join('');
}
