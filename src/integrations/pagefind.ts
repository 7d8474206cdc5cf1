/**
 * Indexes the built pages with Pagefind (after Starlight's integrations/pagefind.ts). Pages
 * opt in with `data-pagefind-body`, and Pagefind reads only the paths where they live
 * (src/model/search/pages.ts); the language comes from `<html lang>`, which Pagefind
 * needs to segment Chinese. A large site is indexed in parts, one Pagefind process each,
 * that the search page merges (src/model/search/parts.ts).
 *
 * `shiplog build` indexes the site itself once the `astro build` process has exited, so the
 * Pagefind process never runs while Astro's memory is still held (the two together were the
 * build's peak): it sets SHIPLOG_PAGEFIND=after for that process and calls indexSite(). Run
 * directly (`astro build`), the integration indexes in `astro:build:done`.
 */
import type { AstroIntegration } from 'astro';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { isSearchPage } from '../model/search/pages.ts';
import { SEARCH_BUNDLE, SEARCH_PARTS_FILE, isUnusedInMergedPart, partBundlePath, partsManifest, searchPartPages, searchParts } from '../model/search/parts.ts';
import { listDist } from '../model/verify/verify.ts';
import { askWorker } from '../model/worker.ts';
import type { PartJob, PartResult } from './pagefind-part.ts';

/** Set by `shiplog build` for its `astro build` process: Pagefind runs after it. */
export const PAGEFIND_ENV = 'SHIPLOG_PAGEFIND';

/**
 * Writes `<site>/pagefind/` (with `parts.json` and, on a large site, `pagefind/part-2/`, …);
 * returns how many pages it indexed. Throws when Pagefind fails. `siteFiles` is the site's
 * listing (listDist) when the caller has it already: 92,000 files at 10,000 releases.
 */
export async function indexSite(site: string, perPart: number = searchPartPages(), siteFiles?: readonly string[]): Promise<number> {
  const parts = searchParts((siteFiles ?? (await listDist(site))).filter(isSearchPage), perPart);
  let indexed = 0;
  let next = 0;
  // Each part goes to its own folder, so the order parts finish in changes no byte of the index.
  const indexParts = async (): Promise<void> => {
    for (let i = next++; i < parts.length; i = next++) {
      const output = path.join(site, partBundlePath(i));
      let count: number;
      try {
        count = await indexPart(site, parts[i]!, output);
      } catch (error) {
        next = parts.length; // the build fails: start no other part
        throw error;
      }
      indexed += count;
      if (i > 0) await dropUnusedFiles(output);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, parts.length) }, indexParts));
  await writeFile(path.join(site, SEARCH_BUNDLE, SEARCH_PARTS_FILE), `${JSON.stringify(partsManifest(parts.length))}\n`);
  return indexed;
}

/**
 * Parts indexed at once, each by a Pagefind process of its own that uses about one core and
 * holds up to ~0.8 GiB (a part of 2,000 release pages in Chinese). Two at once took 20-30% less
 * time than one after the other on a 2-core runner (the 1,000-release site in 2 and in 5 parts);
 * more would add memory faster than a runner adds cores.
 */
const PARALLEL_PARTS = Math.max(1, Math.min(2, availableParallelism()));

/** One part in a worker thread (src/integrations/pagefind-part.ts), hence in a Pagefind process of its own. */
async function indexPart(site: string, pages: readonly string[], outputPath: string): Promise<number> {
  const job: PartJob = { site, pages, outputPath };
  const result = await askWorker<PartResult>(new URL('./pagefind-part.ts', import.meta.url), job, 'the search index thread');
  if ('error' in result) throw new Error(result.error);
  return result.indexed;
}

async function dropUnusedFiles(bundle: string): Promise<void> {
  for (const entry of await readdir(bundle, { withFileTypes: true })) {
    if (entry.isFile() && isUnusedInMergedPart(entry.name)) await rm(path.join(bundle, entry.name));
  }
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'shiplog:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[PAGEFIND_ENV] === 'after') return;
        logger.info(`search index: ${await indexSite(fileURLToPath(dir))} pages`);
      },
    },
  };
}
