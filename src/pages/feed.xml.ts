/** `/feed.xml`: Atom feed of every release (src/model/outputs/feed.ts). */
import type { APIRoute } from 'astro';
import { MEDIA_TYPES, releaseFeed } from '../model/outputs/index.ts';
import { pageContext } from '../portal/page-context.ts';

export const GET: APIRoute = async () =>
  new Response(releaseFeed(await pageContext()), { headers: { 'Content-Type': `${MEDIA_TYPES.atom}; charset=utf-8` } });
