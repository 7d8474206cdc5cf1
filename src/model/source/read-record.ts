/** Reads one record file (YAML, or Markdown/MDX with frontmatter) into data + positions. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { splitFrontmatter } from './frontmatter.ts';
import { parseYaml, type SourceMap } from './yaml.ts';
import type { Problem } from '../problem.ts';

/** Records are hand-written text; anything larger is a mistake or an attack, not a record. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

export interface RawRecord {
  data: unknown;
  source: SourceMap;
  body: string;
  bodyLine: number;
  format: 'yaml' | 'md' | 'mdx';
}

export async function readRecord(absolute: string, file: string): Promise<{ record?: RawRecord; problems: Problem[] }> {
  const fail = (message: string, line = 1, column = 1, hint?: string) => ({
    problems: [{ file, line, column, field: '', message, ...(hint ? { hint } : {}) }],
  });
  // Synchronous: a check reads thousands of small files one after the other, and a promise
  // round trip through libuv's thread pool per file cost more than the read itself.
  // One open file for the size check and the read: a stat by path first cost a second lookup.
  const fd = openSync(absolute, 'r');
  let bytes: Buffer;
  try {
    const info = fstatSync(fd);
    if (info.size > MAX_RECORD_BYTES) {
      return fail(`is ${(info.size / 1024 / 1024).toFixed(1)} MiB; a record may be at most ${MAX_RECORD_BYTES / 1024 / 1024} MiB`, 1, 1, 'move large content into attachments/');
    }
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  if (bytes.includes(0)) return fail('is not a text file (it contains NUL bytes)');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const format = file.endsWith('.mdx') ? 'mdx' : file.endsWith('.md') ? 'md' : 'yaml';

  let yamlText = text;
  let lineOffset = 0;
  let body = '';
  let bodyLine = 1;
  if (format !== 'yaml') {
    const split = splitFrontmatter(text);
    if ('error' in split) return fail(split.error, split.line);
    yamlText = split.yaml;
    lineOffset = split.yamlLineOffset;
    body = split.body;
    bodyLine = split.bodyLine;
  }
  const parsed = parseYaml(yamlText, lineOffset);
  if (!parsed.ok) {
    return {
      problems: parsed.errors.map((e) => ({ file, line: e.position.line, column: e.position.column, field: '', message: e.message })),
    };
  }
  let data = parsed.data;
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail('must be a mapping of fields (key: value lines)', 1 + lineOffset);
  }
  return { record: { data, source: parsed.map, body, bodyLine, format }, problems: [] };
}
