/** `/api/v1/<name>.json`: the JSON API and its index (src/model/outputs/api.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { API_NAMES, apiDocument, apiIndexDocument, MEDIA_TYPES, stableJson, type ApiName } from '../../../model/outputs/index.ts';
import { pageContext } from '../../../portal/page-context.ts';

export const getStaticPaths = (() => ['index', ...API_NAMES].map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const ctx = await pageContext();
  const name = params.name as ApiName | 'index';
  const document = name === 'index' ? apiIndexDocument(ctx) : await apiDocument(ctx, name);
  return new Response(stableJson(document), { headers: { 'Content-Type': `${MEDIA_TYPES.json}; charset=utf-8` } });
};
