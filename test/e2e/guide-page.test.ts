/** The rendered field guide (/guide/) names every field every record schema knows, under its record kind. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { keysOf } from '../../src/model/schema-issues.ts';
import { RECORD_KINDS, SCHEMA_OF_KIND } from '../../src/schema/index.ts';

const html = await readFile(path.join(inject('site:sample'), 'guide', 'index.html'), 'utf8');

/** The HTML of one kind's section, and the field names shown in its <code> cells (last path segment). */
function fieldsShown(kind: string): Set<string> {
  const start = html.indexOf(`<section id="kind-${kind}"`);
  const end = html.indexOf('</section>', start);
  expect(start, `section for ${kind}`).toBeGreaterThanOrEqual(0);
  const section = html.slice(start, end);
  // Paths are shown as `stages[].checklist[].required` or `checklist.<item-id>.note` (HTML-escaped):
  // the field is the last segment.
  const names = [...section.matchAll(/<code[^>]*>([A-Za-z_](?:[\w.[\]-]|&lt;|&gt;)*)<\/code>/g)].map((m) => m[1]!.split('.').pop()!.replace('[]', ''));
  return new Set(names);
}

describe('the rendered field guide', () => {
  it.each(RECORD_KINDS)('lists every field of the %s schema', (kind) => {
    const shown = fieldsShown(kind);
    const missing = [...keysOf(SCHEMA_OF_KIND[kind])].filter((key) => !shown.has(key));
    expect(missing).toEqual([]);
  });
});
