/**
 * The validated content of one build, handed from `shiplog build` (which loads and checks the
 * folder) to the `astro build` process it starts, so the folder is read, parsed and validated
 * once per build instead of once per process. A snapshot is the Content with V8's structured
 * serialisation (Maps, Sets and shared objects survive: `releaseByRef` holds the very records
 * of `releases`); only the source positions are left out — they are functions over the
 * parsed YAML and pages never ask for them — and come back as a map that reads the file again
 * on first use.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { AnyRecord, Content } from './content.ts';
import { splitFrontmatter } from './source/frontmatter.ts';
import { lazySourceMap, type Position, type SourceMap } from './source/yaml.ts';

/** Bumped when the shape of Content changes, so a process never reads another version's snapshot. */
const VERSION = 1;

interface Snapshot {
  version: number;
  content: Omit<Content, 'releaseByRef'>;
}

/** Writes `content` to `file`; `readSnapshot` gives back an equal Content. */
export async function writeSnapshot(content: Content, file: string): Promise<void> {
  const sources = new Map<AnyRecord, SourceMap>();
  const all = allRecords(content);
  // Detach the source maps for the time of the serialisation (structuredClone-like: no functions).
  for (const record of all) {
    sources.set(record, record.source);
    (record as { source: SourceMap | undefined }).source = undefined;
  }
  let bytes: Buffer;
  try {
    const { releaseByRef: _byRef, ...rest } = content;
    const snapshot: Snapshot = { version: VERSION, content: rest };
    bytes = v8.serialize(snapshot);
  } finally {
    for (const record of all) record.source = sources.get(record)!;
  }
  await writeFile(file, bytes);
}

export async function readSnapshot(file: string): Promise<Content> {
  const snapshot = v8.deserialize(await readFile(file)) as Snapshot;
  if (snapshot.version !== VERSION) throw new Error(`${file} is a content snapshot of another Shiplog version`);
  const content: Content = { ...snapshot.content, releaseByRef: new Map() };
  for (const record of allRecords(content)) record.source = fileSourceMap(content.root, record);
  // As loadContent: the first record of a service@version wins.
  for (const release of content.releases) {
    if (!content.releaseByRef.has(release.ref)) content.releaseByRef.set(release.ref, release);
  }
  return content;
}

function allRecords(content: Omit<Content, 'releaseByRef'>): AnyRecord[] {
  return [
    ...(content.site ? [content.site] : []),
    ...content.services.values(),
    ...content.processes.values(),
    ...content.releases,
    ...content.testReports,
    ...content.retrospectives,
  ];
}

/** Positions read from the record's file when first asked for (never, in a build that renders pages). */
function fileSourceMap(root: string, record: Pick<AnyRecord, 'file' | 'format'>): SourceMap {
  let map: SourceMap | undefined;
  const parsed = (): SourceMap => {
    if (map) return map;
    const text = readFileSync(path.join(root, record.file), 'utf8');
    let yaml = text;
    let offset = 0;
    if (record.format !== 'yaml') {
      const split = splitFrontmatter(text);
      if ('error' in split) return (map = nowhere);
      yaml = split.yaml;
      offset = split.yamlLineOffset;
    }
    return (map = lazySourceMap(yaml, offset));
  };
  return {
    at: (p) => parsed().at(p),
    keyAt: (p, key) => parsed().keyAt(p, key),
    sourceText: (p) => parsed().sourceText(p),
  };
}

const START: Position = { line: 1, column: 1 };
const nowhere: SourceMap = { at: () => START, keyAt: () => START, sourceText: () => undefined };
