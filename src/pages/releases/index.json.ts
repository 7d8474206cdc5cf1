/** Every release as the release list's filters read it (src/portal/release-list.ts). */
import type { APIRoute } from 'astro';
import { pageContext } from '../../portal/page-context.ts';
import { releaseIndex } from '../../portal/release-list.ts';

export const GET: APIRoute = async () => {
  return new Response(JSON.stringify(releaseIndex(await pageContext())), { headers: { 'Content-Type': 'application/json' } });
};
