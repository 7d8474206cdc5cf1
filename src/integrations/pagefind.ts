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
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { isSearchPage } from '../model/search/pages.ts';
import { SEARCH_BUNDLE, SEARCH_PARTS_FILE, isUnusedInMergedPart, partBundlePath, partsManifest, searchPartPages, searchParts } from '../model/search/parts.ts';
import { listDist } from '../model/verify/verify.ts';

/** Set by `shiplog build` for its `astro build` process: Pagefind runs after it. */
export const PAGEFIND_ENV = 'SHIPLOG_PAGEFIND';

/**
 * Pages handed to Pagefind at once, always in path order: Pagefind numbers pages in the order
 * they arrive, so pages read concurrently and sent as each read finished gave a different
 * index on every build.
 */
const ADD_BATCH = 16;

/**
 * Writes `<site>/pagefind/` (with `parts.json` and, on a large site, `pagefind/part-2/`, …);
 * returns how many pages it indexed. Throws when Pagefind fails. `siteFiles` is the site's
 * listing (listDist) when the caller has it already: 92,000 files at 10,000 releases.
 */
export async function indexSite(site: string, perPart: number = searchPartPages(), siteFiles?: readonly string[]): Promise<number> {
  const parts = searchParts((siteFiles ?? (await listDist(site))).filter(isSearchPage), perPart);
  let indexed = 0;
  for (const [i, pages] of parts.entries()) {
    const output = path.join(site, partBundlePath(i));
    indexed += await indexPart(site, pages, output);
    if (i > 0) await dropUnusedFiles(output);
  }
  await writeFile(path.join(site, SEARCH_BUNDLE, SEARCH_PARTS_FILE), `${JSON.stringify(partsManifest(parts.length))}\n`);
  return indexed;
}

/** One part in a Pagefind process of its own, closed before the next part starts. */
async function indexPart(site: string, pages: readonly string[], outputPath: string): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    let indexed = 0;
    for (let start = 0; start < pages.length; start += ADD_BATCH) {
      const batch = pages.slice(start, start + ADD_BATCH);
      const contents = await Promise.all(batch.map((file) => readFile(path.join(site, file), 'utf8')));
      const added = await Promise.all(
        batch.map((file, i) => {
          const content = contents[i]!;
          // A page without the attribute (a list page under a search path) stays out, as it does
          // when Pagefind reads the folder itself and some page has the attribute. Sent alone in
          // a part, it would be indexed whole, navigation and all.
          if (!content.includes('data-pagefind-body')) return undefined;
          indexed += 1;
          return index.addHTMLFile({ sourcePath: file, content }).then((response) => ({ file, errors: response.errors }));
        }),
      );
      const failed = added.find((response) => response && response.errors.length > 0);
      if (failed) throw new Error(`Pagefind could not index ${failed.file}: ${failed.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return indexed;
  } finally {
    await close();
  }
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
