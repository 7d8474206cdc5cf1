/** `/services/<id>/feed.xml`: Atom feed of one service's releases (src/model/outputs/feed.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA_TYPES, releaseFeed } from '../../../model/outputs/index.ts';
import { portalContent } from '../../../portal/content.ts';
import { pageContext } from '../../../portal/page-context.ts';

export const getStaticPaths = (async () => [...(await portalContent()).services.keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(releaseFeed(await pageContext(), { service: params.id! }), { headers: { 'Content-Type': `${MEDIA_TYPES.atom}; charset=utf-8` } });
