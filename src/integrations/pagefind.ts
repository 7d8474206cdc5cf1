/**
 * Indexes the built pages with Pagefind when Astro has written dist/ (after Starlight's
 * integrations/pagefind.ts). Pages opt in with `data-pagefind-body`; the language comes
 * from `<html lang>`, which Pagefind needs to segment Chinese.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'shiplog:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        logger.info(`search index: ${added.page_count} pages`);
        await close();
      },
    },
  };
}
