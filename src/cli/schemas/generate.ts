/**
 * JSON Schemas of the record kinds, generated from the zod schemas (zod 4 `z.toJSONSchema`,
 * input side: what an author writes, with defaults not required) for editors: the VS Code
 * YAML extension validates, completes and explains `site.yaml` and `services/*.yaml` with
 * them. Written to `schemas/*.schema.json` by `npm run schemas`; a unit test keeps the
 * committed files equal to this output.
 *
 * Draft-07, the newest draft every YAML language server reads. Hover text is the field's
 * description in both portal languages (`markdownDescription`, which VS Code prefers).
 */
import { z } from 'zod';
import { SCHEMA_OF_KIND } from '../../schema/index.ts';
import { META } from '../../schema/doc.ts';

export const RECORD_SCHEMAS = {
  site: { schema: SCHEMA_OF_KIND['site'], title: 'Shiplog site.yaml', applies: 'site.yaml' },
  service: { schema: SCHEMA_OF_KIND['service'], title: 'Shiplog service', applies: 'services/<id>.yaml' },
  process: { schema: SCHEMA_OF_KIND['process'], title: 'Shiplog release process (frontmatter)', applies: 'processes/<id>.md' },
  release: { schema: SCHEMA_OF_KIND['release'], title: 'Shiplog release record (frontmatter)', applies: 'releases/**/*.md' },
  'test-report': { schema: SCHEMA_OF_KIND['test-report'], title: 'Shiplog test report (frontmatter)', applies: 'test-reports/**/*.md' },
  retrospective: { schema: SCHEMA_OF_KIND['retrospective'], title: 'Shiplog retrospective (frontmatter)', applies: 'retrospectives/**/*.md' },
} as const satisfies Record<string, { schema: z.ZodType; title: string; applies: string }>;
export type SchemaName = keyof typeof RECORD_SCHEMAS;

/** A date, or a date-time with an offset (the spec's date-time; the calendar check stays in Shiplog). */
const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$';

type Json = Record<string, unknown>;

export function jsonSchemaOf(name: SchemaName): Json {
  const { schema, title, applies } = RECORD_SCHEMAS[name];
  const { $schema, ...rest } = documentedJsonSchema(schema, 'input');
  return {
    $schema,
    title,
    description: `Generated from src/schema by npm run schemas; applies to ${applies} in a Shiplog content folder. Do not edit by hand.`,
    ...rest,
  };
}

/**
 * Any zod schema built from src/schema as a draft-07 JSON Schema with Shiplog's metadata
 * turned into what JSON Schema readers know (see `tidy`). `input`: what an author writes
 * (the editor schemas above); `output`: the validated value, defaults filled in and
 * durations in minutes (the portal's JSON API, src/model/outputs/api-schema.ts).
 */
export function documentedJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const generated = z.toJSONSchema(schema, {
    io,
    target: 'draft-07',
    unrepresentable: 'any',
    // zod leaves out `examples` of a schema with a transform on the input side; they are input values here.
    override: ({ zodSchema, jsonSchema }) => {
      const meta = z.globalRegistry.get(zodSchema);
      const examples = meta?.['examples'];
      // A field's own documentation (it has a description) wins over its value type's example.
      if (Array.isArray(examples) && (jsonSchema.examples === undefined || meta?.description !== undefined)) {
        jsonSchema.examples = examples;
      }
    },
  }) as Json;
  return tidy(generated, io) as Json;
}

/** `schemas/<name>.schema.json` -> file text, for every record kind. */
export function jsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of Object.keys(RECORD_SCHEMAS) as SchemaName[]) {
    files.set(`${name}.schema.json`, `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
  }
  return files;
}

/**
 * Turns Shiplog's metadata into what editors read: a date-time is a string of a known form
 * (zod's Date branch exists only for Astro's second-line check), and the Chinese description
 * and the "required when" note join the English one in `markdownDescription`.
 */
function tidy(node: unknown, io: 'input' | 'output'): unknown {
  if (Array.isArray(node)) return node.map((item) => tidy(item, io));
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) out[key] = tidy(value, io);
  if (out[META.type] === 'date-time') {
    delete out['anyOf'];
    out['type'] = 'string';
    out['pattern'] = DATE_TIME_PATTERN;
  }
  // A validated duration is a number of minutes (the text form `1h30m` is parsed away).
  if (io === 'output' && out[META.type] === 'duration') {
    delete out['anyOf'];
    out['type'] = 'integer';
    out['minimum'] = 0;
    out['examples'] = [90];
  }
  const en = typeof out['description'] === 'string' ? out['description'] : undefined;
  const zh = out[META.zhDescription];
  const when = out[META.requiredWhen] as { en?: string; 'zh-CN'?: string } | undefined;
  if (en !== undefined) {
    const parts = [en];
    if (typeof zh === 'string') parts.push(zh);
    if (when?.en) parts.push(`**Required:** ${when.en}${when['zh-CN'] ? ` / ${when['zh-CN']}` : ''}`);
    out['markdownDescription'] = parts.join('\n\n');
  }
  for (const key of Object.values(META)) delete out[key];
  return out;
}
