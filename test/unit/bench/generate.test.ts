/**
 * The benchmark's content generator (test/bench/generate): what it writes passes the whole
 * check, gate included, and the same seed gives the same bytes.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../bench/generate/index.ts';
import { loadContent } from '../../../src/model/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';

const dirs: string[] = [];
async function generated(releases: number, seed: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'shiplog-bench-gen-'));
  dirs.push(root);
  await generateContent({ root, releases, seed });
  return root;
}

async function snapshot(root: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, Buffer>();
  for (const f of files) {
    const full = path.join(f.parentPath, f.name);
    out.set(path.relative(root, full), await readFile(full));
  }
  return out;
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('bench content generator', () => {
  it('writes a folder of 30 releases that passes the check, gate included', async () => {
    const root = await generated(30, '1');
    const { content, problems } = await loadContent(root);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content.releases).toHaveLength(30);
    expect(content.testReports).toHaveLength(30);
    expect(content.retrospectives.length).toBeGreaterThanOrEqual(3);
    expect(content.processes.size).toBe(3);
    const statuses = new Set(content.releases.map((r) => r.data.status));
    expect(statuses.has('released')).toBe(true);
  });

  it('gives the same bytes for the same seed, and other bytes for another seed', async () => {
    const [a, b, c] = await Promise.all([generated(30, '7'), generated(30, '7'), generated(30, '8')]);
    const [sa, sb, sc] = await Promise.all([snapshot(a), snapshot(b), snapshot(c)]);
    expect([...sa.keys()].sort()).toEqual([...sb.keys()].sort());
    for (const [file, bytes] of sa) expect(bytes.equals(sb.get(file)!), file).toBe(true);
    const differs = [...sa].some(([file, bytes]) => !sc.get(file)?.equals(bytes));
    expect(differs).toBe(true);
  });

  it('passes the check at other sizes and seeds too', async () => {
    for (const [releases, seed] of [[1, 'a'], [120, 'b']] as const) {
      const root = await generated(releases, seed);
      const { problems } = await loadContent(root);
      expect(problems.map(formatProblem), `N=${releases} seed=${seed}`).toEqual([]);
    }
  });
});
