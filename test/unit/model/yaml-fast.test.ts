/**
 * The fast YAML path (js-yaml, src/model/source/yaml-fast.ts) must give exactly the data the
 * reference (`yaml` library, as src/model/source/yaml.ts configures it) gives, and leave to
 * the reference every text it would read differently or refuse: an author's record means
 * the same whichever parser read it, and every error still comes with the reference's position.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { fastYamlData } from '../../../src/model/source/yaml-fast.ts';
import { parseYaml } from '../../../src/model/source/yaml.ts';
import { splitFrontmatter } from '../../../src/model/source/frontmatter.ts';
import { generateContent } from '../../bench/generate/index.ts';

const repo = path.resolve(import.meta.dirname, '../../..');

/** The reference reading: data, or the first error. */
function reference(text: string): { data: unknown } | { error: string } {
  const doc = parseDocument(text, { schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: false });
  if (doc.errors.length > 0) return { error: doc.errors[0]!.message };
  try {
    return { data: doc.toJS({ maxAliasCount: 50 }) ?? null };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Undefined when the two agree (or the fast path stood aside); otherwise what differs. */
function disagreement(text: string): string | undefined {
  const fast = fastYamlData(text);
  if (!fast) return undefined;
  const ref = reference(text);
  if ('error' in ref) return `fast path read a text the reference refuses (${ref.error}): ${JSON.stringify(text)}`;
  const data = fast.data ?? null;
  return isDeepStrictEqual(data, ref.data) ? undefined : `${JSON.stringify(text)}: fast ${JSON.stringify(data)}, reference ${JSON.stringify(ref.data)}`;
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function yamlTexts(root: string): Promise<{ file: string; yaml: string }[]> {
  const out: { file: string; yaml: string }[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ya?ml|mdx?)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    if (/\.ya?ml$/.test(entry.name)) out.push({ file, yaml: text });
    else {
      const split = splitFrontmatter(text);
      if (!('error' in split)) out.push({ file, yaml: split.yaml });
    }
  }
  return out;
}

describe('fast YAML path', () => {
  it('reads scalars by the YAML 1.2 core schema exactly as the reference does', () => {
    const scalars = [
      '0b1', '1_000', '0o17', '0x1F', '0x', '00', '012', '-0', '+1', '123456789012345678901234',
      '.5', '+.5', '1.', '1.10', '1e3', '1E3', '.5e3', '-1.5e-3', '-.inf', '+.INF', '.NaN', '.nan', '.NAN',
      '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', 'off', 'y', 'n',
      '2024-01-01', '2024-01-01T10:00:00Z', '1:20', '=', '<<', 'v1.2.0', '1.2.0', '"1.0"', "'true'", '"\\x41\\u00e9\\N\\_\\L\\P\\t"',
      "'it''s'", 'x #c', 'x# c', '"#"', '""', "''", '{ }', '[ ]', '[1, 2,]', '{b: 1, c}', '[x, \'y\', "z"]', '\u00a0x',
    ];
    for (const s of scalars) expect(disagreement(`a: ${s}\n`), s).toBeUndefined();
    // Sanity: the fast path took most of them (it is meant to be the usual path).
    expect(scalars.filter((s) => fastYamlData(`a: ${s}\n`)).length).toBeGreaterThan(scalars.length * 0.8);
  });

  it('agrees on block structure, folding, keys and documents', () => {
    const texts = [
      'a: |\n  x\n  y\n', 'a: >-\n  x\n\n  y\n', 'a: >\n  folded\n   more\n  back\n', 'a: |+\n  keep\n\n', 'a: |2\n   x\n',
      'a: x\n  y\n  z', 'a: "x\n  y"', '"a\nb": 1', 'key with spaces: v', '"quoted key": v', '1: x', '1.0: x', 'true: x',
      'a:\n  - b\n  -\n  - c', '- 1\n- 2', 'x', '', '# c', 'k: v\n...\n', 'a: [\n  1,\n  2\n]', 'a: 1 # c\n# d\nb: 2',
      '\ufeffa: 1', 'a: x\r\nb: y\r\n', '<<: 1', 'a: {x: [1, {y: 2}]}', 'a: [{b: 1}, {c: 2}]',
      // Null keys and collections as keys: the libraries name these keys differently.
      'null: x', '~: x', ': 1', '{~: 1}', 'a:\n  null: 1', '- ~: 1', 'a: {: 1}', 'a: {x: 1, [b]}', 'a: {x: 1, {b: 2}}',
      '[a, b]: c', 'a: {[b]: 1}', 'title: {{title}}', '{}: x', 'a: {{}: 1}', 'a: {x: 1, {}}',
      // Empty collections, common in early records: read the same by both.
      'checklist: {}\napprovals: []', 'a: { }\nb: {}  # none yet', 'a: [{}, {}]', '- {}\n- []', 'a: {}\n',
      // Refused by both: the reference reports them with a position.
      'a: 1\na: 2', 'a: b\n---\nc: d', 'a: b: c', 'a:\tb', '\ta: 1', 'a: - b', 'a: "unterminated', "a: 'x'y'", 'a: @x',
      'a: `x', 'a: %x', 'a: b\n b2: c', 'a:\n  b: 1\n c: 2', 'a: x]', 'a: [x', 'a: "a" b', 'a: [,]',
      // Anchors, aliases, tags, explicit keys, directives, __proto__: the reference reads them.
      'a: &x 1\nb: *x', 'a: !!str 1', '? a\n: b', '%YAML 1.2\n---\na: 1', '__proto__: {x: 1}',
    ];
    for (const t of texts) expect(disagreement(t), t).toBeUndefined();
    for (const t of ['a: 1\na: 2', 'a: &x 1\nb: *x', '__proto__: {x: 1}', 'null: x', '[a, b]: c']) expect(fastYamlData(t), t).toBeUndefined();
    // The usual empty mapping and list stay on the fast path.
    for (const t of ['checklist: {}\napprovals: []', 'a: { }\nb: {}  # none yet']) expect(fastYamlData(t), t).toBeDefined();
  });

  it('agrees on generated texts made of YAML-significant characters', () => {
    // 1.1 million fast-path texts of this generator (300 seeds × 20,000) agreed; a few thousand here keep it so.
    const token = fc.stringMatching(/^[0-9a-zA-Z.+\-_:#~'"\\ [\]{},\n\t|>!&*?%@`]{0,14}$/);
    const key = fc.constantFrom('a', 'b', 'c d', '1', 'true', '- a', '  a', '  - b', '-', '  ', '"k"', ' a', '   - c', '- - d', '    e', ' -', '  -');
    let fast = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(key, token), { maxLength: 6 }), (lines) => {
        const text = lines.map(([k, v]) => `${k}: ${v}`).join('\n');
        if (fastYamlData(text)) fast += 1;
        expect(disagreement(text)).toBeUndefined();
      }),
      { numRuns: 20_000, seed: 7 },
    );
    expect(fast).toBeGreaterThan(2000);
  });

  it('leaves to the reference the texts where js-yaml reads differently or lets an error pass', () => {
    // Each was found by the generator above: js-yaml accepted or read it differently.
    const texts = [
      "a: '\na: '", 'a: "x\\\nb"', "a: ''#", 'a: [#]', '  a: \n\t', 'b: [ :\t?x]', 'b: { x,~}', 'a: [:]', 'b: {3!,?\t}',
      'a: >2+\n ', 'a: \n -\n- a: x', '"k": {:{}}',
    ];
    for (const t of texts) {
      expect(fastYamlData(t), t).toBeUndefined();
      expect(disagreement(t), t).toBeUndefined();
    }
  });

  it('agrees on every record of the sample content, the templates and a generated benchmark folder', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'shiplog-yaml-fast-'));
    dirs.push(root);
    await generateContent({ root, releases: 120, seed: '3' });
    const texts = [
      ...(await yamlTexts(path.join(repo, 'content'))),
      ...(await yamlTexts(path.join(repo, 'templates'))),
      ...(await yamlTexts(root)),
    ];
    expect(texts.length).toBeGreaterThan(300);
    const differing = texts.map((t) => disagreement(t.yaml) && `${t.file}: ${disagreement(t.yaml)}`).filter(Boolean);
    expect(differing).toEqual([]);
    // Real records take the fast path.
    const fast = texts.filter((t) => t.file.startsWith(root) && fastYamlData(t.yaml)).length;
    expect(fast / texts.filter((t) => t.file.startsWith(root)).length).toBeGreaterThan(0.95);
  });

  it('still reports a refused text with the reference position', () => {
    const parsed = parseYaml('title: x\ntitle: y\n', 1);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatchObject({ position: { line: 3, column: 1 }, message: expect.stringContaining('unique') });
  });

  it('gives positions for a record read the fast way', () => {
    const parsed = parseYaml('title: x\nplan:\n  steps:\n    - a\n    - 2\n', 1);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.data).toEqual({ title: 'x', plan: { steps: ['a', 2] } });
      expect(parsed.map.at(['plan', 'steps', 1])).toEqual({ line: 6, column: 7 });
      expect(parsed.map.sourceText(['plan', 'steps', 1])).toBe('2');
    }
  });
});
