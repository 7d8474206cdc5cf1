/**
 * Every diagram the builders make for the sample content, the `valid` fixture and the
 * hostile fixture (12 stages, 40 components, hostile titles everywhere) is accepted by
 * mermaid's own parser, with generated ids only.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE, REPO, SAMPLE, loadValid, samplesOf, type Sample } from './samples.ts';
import { parseAny, parseFlow, parseGantt } from './mermaid.ts';

const folders = { sample: SAMPLE, valid: path.join(REPO, 'test/fixtures/valid'), hostile: HOSTILE };
const all: [string, Sample][] = [];
for (const [folder, root] of Object.entries(folders)) {
  for (const sample of samplesOf(await loadValid(root))) all.push([`${folder} ${sample.name}`, sample]);
}

describe('every generated diagram', () => {
  it('covers every kind of diagram', () => {
    expect(new Set(all.map(([, s]) => s.kind))).toEqual(new Set(['process', 'release', 'deploy', 'rollback', 'calendar']));
    expect(all.length).toBeGreaterThan(60);
  });

  it.each(all)('%s parses, with generated ids and a text alternative', async (_name, sample) => {
    expect(sample.alt.length).toBeGreaterThan(0);
    if (sample.kind === 'calendar') {
      const gantt = await parseGantt(sample.source);
      expect(gantt.tasks.every((t) => /^[tm]\d+$/.test(t.id))).toBe(true);
      return;
    }
    const graph = await parseFlow(sample.source);
    expect([...graph.nodes.keys()].every((id) => /^n\d+$/.test(id))).toBe(true);
    expect(graph.subgraphs.every((s) => /^s\d+$/.test(s.id))).toBe(true);
    // No record text outside quotes: every line is a keyword, an id, or frontmatter we wrote.
    for (const line of sample.source.split('\n')) {
      expect(line).toMatch(/^(?:---|config:|  flowchart:|    wrappingWidth: \d+|flowchart (?:TD|LR)|\s*end|\s*subgraph s\d+\[".*"\]|\s*n\d+.*|\s*s\d+ .*|  classDef [a-z]+ [^"]*|  class [n\d,]+ [a-z]+|)$/);
    }
  });
});

describe('author diagrams of the hostile fixture', () => {
  it('the valid fences parse and the broken one does not (the browser test shows its notice)', async () => {
    const content = await loadValid(HOSTILE);
    const fences = (body: string) => [...body.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const [good, broken] = fences(content.releaseByRef.get('hostile@2026-03-01')!.body);
    await expect(parseAny(good!)).resolves.toBe('flowchart-v2');
    await expect(parseAny(broken!)).rejects.toThrow();
    const [sequence] = fences(content.releaseByRef.get('hostile@title')!.body);
    await expect(parseAny(sequence!)).resolves.toBe('sequence');
  });
});
