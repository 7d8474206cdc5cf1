/** `/services/<id>/calendar.ics`: iCalendar file of one service's release windows (src/model/outputs/ical.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA_TYPES, releaseCalendar } from '../../../model/outputs/index.ts';
import { portalContent } from '../../../portal/content.ts';
import { pageContext } from '../../../portal/page-context.ts';

export const getStaticPaths = (async () => [...(await portalContent()).services.keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(releaseCalendar(await pageContext(), { service: params.id! }), { headers: { 'Content-Type': `${MEDIA_TYPES.calendar}; charset=utf-8` } });
