/**
 * Turns zod issues into problems a person can act on (after Starlight's error-map):
 * one problem per unknown key at the key itself, "is required" for missing fields,
 * the allowed values of an enum with the closest one suggested, and "quote it" for
 * versions YAML read as numbers.
 */
import { z } from 'zod';
import { problem, type PathSegment, type Problem } from './problem.ts';
import type { SourceMap } from './source/yaml.ts';
import { closest, didYouMean } from './suggest.ts';

type Issue = z.core.$ZodIssue;

/** Fallback wording for issues whose schema did not set its own message. */
export const parseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `must list at least ${String(issue.minimum)}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must list at most ${String(issue.maximum)}`;
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return 'has the wrong form';
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return undefined;
  }
};

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of fields',
    record: 'a mapping',
  };
  return words[expected] ?? expected;
}

function describe(input: unknown): string {
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return `${typeof input} ${String(input)}`;
}

export interface ParseOutcome<T> {
  data?: T;
  problems: Problem[];
}

/** Validates `data` against `schema` and locates every issue in the file it came from. */
export function validate<T>(schema: z.ZodType<T>, data: unknown, file: string, map: SourceMap): ParseOutcome<T> {
  const result = schema.safeParse(data, { error: parseErrorMap, reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const knownKeys = keysOf(schema);
  return { problems: result.error.issues.flatMap((issue) => toProblems(issue, file, map, knownKeys)) };
}

function toProblems(issue: Issue, file: string, map: SourceMap, knownKeys: Set<string>): Problem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const hint =
        key === '<<'
          ? 'YAML merge keys are not supported: write the fields out'
          : (didYouMean(key, knownKeys) ?? 'keep free-form data under `extra:`');
      return problem(file, map.keyAt(path, key), [...path, key], 'is not a known field', hint);
    });
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0 && !issue.message.startsWith('must')) {
    // Report the branch that got furthest: the one with the fewest issues.
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
    return best.flatMap((inner) => toProblems({ ...inner, path: [...issue.path, ...inner.path] } as Issue, file, map, knownKeys));
  }
  const at = map.at(path);
  return [problem(file, at, path, issue.message, hintFor(issue, path, map))];
}

function hintFor(issue: Issue, path: PathSegment[], map: SourceMap): string | undefined {
  const last = path[path.length - 1];
  if (issue.code === 'invalid_type' && typeof issue.input === 'number' && issue.expected === 'string') {
    const written = map.sourceText(path) ?? String(issue.input);
    return `quote it: ${String(last)}: "${written}"`;
  }
  if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
    return didYouMean(issue.input, issue.values.map(String));
  }
  return undefined;
}

/**
 * Every field name any object in `schema` knows, so an unknown key can be matched against
 * the vocabulary of its record kind.
 */
export function keysOf(schema: unknown, seen = new Set<unknown>(), keys = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return keys;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return keys;
  const shape = def['shape'] as Record<string, unknown> | undefined;
  if (shape) {
    for (const [key, value] of Object.entries(shape)) {
      keys.add(key);
      keysOf(value, seen, keys);
    }
  }
  for (const child of ['innerType', 'element', 'valueType', 'in', 'out', 'schema']) keysOf(def[child], seen, keys);
  const options = def['options'];
  if (Array.isArray(options)) for (const option of options) keysOf(option, seen, keys);
  return keys;
}

export { closest };
