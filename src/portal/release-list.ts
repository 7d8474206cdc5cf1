/**
 * The release list (/releases/): every release, newest window first, 100 to a page
 * (/releases/, /releases/2/, …) so no page grows with the number of releases; and the compact
 * index of all of them (/releases/index.json) that the list's filters read when the list has
 * more than one page. The index carries what a row shows, already formatted in the site's
 * language and time zone, so the browser only builds the rows.
 */
import type { ReleaseRecord } from '../model/content.ts';
import { timezoneOf } from '../model/content.ts';
import { perContent } from '../model/memo.ts';
import { pagePath } from '../model/queries/paths.ts';
import { facetValues } from '../model/queries/release-facets.ts';
import { byWindowNewestFirst, releasePath, releaseTitle } from '../model/queries/releases.ts';
import { RELEASE_STATUSES, RELEASE_TYPES } from '../schema/index.ts';
import { formatRange, formatWhen, isoDateTime } from '../i18n/index.ts';
import type { PageContext } from './page-context.ts';
import { STATUS_TONE } from './tones.ts';

export const RELEASES_PER_PAGE = 100;
export const RELEASE_INDEX_PATH = '/releases/index.json';

/** `/releases/` for the first page, `/releases/<n>/` for the others. */
export function releaseListPath(page: number): string {
  return pagePath('/releases/', page);
}

/** Every release, newest window first (the list's order), computed once per Content. */
export const releasesNewestFirst = perContent((content) => byWindowNewestFirst([...content.releaseByRef.values()], timezoneOf(content)));

/** One row: href, title, service id, service name, version, type, status, year, window start (ISO), window text. */
export type ReleaseIndexRow = [string, string, string, string, string, string, string, string, string | null, string | null];

export interface ReleaseIndex {
  total: number;
  labels: {
    type: Record<string, string>;
    status: Record<string, string>;
    tone: Record<string, string>;
    unscheduled: string;
  };
  rows: ReleaseIndexRow[];
}

export function releaseIndex(ctx: PageContext): ReleaseIndex {
  const { content, timezone, locale, t } = ctx;
  const row = (r: ReleaseRecord): ReleaseIndexRow => {
    const facets = facetValues(r, timezone);
    const w = r.data.window;
    const when = w ? (w.end === undefined ? formatWhen(w.start, timezone, locale) : formatRange(w.start, w.end, timezone, locale)) : null;
    return [
      releasePath(r.data.service, r.data.version),
      releaseTitle(r, content),
      r.data.service,
      content.services.get(r.data.service)?.data.name ?? r.data.service,
      r.data.version,
      r.data.type,
      r.data.status,
      facets.year,
      w ? isoDateTime(w.start, timezone) : null,
      when,
    ];
  };
  const releases = releasesNewestFirst(content);
  return {
    total: releases.length,
    labels: {
      type: Object.fromEntries(RELEASE_TYPES.map((type) => [type, t(`type.${type}`)])),
      status: Object.fromEntries(RELEASE_STATUSES.map((status) => [status, t(`status.${status}`)])),
      tone: { ...STATUS_TONE },
      unscheduled: t('releases.unscheduled'),
    },
    rows: releases.map(row),
  };
}
