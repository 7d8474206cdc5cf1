/** `/schema/v1/api/<name>.json`: JSON Schema of an API file (src/model/outputs/api-schema.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { API_NAMES, apiSchemaText, MEDIA_TYPES, type ApiName } from '../../../../model/outputs/index.ts';

export const getStaticPaths = (() => ['index', ...API_NAMES].map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(apiSchemaText(params.name as ApiName | 'index'), { headers: { 'Content-Type': `${MEDIA_TYPES.json}; charset=utf-8` } });
