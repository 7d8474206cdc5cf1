/** Values written into a template as YAML text, so that any name or title stays valid YAML. */
import { stringify } from 'yaml';

/** A string as a YAML scalar: plain when it reads back the same, quoted otherwise. */
export function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Always quoted (versions: YAML would read 1.10 as the number 1.1). */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

/** `[a, b]` with each item a scalar. */
export function flowList(values: readonly string[]): string {
  return `[${values.map(scalar).join(', ')}]`;
}

/** `key: value` lines of a mapping (keys are ids, values scalars). */
export function mappingLines(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([k, v]) => `${k}: ${scalar(v)}`).join('\n');
}
