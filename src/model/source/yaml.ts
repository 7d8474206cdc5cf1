/**
 * YAML with source positions. We parse with the `yaml` library's Document API so every
 * field keeps its line and column, and we switch off what makes YAML dangerous or
 * surprising for hand-written records: merge keys (`<<`), more than a few aliases
 * (alias bombs), duplicate keys, and YAML 1.1 type guessing (`no` -> false, dates -> Date).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PathSegment } from '../problem.ts';

export const MAX_ALIASES = 50;

export interface Position {
  line: number;
  column: number;
}

/** Finds the position of a field path in one parsed YAML text. */
export interface SourceMap {
  /** Where the value at `path` starts; for a missing field, the nearest enclosing key. */
  at(path: readonly PathSegment[]): Position;
  /** Where the key `key` of the mapping at `path` is written (for unknown keys). */
  keyAt(path: readonly PathSegment[], key: string): Position;
  /** The value at `path` exactly as written in the file (for hints such as "quote it"). */
  sourceText(path: readonly PathSegment[]): string | undefined;
}

export type YamlParse =
  | { ok: true; data: unknown; map: SourceMap }
  | { ok: false; errors: { message: string; position: Position }[] };

/**
 * @param lineOffset lines before the YAML text in its file (1 for frontmatter after `---`).
 */
export function parseYaml(text: string, lineOffset = 0): YamlParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        // The yaml library reports an unclosed quote where the text ends; the author needs the opening quote.
        const opening = e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? unclosedQuote(text, e.pos[0]) : undefined;
        return { message: yamlMessage(e.message), position: position(opening ?? e.pos[0]) };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        {
          message: /alias/i.test(message)
            ? `too many YAML aliases (more than ${MAX_ALIASES} expansions): refused to protect the build`
            : `YAML could not be read: ${message}`,
          position: { line: 1 + lineOffset, column: 1 },
        },
      ],
    };
  }
  return { ok: true, data, map: sourceMap(doc, text, position, lineOffset) };
}

/** Offset of the last quote before `end` that opens a string never closed on its line. */
function unclosedQuote(text: string, end: number): number | undefined {
  let lineStart = text.lastIndexOf('\n', end - 1) + 1;
  while (lineStart >= 0) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    for (const quote of ['"', "'"]) {
      const count = line.split(quote).length - 1;
      if (count % 2 === 1) return lineStart + line.lastIndexOf(quote);
    }
    if (lineStart === 0) return undefined;
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
  return undefined;
}

/** The yaml library's messages start with an upper-case code word; keep only the sentence. */
function yamlMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return `YAML syntax: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function sourceMap(doc: Document, text: string, position: (offset: number) => Position, lineOffset: number): SourceMap {
  const start: Position = { line: 1 + lineOffset, column: 1 };
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);

  /** Walks as far along `path` as the document goes; returns the deepest node and key found. */
  const walk = (path: readonly PathSegment[]) => {
    let node = resolve(doc.contents) as Node | null | undefined;
    let key: Node | undefined;
    let depth = 0;
    for (const segment of path) {
      let next: unknown;
      let nextKey: Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (pair) {
          next = pair.value;
          nextKey = pair.key as Node;
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
      }
      if (next === undefined && nextKey === undefined) break;
      node = (resolve(next) ?? null) as Node | null;
      key = nextKey ?? (node ?? undefined);
      depth += 1;
      // A key with no value (`window:`) has a null node: report at the key.
      if (node === null) break;
    }
    return { node, key, complete: depth === path.length };
  };

  const nodeStart = (node: Node | null | undefined): Position | undefined =>
    node?.range ? position(node.range[0]) : undefined;

  return {
    at(path) {
      const { node, key, complete } = walk(path);
      if (complete) return nodeStart(node) ?? nodeStart(key) ?? start;
      // Missing field: point at the key of the object that should hold it.
      return nodeStart(key) ?? start;
    },
    keyAt(path, name) {
      const { node } = walk(path);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
        const at = nodeStart(pair?.key as Node | undefined);
        if (at) return at;
      }
      return nodeStart(node) ?? start;
    },
    sourceText(path) {
      const { node, complete } = walk(path);
      if (!complete || !node?.range) return undefined;
      return text.slice(node.range[0], node.range[1]).trim();
    },
  };
}
