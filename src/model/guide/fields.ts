/**
 * Walks a zod schema into the rows of the field guide: every field with its type, whether it
 * is required (or when), allowed values, default, description and example. Everything comes
 * from the schema and its metadata (src/schema/doc.ts), so the guide cannot drift from what
 * `npm run check` enforces. Input side: a field with a default need not be written.
 */
import type { z } from 'zod';
import { readDoc, type Localized, type ValueType } from '../../schema/doc.ts';

/** The type of a field, structured; the page words it in the site's language. */
export type TypeRef =
  | { kind: 'value'; name: ValueType; values?: string[] }
  | { kind: 'enum'; values: string[] }
  | { kind: 'string' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'any' }
  | { kind: 'object' }
  | { kind: 'list'; of: TypeRef }
  | { kind: 'map'; key: TypeRef; value: TypeRef }
  | { kind: 'union'; options: TypeRef[] };

export type Requirement = 'required' | 'optional' | 'when';

export interface GuideField {
  /** Dotted path as written in a record: `plan.components[].dependsOn`, `people.<role>`. */
  path: string;
  /** The last segment of the path (what an author types as the key). */
  name: string;
  /** Nesting level: 0 for top-level fields. */
  depth: number;
  type: TypeRef;
  requirement: Requirement;
  requiredWhen?: Localized;
  /** Allowed values, when the field (or its list items, or its keys) is an enumeration. */
  values?: string[];
  /** The default the portal uses when the field is left out. */
  default?: unknown;
  description?: Localized;
  example?: unknown;
}

interface Def {
  type: string;
  [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

interface Unwrapped {
  core: z.core.$ZodType;
  optional: boolean;
  default?: unknown;
  doc: ReturnType<typeof readDoc>;
}

/** Peels optional/default/pipe wrappers, keeping the outermost documentation first. */
function unwrap(schema: z.core.$ZodType): Unwrapped {
  let current = schema;
  let optional = false;
  let fallback: unknown;
  let doc = readDoc(current);
  for (;;) {
    const def = defOf(current);
    let next: z.core.$ZodType | undefined;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly' || def.type === 'catch') {
      if (def.type === 'optional') optional = true;
      next = def['innerType'] as z.core.$ZodType;
    } else if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      fallback ??= def['defaultValue'];
      next = def['innerType'] as z.core.$ZodType;
    } else if (def.type === 'pipe') {
      next = def['in'] as z.core.$ZodType; // what an author writes
    }
    if (!next) break;
    current = next;
    const inner = readDoc(current);
    doc = {
      ...inner,
      ...Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined)),
    };
  }
  return { core: current, optional, ...(fallback === undefined ? {} : { default: fallback }), doc };
}

function typeOf(schema: z.core.$ZodType): TypeRef {
  const { core, doc } = unwrap(schema);
  const def = defOf(core);
  if (doc.type) return def.type === 'enum' ? { kind: 'value', name: doc.type, values: enumValues(core) } : { kind: 'value', name: doc.type };
  switch (def.type) {
    case 'string':
      return { kind: 'string' };
    case 'number':
    case 'int':
      return { kind: 'number', integer: isInteger(core) };
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', values: enumValues(core) };
    case 'literal':
      return { kind: 'enum', values: ((def['values'] as unknown[]) ?? []).map(String) };
    case 'object':
      return { kind: 'object' };
    case 'array':
      return { kind: 'list', of: typeOf(def['element'] as z.core.$ZodType) };
    case 'record':
      return { kind: 'map', key: typeOf(def['keyType'] as z.core.$ZodType), value: typeOf(def['valueType'] as z.core.$ZodType) };
    case 'union':
      return { kind: 'union', options: (def['options'] as z.core.$ZodType[]).map(typeOf) };
    default:
      return { kind: 'any' };
  }
}

/** `z.number().int()` keeps its integer format as a check (or, for `z.int()`, on the definition). */
function isInteger(schema: z.core.$ZodType): boolean {
  const def = defOf(schema);
  const formats = [def, ...((def['checks'] as { _zod: { def: Def } }[] | undefined) ?? []).map((c) => c._zod.def)];
  return formats.some((d) => typeof d['format'] === 'string' && /int/.test(d['format']));
}

function enumValues(schema: z.core.$ZodType): string[] {
  const entries = defOf(schema)['entries'] as Record<string, unknown> | undefined;
  return entries ? Object.values(entries).map(String) : [];
}

/** Allowed values of a type: an enumeration, the items of a list of one, or the keys of a map. */
function valuesOf(type: TypeRef): string[] | undefined {
  switch (type.kind) {
    case 'enum':
    case 'value':
      return type.values;
    case 'list':
      return valuesOf(type.of);
    case 'map':
      return type.key.kind === 'enum' || type.key.kind === 'value' ? type.key.values : undefined;
    case 'union': {
      const found = type.options.map(valuesOf).find((v) => v !== undefined);
      return found;
    }
    default:
      return undefined;
  }
}

/** The object schemas inside a field whose fields are listed under it (item objects, map values, union branches). */
function childObjects(core: z.core.$ZodType): { suffix: string; object: z.core.$ZodType }[] {
  const def = defOf(core);
  if (def.type === 'object') return [{ suffix: '', object: core }];
  if (def.type === 'array') {
    const element = unwrap(def['element'] as z.core.$ZodType).core;
    return childObjects(element).map((c) => ({ suffix: `[]${c.suffix}`, object: c.object }));
  }
  if (def.type === 'union') {
    return (def['options'] as z.core.$ZodType[]).flatMap((o) => childObjects(unwrap(o).core));
  }
  return [];
}

/** Every field of an object schema, depth first, in the order the schema declares them. */
export function guideFields(schema: z.core.$ZodType, prefix = '', depth = 0): GuideField[] {
  const core = unwrap(schema).core;
  const shape = defOf(core)['shape'] as Record<string, z.core.$ZodType> | undefined;
  if (!shape) return [];
  const rows: GuideField[] = [];
  for (const [name, field] of Object.entries(shape)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    rows.push(...fieldRows(field, path, name, depth));
  }
  return rows;
}

function fieldRows(field: z.core.$ZodType, path: string, name: string, depth: number): GuideField[] {
  const { core, optional, doc, ...rest } = unwrap(field);
  const type = typeOf(field);
  const row: GuideField = {
    path,
    name,
    depth,
    type,
    requirement: doc.requiredWhen ? 'when' : optional ? 'optional' : 'required',
  };
  if (doc.requiredWhen) row.requiredWhen = doc.requiredWhen;
  const values = valuesOf(type);
  if (values) row.values = values;
  if ('default' in rest) row.default = rest.default;
  if (doc.description) row.description = doc.description;
  if (doc.example !== undefined) row.example = doc.example;
  const rows = [row];
  if (doc.type === 'extra') return rows; // free-form: nothing below it is checked

  const def = defOf(core);
  if (def.type === 'record') {
    // One row for "any key", then the fields of the value when it is an object.
    const keyName = doc.key ?? keyPlaceholder(def['keyType'] as z.core.$ZodType);
    const value = def['valueType'] as z.core.$ZodType;
    const keyPath = `${path}.<${keyName}>`;
    const valueRows = fieldRows(value, keyPath, `<${keyName}>`, depth + 1);
    // A map value is never "optional": it is there because its key is.
    valueRows[0]!.requirement = valueRows[0]!.requirement === 'when' ? 'when' : 'required';
    return [...rows, ...valueRows];
  }
  for (const child of childObjects(core)) {
    rows.push(...guideFields(child.object, `${path}${child.suffix}`, depth + 1));
  }
  return dedupe(rows);
}

function keyPlaceholder(key: z.core.$ZodType): string {
  const { doc, core } = unwrap(key);
  if (doc.type) return doc.type;
  return defOf(core).type === 'enum' ? 'value' : 'key';
}

/** A union of two objects would list shared fields twice; keep the first. */
function dedupe(rows: GuideField[]): GuideField[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.path) ? false : (seen.add(r.path), true)));
}
