/**
 * Where the data outputs live in the built site, how their URLs are made absolute, and the
 * stable identifiers of releases in feeds and calendars. One table, so that the endpoints,
 * the links on the pages, the API index, the README and the tests agree.
 *
 * Paths are root-relative and percent-encoded as links write them. A URL is absolute only
 * when `site.baseUrl` is set (spec: "used for feeds and canonical links"): the portal does not
 * know its own address otherwise.
 */
import { v5 as uuidV5 } from 'uuid';
import type { RecordKindName } from '../../schema/index.ts';

/** Version of the JSON API and of the published schemas; a breaking change gets `/api/v2/`. */
export const API_VERSION = 1;

/** The JSON files of the API, by name. */
export const API_NAMES = ['releases', 'test-reports', 'retrospectives', 'services'] as const;
export type ApiName = (typeof API_NAMES)[number];

export const FEED_PATH = '/feed.xml';
export const CALENDAR_PATH = '/calendar.ics';
export const API_INDEX_PATH = `/api/v${API_VERSION}/index.json`;

export const apiPath = (name: ApiName): string => `/api/v${API_VERSION}/${name}.json`;
/** JSON Schema of an API file (`index` for the index). */
export const apiSchemaPath = (name: ApiName | 'index'): string => `/schema/v${API_VERSION}/api/${name}.json`;
/** JSON Schema of a record kind, as an author writes it (the same as `schemas/<kind>.schema.json`). */
export const recordSchemaPath = (kind: RecordKindName): string => `/schema/v${API_VERSION}/${kind}.json`;
export const serviceFeedPath = (id: string): string => `/services/${encodeURIComponent(id)}/feed.xml`;
export const serviceCalendarPath = (id: string): string => `/services/${encodeURIComponent(id)}/calendar.ics`;

/** Media types, for `<link rel="alternate" type>` and the endpoints' responses. */
export const MEDIA_TYPES = { atom: 'application/atom+xml', calendar: 'text/calendar', json: 'application/json' } as const;

/**
 * The absolute URL of a site path under `site.baseUrl` (its own path kept as a prefix:
 * `https://example.com/portal` + `/feed.xml` -> `https://example.com/portal/feed.xml`);
 * undefined without a baseUrl.
 */
export function absoluteUrl(baseUrl: string | undefined, path: string): string | undefined {
  if (!baseUrl) return undefined;
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${path}`;
}

/**
 * Namespace of Shiplog's name-based UUIDs (RFC 9562 UUID version 5). Fixed forever: changing
 * it would change every feed entry id and calendar UID, and subscribers would see every
 * release twice.
 */
export const SHIPLOG_UUID_NAMESPACE = 'f48ee7a2-e7a8-4aad-b049-4e67effa8cab';

/**
 * The stable identifier of a release in feeds (Atom `<id>urn:uuid:…</id>`) and calendars
 * (`UID:…`): UUID v5 of `release:<service>@<version>`. It depends on nothing else — not on
 * baseUrl, title, status or window — so a release keeps it when anything about it changes.
 */
export function releaseUuid(ref: string): string {
  return uuidV5(`release:${ref}`, SHIPLOG_UUID_NAMESPACE);
}

/** The stable identifier of a feed: UUID v5 of `feed:all` or `feed:service:<id>`. */
export function feedUuid(service?: string): string {
  return uuidV5(service === undefined ? 'feed:all' : `feed:service:${service}`, SHIPLOG_UUID_NAMESPACE);
}
