/**
 * iCalendar (RFC 5545) files of release windows, written with `ical-generator`:
 * `/calendar.ics` for every release, `/services/<id>/calendar.ics` for one service's; a URL to
 * subscribe to from Outlook, Google Calendar or Apple Calendar.
 *
 * - One VEVENT per release that has a window (`window:`; releases without one are left out):
 *   DTSTART/DTEND are the window in UTC (`…Z`, no VTIMEZONE needed); a window given as dates
 *   alone is an all-day event over those days of the site's time zone.
 * - UID: UUID v5 of `release:<service>@<version>` (locations.ts), the id of the release's feed
 *   entry too: stable whatever else changes, so a moved window updates the event.
 * - STATUS: CANCELLED for a cancelled release, TENTATIVE until it is ready (planned, testing,
 *   staging), CONFIRMED from ready on (ready, deploying, released, rolled-back).
 * - SUMMARY `<service>@<version> <title>`; DESCRIPTION status, type and summary as plain text
 *   (the library escapes it); URL the release's page when site.baseUrl is set (a calendar URL
 *   must be absolute, so without a baseUrl there is none); CATEGORIES the service id.
 * - DTSTAMP is the build's "now" (SHIPLOG_NOW pins it): the one value that changes between
 *   builds of the same content. Events are sorted by start, then service@version.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import type { ReleaseStatus } from '../../schema/index.ts';
import type { ReleaseRecord } from '../content.ts';
import { releasePath, releaseTitle } from '../queries/releases.ts';
import type { OutputContext } from './context.ts';
import { absoluteUrl, CALENDAR_PATH, releaseUuid, serviceCalendarPath } from './locations.ts';
import { windowEvent, type EventTime } from './release-times.ts';
import { xmlText } from './text.ts';

export interface CalendarScope {
  /** One service's releases; every release when absent. */
  service?: string;
}

const EVENT_STATUS: Record<ReleaseStatus, ICalEventStatus> = {
  planned: ICalEventStatus.TENTATIVE,
  testing: ICalEventStatus.TENTATIVE,
  staging: ICalEventStatus.TENTATIVE,
  ready: ICalEventStatus.CONFIRMED,
  deploying: ICalEventStatus.CONFIRMED,
  released: ICalEventStatus.CONFIRMED,
  'rolled-back': ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/** How often a subscribed calendar should be fetched again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 3600;

/** Text a calendar can hold: no control characters, one kind of line break. */
const calendarText = (text: string) => xmlText(text).replace(/\r\n?/g, '\n');

/** The releases a calendar lists with their event times, by start then service@version. */
export function calendarReleases(ctx: OutputContext, scope: CalendarScope = {}): { release: ReleaseRecord; time: EventTime }[] {
  const events: { release: ReleaseRecord; time: EventTime }[] = [];
  for (const release of ctx.content.releaseByRef.values()) {
    if (scope.service !== undefined && release.data.service !== scope.service) continue;
    const time = windowEvent(release, ctx.timezone);
    if (time) events.push({ release, time });
  }
  return events.sort((a, b) => a.time.start.getTime() - b.time.start.getTime() || (a.release.ref < b.release.ref ? -1 : a.release.ref > b.release.ref ? 1 : 0));
}

/** The iCalendar text of a calendar, CRLF line ends, ending with one. */
export function releaseCalendar(ctx: OutputContext, scope: CalendarScope = {}): string {
  const { site, t, content } = ctx;
  const service = scope.service === undefined ? undefined : content.services.get(scope.service);
  const serviceName = service?.data.name ?? scope.service;
  const calendarUrl = absoluteUrl(site.baseUrl, scope.service === undefined ? CALENDAR_PATH : serviceCalendarPath(scope.service));
  const calendar = ical({
    prodId: { company: 'Shiplog', product: 'Shiplog release portal', language: 'EN' },
    name: calendarText(serviceName === undefined ? t('data.calendar.name', { site: site.title }) : t('data.calendar.serviceName', { service: serviceName })),
    description: calendarText(t('data.calendar.description', { site: site.title })),
    ttl: REFRESH_SECONDS,
    ...(calendarUrl ? { url: calendarUrl } : {}),
  });
  const stamp = ctx.now.toUTC().startOf('second').toJSDate();

  for (const { release, time } of calendarReleases(ctx, scope)) {
    const { data } = release;
    const lines = [t('data.calendar.status', { status: t(`status.${data.status}`), type: t(`type.${data.type}`) })];
    if (data.summary) lines.push(data.summary);
    const url = absoluteUrl(site.baseUrl, releasePath(data.service, data.version));
    if (url) lines.push(url);
    calendar.createEvent({
      id: releaseUuid(release.ref),
      start: time.start,
      end: time.end,
      allDay: time.allDay,
      stamp,
      summary: calendarText(`${release.ref} ${releaseTitle(release, content)}`),
      description: calendarText(lines.join('\n')),
      status: EVENT_STATUS[data.status],
      categories: [{ name: data.service }],
      ...(url ? { url } : {}),
    });
  }
  return `${calendar.toString()}\r\n`;
}
