/**
 * The JSON Schemas the portal publishes under `/schema/v1/`: one per record kind, the very
 * text of `schemas/<kind>.schema.json` (generated from src/schema by src/cli/schemas/generate.ts,
 * what an author writes), and one per API file (api-schema.ts, what the API holds).
 */
import { jsonSchemaFiles } from '../../cli/schemas/generate.ts';
import type { RecordKindName } from '../../schema/index.ts';
import { apiJsonSchema } from './api-schema.ts';
import { stableJson } from './api.ts';
import type { ApiName } from './locations.ts';

/** Text of `/schema/v1/<kind>.json`. */
export function recordSchemaText(kind: RecordKindName): string {
  const text = jsonSchemaFiles().get(`${kind}.schema.json`);
  if (text === undefined) throw new Error(`no JSON Schema for record kind ${kind}`);
  return text;
}

/** Text of `/schema/v1/api/<name>.json`. */
export function apiSchemaText(name: ApiName | 'index'): string {
  return stableJson(apiJsonSchema(name));
}
