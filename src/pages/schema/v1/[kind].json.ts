/** `/schema/v1/<kind>.json`: JSON Schema of a record kind, the same as schemas/<kind>.schema.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA_TYPES, recordSchemaText } from '../../../model/outputs/index.ts';
import { RECORD_KINDS, type RecordKindName } from '../../../schema/index.ts';

export const getStaticPaths = (() => RECORD_KINDS.map((kind) => ({ params: { kind } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(recordSchemaText(params.kind as RecordKindName), { headers: { 'Content-Type': `${MEDIA_TYPES.json}; charset=utf-8` } });
