/**
 * Indexes the built pages with Pagefind (after Starlight's integrations/pagefind.ts). Pages
 * opt in with `data-pagefind-body`, and Pagefind reads only the paths where they live
 * (src/model/search/pages.ts); the language comes from `<html lang>`, which Pagefind
 * needs to segment Chinese.
 *
 * `shiplog build` indexes the site itself once the `astro build` process has exited, so the
 * Pagefind process never runs while Astro's memory is still held (the two together were the
 * build's peak): it sets SHIPLOG_PAGEFIND=after for that process and calls indexSite(). Run
 * directly (`astro build`), the integration indexes in `astro:build:done`.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { SEARCH_PAGES_GLOB } from '../model/search/pages.ts';

/** Set by `shiplog build` for its `astro build` process: Pagefind runs after it. */
export const PAGEFIND_ENV = 'SHIPLOG_PAGEFIND';

/** Writes `<site>/pagefind/`; returns how many pages it indexed. Throws when Pagefind fails. */
export async function indexSite(site: string): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Only the record pages: see src/model/search/pages.ts (the verifier holds the other pages to that).
    const added = await index.addDirectory({ path: site, glob: SEARCH_PAGES_GLOB });
    if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
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
