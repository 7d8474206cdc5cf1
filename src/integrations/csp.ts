/**
 * The last touches to the Content-Security-Policy `<meta>` Astro's `security.csp` wrote into
 * every page (src/model/csp: moved to the top of `<head>`, `style-src` per page). Runs in
 * `astro:build:done` on the pages Astro generated, before the build verifier checks them
 * and before Pagefind indexes them. Pagefind's own files (/pagefind/, written later) are
 * scripts, styles and data loaded from the site, which `'self'` allows: they need no hash.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { finalizePolicy } from '../model/csp/page.ts';

export function cspFinalize(): AstroIntegration {
  return {
    name: 'shiplog:csp',
    hooks: {
      'astro:build:done': async ({ assets, logger }) => {
        let pages = 0;
        for (const urls of assets.values()) {
          for (const url of urls) {
            const file = fileURLToPath(url);
            if (!file.endsWith('.html')) continue;
            const html = await readFile(file, 'utf8');
            const final = finalizePolicy(html);
            if (final !== html) await writeFile(file, final);
            pages += 1;
          }
        }
        logger.info(`content security policy: ${pages} pages`);
      },
    },
  };
}
