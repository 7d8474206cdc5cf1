/**
 * The build's own verification (src/integrations/verify-build.ts) on real builds of a copy
 * of the `valid` fixture, and what a second build into the same folder leaves behind when
 * records were renamed or moved: no stale page, no "duplicate id" noise. Two small builds.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { expectedPages, formatBuildProblem, routeFamilies, verifyDist } from '../../src/model/verify/index.ts';
import { FIXTURES, REPO } from '../unit/helpers.ts';

const BUILD_TIMEOUT_MS = 240_000;
let content: string;
let out: string;

function build(): { status: number | null; log: string } {
  const result = spawnSync(process.execPath, ['src/cli/shiplog.ts', 'build'], {
    cwd: REPO,
    env: { ...process.env, SHIPLOG_CONTENT: content, SHIPLOG_OUT: out, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, log: `${result.stdout}\n${result.stderr}` };
}

const exists = async (file: string) => (await stat(path.join(out, file)).catch(() => undefined))?.isFile() ?? false;

async function htmlPages(dir: string, rel = ''): Promise<number> {
  let count = 0;
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    if (entry.isDirectory()) count += await htmlPages(dir, path.join(rel, entry.name));
    else if (entry.name.endsWith('.html')) count += 1;
  }
  return count;
}

/** Route patterns of src/pages, as Astro names them (`/test-reports/[...id]`). */
async function routePatterns(dir = path.join(REPO, 'src/pages'), prefix = ''): Promise<string[]> {
  const patterns: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) patterns.push(...(await routePatterns(path.join(dir, entry.name), `${prefix}/${entry.name}`)));
    else patterns.push(`${prefix}/${entry.name.replace(/\.(astro|ts|js|md|mdx)$/, '')}`.replace(/\/index$/, '') || '/');
  }
  return patterns;
}

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'shiplog-verify-content-'));
  out = await mkdtemp(path.join(os.tmpdir(), 'shiplog-verify-out-'));
  await cp(path.join(FIXTURES, 'valid'), content, { recursive: true });
});

afterAll(async () => {
  // Astro's content cache of this temp folder (astro.config.mjs keys it by content folder).
  const key = createHash('sha256').update(content).digest('hex').slice(0, 12);
  await rm(path.join(REPO, 'node_modules/.astro', key), { recursive: true, force: true });
  await rm(content, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('verify-build on a real build', () => {
  it('builds, verifies every record page and link, and prints the one-line summary', async () => {
    const { status, log } = build();
    expect(status, log).toBe(0);
    // Astro's resolved routes decide which record families need pages: here every family has a route file.
    const { content: loaded } = await loadContent(content);
    const expected = expectedPages(loaded, routeFamilies(await routePatterns())).length;
    expect(log).toMatch(new RegExp(`\\[shiplog:verify\\] verified \\d+ pages \\(${expected} record pages\\) and \\d+ internal links: every record has its page, every link resolves`));
    const pages = await htmlPages(out);
    expect(log).toMatch(new RegExp(`^built 8 records into ${pages} pages in \\d+\\.\\d s: no problems$`, 'm'));
    expect(await exists('releases/shop/1.1.0/index.html')).toBe(true);
  }, BUILD_TIMEOUT_MS);

  it('would have caught a missing page, a broken link and a broken anchor in that output', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'shiplog-verify-broken-'));
    try {
      await cp(out, copy, { recursive: true });
      await rm(path.join(copy, 'releases/shop/1.1.0'), { recursive: true });
      const home = path.join(copy, 'index.html');
      await writeFile(home, (await readFile(home, 'utf8')).replace('</body>', '<a href="/releases/shop/0.0.1/">x</a><a href="/releases/shop/1.0.0/#no-such-id">y</a></body>'));
      const { content: loaded } = await loadContent(content);
      const result = await verifyDist({ dist: copy, expected: expectedPages(loaded, routeFamilies(await routePatterns())), generatedLater: ['/pagefind/'] });
      const problems = result.problems.map(formatBuildProblem);
      expect(problems).toContain('releases/shop/1.1.0.mdx  release shop@1.1.0 has no page: /releases/shop/1.1.0/ is missing from the build');
      expect(problems.some((p) => /^\/:\d+ {2}<a href="\/releases\/shop\/0\.0\.1\/"> points to \/releases\/shop\/0\.0\.1\/, which the build did not write$/.test(p))).toBe(true);
      expect(problems.some((p) => /^\/:\d+ {2}<a href="\/releases\/shop\/1\.0\.0\/#no-such-id"> points to #no-such-id, which \/releases\/shop\/1\.0\.0\/ has no element with$/.test(p))).toBe(true);
      // Links from other pages to the removed page are reported too, each with its page and line.
      expect(problems.every((p) => /^(releases\/shop\/1\.1\.0\.mdx|\/\S*:\d+) {2}/.test(p))).toBe(true);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('leaves no stale page and no duplicate-id noise after records are renamed and moved', async () => {
    // A release renamed with a new version, and a test report moved into a sub-folder.
    const release = path.join(content, 'releases/shop/1.1.0.mdx');
    await writeFile(path.join(content, 'releases/shop/1.2.0.mdx'), (await readFile(release, 'utf8')).replace('version: "1.1.0"', 'version: "1.2.0"'));
    await rm(release);
    await cp(path.join(content, 'test-reports/shop-1.0.0-system.md'), path.join(content, 'test-reports/2026/shop-1.0.0-system.md'));
    await rm(path.join(content, 'test-reports/shop-1.0.0-system.md'));
    await rename(path.join(content, 'retrospectives/shop-1.0.0.md'), path.join(content, 'retrospectives/shop-1.0.0-retro.md'));

    const { status, log } = build();
    expect(status, log).toBe(0);
    expect(log).not.toMatch(/duplicate/i);
    expect(log).toMatch(/^built 8 records into \d+ pages in \d+\.\d s: no problems$/m);
    expect(await exists('releases/shop/1.1.0/index.html')).toBe(false);
    expect(await exists('releases/shop/1.2.0/index.html')).toBe(true);
    expect(await exists('releases/shop/1.0.0/index.html')).toBe(true);
    if (await exists('test-reports/2026/shop-1.0.0-system/index.html')) {
      expect(await exists('test-reports/shop-1.0.0-system/index.html')).toBe(false);
    }
    if (await exists('retrospectives/shop-1.0.0-retro/index.html')) {
      expect(await exists('retrospectives/shop-1.0.0/index.html')).toBe(false);
    }
  }, BUILD_TIMEOUT_MS);
});
