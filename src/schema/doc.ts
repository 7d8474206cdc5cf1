/**
 * Field documentation kept on the schema itself, in both portal languages, so that one
 * definition feeds validation, the editor (JSON Schema: `npm run schemas`) and the field
 * guide (`/guide/`). zod 4 keeps it in its global registry through `.meta()`:
 *
 * - `description`: English, the standard JSON Schema keyword `z.toJSONSchema` copies;
 * - `x-description-zh-CN`: the same in Chinese;
 * - `examples`: the standard keyword, one value as written in a record;
 * - `x-required-when`: for fields the spec requires only in some cases (checked by a refinement);
 * - `x-type`: the shared value type (id, date-time, …) that a field's schema is built from.
 *
 * Metadata never changes validation: `.meta()` returns a clone with the same definition.
 */
import { z } from 'zod';

export const DOC_LOCALES = ['en', 'zh-CN'] as const;
export type DocLocale = (typeof DOC_LOCALES)[number];
export type Localized = Record<DocLocale, string>;

/** The shared value types of the spec ("Shared value types"), named for the guide and editors. */
export const VALUE_TYPES = [
  'text',
  'id',
  'version',
  'release-ref',
  'role',
  'url',
  'date-time',
  'duration',
  'content-path',
  'severity',
  'count',
  'link',
  'extra',
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface FieldDoc extends Localized {
  /** One value as an author writes it. */
  example?: unknown;
  /** When a field that is optional to the schema is required after all. */
  requiredWhen?: Localized;
  /** What a key of a mapping stands for (`people.<role>`, `checklist.<item-id>`). */
  key?: string;
}

export const META = {
  zhDescription: 'x-description-zh-CN',
  requiredWhen: 'x-required-when',
  type: 'x-type',
  key: 'x-key',
} as const;

/** Metadata for `.meta()`: `description: doc({ en: '…', 'zh-CN': '…' })`. */
export function doc(field: FieldDoc): z.core.GlobalMeta {
  const meta: z.core.GlobalMeta = { description: field.en, [META.zhDescription]: field['zh-CN'] };
  if (field.example !== undefined) meta['examples'] = [field.example];
  if (field.requiredWhen) meta[META.requiredWhen] = { ...field.requiredWhen };
  if (field.key) meta[META.key] = field.key;
  return meta;
}

/** Metadata naming the shared value type of a schema (set once in common.ts). */
export function valueType(type: ValueType): z.core.GlobalMeta {
  return { [META.type]: type };
}

export interface ReadDoc {
  description?: Localized;
  example?: unknown;
  requiredWhen?: Localized;
  type?: ValueType;
  key?: string;
}

/** The documentation of one schema node (its own metadata merged with what it was cloned from). */
export function readDoc(schema: z.core.$ZodType): ReadDoc {
  const meta = z.globalRegistry.get(schema);
  if (!meta) return {};
  const out: ReadDoc = {};
  const en = meta.description;
  const zh = meta[META.zhDescription];
  if (typeof en === 'string') out.description = { en, 'zh-CN': typeof zh === 'string' ? zh : en };
  const examples = meta['examples'];
  if (Array.isArray(examples) && examples.length > 0) out.example = examples[0];
  const when = meta[META.requiredWhen];
  if (isLocalized(when)) out.requiredWhen = when;
  const type = meta[META.type];
  if (typeof type === 'string' && (VALUE_TYPES as readonly string[]).includes(type)) out.type = type as ValueType;
  const key = meta[META.key];
  if (typeof key === 'string') out.key = key;
  return out;
}

function isLocalized(value: unknown): value is Localized {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return DOC_LOCALES.every((l) => typeof v[l] === 'string');
}
