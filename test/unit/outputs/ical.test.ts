/** The iCalendar files (src/model/outputs/ical.ts), parsed back with ical.js. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarReleases, releaseCalendar, releaseUuid } from '../../../src/model/outputs/index.ts';
import { fixtureContext, HOSTILE_SUMMARY, HOSTILE_TITLE, hostileShop, outputContext, sampleContext } from './context.ts';

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  status: string;
  url: string | null;
  start: ICAL.Time;
  end: ICAL.Time;
  categories: string[];
}

function parseCalendar(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      status: String(vevent.getFirstPropertyValue('status')),
      url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
      start: event.startDate,
      end: event.endDate,
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    };
  });
  return { calendar, events };
}

describe('the calendar of every release window, on the sample', () => {
  it('parses as iCalendar with one event per release that has a window, sorted by start', async () => {
    const ctx = await sampleContext();
    const text = releaseCalendar(ctx);
    const { calendar, events } = parseCalendar(text);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('交付中心发布门户 · 上线窗口');
    const withWindow = [...ctx.content.releaseByRef.values()].filter((r) => r.data.window);
    expect(events).toHaveLength(withWindow.length);
    const starts = events.map((e) => e.start.toUnixTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Lines end with CRLF, the last one too (RFC 5545 §3.1).
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has stable UIDs from service@version, UTC times, the page URL and a summary with service@version and title', async () => {
    const ctx = await sampleContext();
    const text = releaseCalendar(ctx);
    const { events } = parseCalendar(text);
    const event = events.find((e) => e.uid === releaseUuid('payment-gateway@2.3.0'))!;
    expect(event.summary).toBe('payment-gateway@2.3.0 支付网关 2.3.0 上线');
    // window 2026-03-12T22:00:00+08:00 – 23:30 +08:00, written in UTC.
    expect(event.start.zone?.tzid).toBe('UTC');
    expect(event.start.toString()).toBe('2026-03-12T14:00:00Z');
    expect(event.end.toString()).toBe('2026-03-12T15:30:00Z');
    expect(event.url).toBe('https://releases.example.com/releases/payment-gateway/2.3.0/');
    expect(event.status).toBe('CONFIRMED');
    expect(event.categories).toEqual(['payment-gateway']);
    for (const line of text.split('\r\n').filter((l) => /^(DTSTART|DTEND|DTSTAMP)[:;]/.test(l))) expect(line).toMatch(/:\d{8}T\d{6}Z$/);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('marks releases not yet ready TENTATIVE', async () => {
    const { events } = parseCalendar(releaseCalendar(await sampleContext()));
    expect(events.find((e) => e.uid === releaseUuid('web-portal@5.1.0'))!.status).toBe('TENTATIVE'); // testing
    expect(events.find((e) => e.uid === releaseUuid('payment-gateway@2.5.0'))!.status).toBe('CONFIRMED'); // ready
  });

  it('a service calendar has that service only, with the same UIDs', async () => {
    const ctx = await sampleContext();
    const { calendar, events } = parseCalendar(releaseCalendar(ctx, { service: 'payment-gateway' }));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('支付网关 · 上线窗口');
    expect(events.map((e) => e.uid)).toEqual(calendarReleases(ctx, { service: 'payment-gateway' }).map((e) => releaseUuid(e.release.ref)));
    expect(events.every((e) => e.categories[0] === 'payment-gateway')).toBe(true);
    expect(events).toHaveLength(5);
  });

  it('is the same bytes for the same content and "now"; only DTSTAMP follows "now"', async () => {
    const a = releaseCalendar(await sampleContext());
    expect(releaseCalendar(await sampleContext())).toBe(a);
    const later = releaseCalendar(await sampleContext('2027-01-01T00:00:00Z'));
    expect(later.replace(/^DTSTAMP:.*$/gm, '')).toBe(a.replace(/^DTSTAMP:.*$/gm, ''));
    expect(a).toContain('DTSTAMP:20261124T040000Z');
  });
});

describe('calendar events of special releases', () => {
  it('a cancelled release is STATUS:CANCELLED; record text is escaped and read back as written', async () => {
    const { events } = parseCalendar(releaseCalendar(await outputContext(await hostileShop())));
    const event = events.find((e) => e.uid === releaseUuid('shop@0.9.0'))!;
    expect(event.status).toBe('CANCELLED');
    expect(event.summary).toBe(`shop@0.9.0 ${HOSTILE_TITLE}`);
    expect(event.description).toBe(`Status: Cancelled · type: Standard\n${HOSTILE_SUMMARY}`);
  });

  it('a window of dates alone is an all-day event through its last day', async () => {
    const { events } = parseCalendar(releaseCalendar(await outputContext(await hostileShop())));
    const event = events.find((e) => e.uid === releaseUuid('shop@1.2.0'))!;
    expect(event.start.isDate).toBe(true);
    expect(event.start.toString()).toBe('2026-04-01');
    expect(event.end.toString()).toBe('2026-04-03');
  });

  it('leaves out releases without a window, and the URL without a baseUrl', async () => {
    const { events } = parseCalendar(releaseCalendar(await fixtureContext()));
    expect(events.map((e) => e.uid)).toEqual([releaseUuid('shop@1.0.0')]); // shop@1.1.0 is planned, no window
    expect(events[0]!.url).toBeNull();
  });
});
