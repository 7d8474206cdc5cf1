/**
 * YAML with source positions. We parse with the `yaml` library's Document API so every
 * field keeps its line and column, and we switch off what makes YAML dangerous or
 * surprising for hand-written records: merge keys (`<<`), more than a few aliases
 * (alias bombs), duplicate keys, and YAML 1.1 type guessing (`no` -> false, dates -> Date).
 *
 * Two costs of the library are kept linear here, because a record of 1-2 MB could
 * otherwise stall the build: its own duplicate-key check compares each key with every
 * earlier one (100,000 keys took 3.5 minutes), so we check keys with a Set instead; and
 * deep flow nesting (`[[[[…`) makes its parser slow and its composer overflow the stack
 * (a million `[` took over 30 s and a GiB; `- ` repeated 100,000 times ran out of memory),
 * so flow nesting beyond MAX_FLOW_DEPTH and block nesting beyond MAX_BLOCK_PREFIX columns
 * are refused before the parser runs. Lookups of a field's position use an index per mapping.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PathSegment } from '../problem.ts';
import { fastYamlData } from './yaml-fast.ts';

export const MAX_ALIASES = 50;
/** Flow collections (`[…]`, `{…}`) nested deeper than this are refused: no record needs more. */
export const MAX_FLOW_DEPTH = 64;
/** A line indented (with `- `, `? `, `: ` indicators) wider than this is refused: no record needs more. */
export const MAX_BLOCK_PREFIX = 256;

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
  const deep = tooDeep(text);
  if (deep) {
    const before = text.slice(0, deep.offset);
    const line = before.split('\n').length;
    return {
      ok: false,
      errors: [{ message: deep.message, position: { line: line + lineOffset, column: deep.offset - (before.lastIndexOf('\n') + 1) + 1 } }],
    };
  }
  // Most records take the fast path; positions are worked out only if one is asked for.
  const fast = fastYamlData(text);
  if (fast) return { ok: true, data: fast.data ?? null, map: lazySourceMap(text, lineOffset) };
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocumentOf(text, lineCounter);
  } catch (error) {
    // The library's parser recurses once per level of block nesting (`- - - - …`, deeper and
    // deeper indentation) and lets a stack overflow escape; its composer turns one into an error.
    return { ok: false, errors: [{ message: yamlMessage(error instanceof Error ? error.message : String(error)), position: { line: 1 + lineOffset, column: 1 } }] };
  }
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const errors = doc.errors.map((e) => {
    // The yaml library reports an unclosed quote where the text ends; the author needs the opening quote.
    const opening = e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? unclosedQuote(text, e.pos[0]) : undefined;
    return { offset: opening ?? e.pos[0], message: yamlMessage(e.message) };
  });
  for (const offset of duplicateKeys(doc)) errors.push({ offset, message: 'YAML syntax: Map keys must be unique' });
  if (errors.length > 0) {
    errors.sort((a, b) => a.offset - b.offset);
    return { ok: false, errors: errors.map((e) => ({ message: e.message, position: position(e.offset) })) };
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
  return { ok: true, data, map: lazySourceMap(text, lineOffset) };
}

function parseDocumentOf(text: string, lineCounter: LineCounter): Document {
  return parseDocument(text, {
    lineCounter,
    schema: 'core',
    merge: false,
    // Checked in linear time (duplicateKeys); the library's own check is quadratic in the number of keys.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
}

/**
 * Positions of a text that parsed: the parsed document is not kept (a record's YAML tree
 * weighs tens of times its text, and a check holds every record), but parsed again the
 * first time a position is asked for — only when the record has a problem to report.
 */
export function lazySourceMap(text: string, lineOffset = 0): SourceMap {
  let map: SourceMap | undefined;
  const parsed = (): SourceMap => {
    if (!map) {
      const lineCounter = new LineCounter();
      const doc = parseDocumentOf(text, lineCounter);
      const position = (offset: number): Position => {
        const { line, col } = lineCounter.linePos(offset);
        return { line: line + lineOffset, column: col };
      };
      map = sourceMap(doc, text, position, lineOffset);
    }
    return map;
  };
  return {
    at: (path) => parsed().at(path),
    keyAt: (path, key) => parsed().keyAt(path, key),
    sourceText: (path) => parsed().sourceText(path),
  };
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
  if (/Maximum call stack size exceeded/.test(firstLine)) return 'YAML nested too deeply to be read: refused to protect the build';
  return `YAML syntax: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** Where the text nests deeper than the limits, checked in one linear pass before the library's parser runs. */
function tooDeep(text: string): { offset: number; message: string } | undefined {
  const block = blockTooDeep(text);
  if (block !== undefined) {
    return { offset: block, message: `YAML indented or nested more than ${MAX_BLOCK_PREFIX} columns deep: refused to protect the build` };
  }
  const flow = flowTooDeep(text);
  if (flow !== undefined) {
    return { offset: flow, message: `YAML nested more than ${MAX_FLOW_DEPTH} levels deep ([ or { inside each other): refused to protect the build` };
  }
  return undefined;
}

/**
 * Offset of the first line whose indentation, with the block indicators that open a nested
 * collection on it (`- `, `? `, `: `), is wider than MAX_BLOCK_PREFIX columns: each level of
 * block nesting takes at least one such column, and the library's parser takes memory and
 * stack per level (`- ` repeated 100,000 times exhausted the heap).
 */
function blockTooDeep(text: string): number | undefined {
  let i = 0;
  while (i < text.length) {
    const lineStart = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09) i += 1;
      else if ((c === 0x2d || c === 0x3f || c === 0x3a) && [0x20, 0x09, 0x0a, 0x0d].includes(text.charCodeAt(i + 1))) i += 1;
      else break;
      if (i - lineStart > MAX_BLOCK_PREFIX) return lineStart;
    }
    const newline = text.indexOf('\n', i);
    if (newline === -1) break;
    i = newline + 1;
  }
  return undefined;
}

/** Offset of the first `[` or `{` nested deeper than MAX_FLOW_DEPTH (by the library's own lexer, so quotes and comments count right). */
function flowTooDeep(text: string): number | undefined {
  let brackets = 0;
  for (let i = 0; i < text.length && brackets <= MAX_FLOW_DEPTH; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets += 1;
  }
  if (brackets <= MAX_FLOW_DEPTH) return undefined; // the common case: no lexing needed
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth += 1;
      if (depth > MAX_FLOW_DEPTH) return offset;
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    // The lexer adds one-character markers (document, scalar, flow end, BOM) that are not source text.
    if (!(token.length === 1 && /[\u0002\u0018\u001f\ufeff]/.test(token))) offset += token.length;
  }
  return undefined;
}

/** Offsets of the keys that repeat an earlier scalar key of the same mapping (what `uniqueKeys` reports), in linear time. */
function duplicateKeys(doc: Document): number[] {
  const offsets: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          if (seen.has(key.value)) offsets.push(key.range?.[0] ?? 0);
          else seen.add(key.value);
        } else if (key !== null && key !== undefined) {
          stack.push(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return offsets;
}

function sourceMap(doc: Document, text: string, position: (offset: number) => Position, lineOffset: number): SourceMap {
  const start: Position = { line: 1 + lineOffset, column: 1 };
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  /** The first pair of each scalar key, per mapping: a record with many problems asks for many positions. */
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (isPair(p) && isScalar(p.key)) {
          const name = String(p.key.value);
          if (!index.has(name)) index.set(name, p);
        }
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };

  /** Walks as far along `path` as the document goes; returns the deepest node and key found. */
  const walk = (path: readonly PathSegment[]) => {
    let node = resolve(doc.contents) as Node | null | undefined;
    let key: Node | undefined;
    let depth = 0;
    for (const segment of path) {
      let next: unknown;
      let nextKey: Node | undefined;
      if (isMap(node)) {
        const pair = pairOf(node, String(segment));
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
        const pair = pairOf(node, name);
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
