/**
 * Global setup of the browser tests: builds the sample content and the `valid` fixture once
 * each (the real `shiplog build`: check, astro build, Pagefind) into temp folders, sequentially
 * because Astro writes project-level state. Tests read the folders from the env it sets.
 * The returned teardown removes them (two ~14 MB sites a run would otherwise pile up in /tmp).
 * The sample's search index is cut into parts of SAMPLE_SEARCH_PART_PAGES pages, as a large
 * site's is (src/model/search/parts.ts), so every search test on it runs on merged parts; the
 * fixture keeps the default, one part.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { SEARCH_PART_PAGES_ENV } from '../../src/model/search/parts.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SITES = { sample: 'content', fixture: 'test/fixtures/valid' } as const;
export type SiteName = keyof typeof SITES;

/** The sample has about 65 search pages: 7 parts of 9 or 10. */
export const SAMPLE_SEARCH_PART_PAGES = 10;

export function setup(project: TestProject): () => void {
  const outs: string[] = [];
  const removeOuts = () => {
    for (const out of outs) rmSync(out, { recursive: true, force: true });
  };
  for (const name of Object.keys(SITES) as SiteName[]) {
    const content = SITES[name];
    const out = mkdtempSync(path.join(os.tmpdir(), `shiplog-${name}-`));
    outs.push(out);
    const result = spawnSync(process.execPath, ['src/cli/shiplog.ts', 'build'], {
      cwd: REPO,
      env: {
        ...process.env,
        SHIPLOG_CONTENT: path.join(REPO, content),
        SHIPLOG_OUT: out,
        NO_COLOR: '1',
        ...(name === 'sample' ? { [SEARCH_PART_PAGES_ENV]: String(SAMPLE_SEARCH_PART_PAGES) } : {}),
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      removeOuts();
      throw new Error(`building ${content} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    project.provide(`site:${name}`, out);
    project.provide(`log:${name}`, result.stdout + result.stderr);
  }
  return removeOuts;
}

declare module 'vitest' {
  export interface ProvidedContext {
    'site:sample': string;
    'site:fixture': string;
    'log:sample': string;
    'log:fixture': string;
  }
}
