/**
 * What Pagefind indexes about each record page besides its text: the filters of the search
 * page (record kind, service, status, type, year). Values are the labels a person reads in
 * the filter menus, in the site's language.
 */
import type { PageContext } from './page-context.ts';
import type { ProcessRecord, ReleaseRecord, RetrospectiveRecord, ServiceRecord, TestReportRecord } from '../model/content.ts';
import { toZonedDateTime } from '../model/time.ts';
import { releaseYear } from '../model/queries/releases.ts';
import { reportDate } from '../model/queries/test-reports.ts';
import { parseReleaseRef } from '../schema/index.ts';

/** The filter keys, in the order the search page shows them. */
export const SEARCH_FILTERS = ['kind', 'service', 'status', 'type', 'year'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** Filter values of one page; a filter may have several values (a retrospective of two services). */
export type SearchFilterValues = Partial<Record<SearchFilter, string[]>>;

const yearOf = (text: string | undefined, timezone: string) =>
  text === undefined ? [] : [String(toZonedDateTime(text, timezone).year)];

const serviceNames = (ctx: PageContext, ids: Iterable<string>) =>
  [...new Set(ids)].map((id) => ctx.content.services.get(id)?.data.name ?? id);

export function releaseSearchFilters(release: ReleaseRecord, ctx: PageContext): SearchFilterValues {
  const year = releaseYear(release, ctx.timezone);
  return {
    kind: [ctx.t('kind.release')],
    service: serviceNames(ctx, [release.data.service]),
    status: [ctx.t(`status.${release.data.status}`)],
    type: [ctx.t(`type.${release.data.type}`)],
    year: year === undefined ? [] : [String(year)],
  };
}

export function testReportSearchFilters(report: TestReportRecord, ctx: PageContext): SearchFilterValues {
  const ref = parseReleaseRef(report.data.release);
  return {
    kind: [ctx.t('kind.test-report')],
    service: ref ? serviceNames(ctx, [ref.service]) : [],
    year: yearOf(reportDate(report), ctx.timezone),
  };
}

export function retrospectiveSearchFilters(retro: RetrospectiveRecord, ctx: PageContext): SearchFilterValues {
  const services = retro.data.releases.map((r) => parseReleaseRef(r)?.service).filter((s): s is string => s !== undefined);
  return {
    kind: [ctx.t('kind.retrospective')],
    service: serviceNames(ctx, services),
    year: yearOf(retro.data.date, ctx.timezone),
  };
}

export function serviceSearchFilters(service: ServiceRecord, ctx: PageContext): SearchFilterValues {
  return { kind: [ctx.t('kind.service')], service: serviceNames(ctx, [service.id]) };
}

export function processSearchFilters(_process: ProcessRecord, ctx: PageContext): SearchFilterValues {
  return { kind: [ctx.t('kind.process')] };
}
