/** `/calendar.ics`: iCalendar file of every release window (src/model/outputs/ical.ts). */
import type { APIRoute } from 'astro';
import { MEDIA_TYPES, releaseCalendar } from '../model/outputs/index.ts';
import { pageContext } from '../portal/page-context.ts';

export const GET: APIRoute = async () =>
  new Response(releaseCalendar(await pageContext()), { headers: { 'Content-Type': `${MEDIA_TYPES.calendar}; charset=utf-8` } });
