/**
 * Fails the build when something was silently lost (spec: no silent loss): after Astro has
 * written the site, every record must have its page and every internal link — to a page, an
 * asset, an attachment, a `#fragment` of a page — must resolve in the output. Runs in
 * `astro:build:done` after the attachments are published and before Pagefind indexes the
 * pages (links into /pagefind/ are left to it). The logic lives in src/model/verify.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { portalContent } from '../portal/content.ts';
import { expectedPages, formatBuildProblem, routeFamilies, verifyDist } from '../model/verify/index.ts';

/** How many problems are printed before "… and N more". */
const SHOWN = 100;

export function verifyBuild(): AstroIntegration {
  let patterns: string[] = [];
  let base = '/';
  let site: string | undefined;
  return {
    name: 'shiplog:verify',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:routes:resolved': ({ routes }) => {
        patterns = routes.filter((route) => route.origin === 'project').map((route) => route.pattern);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const content = await portalContent();
        const expected = expectedPages(content, routeFamilies(patterns));
        const result = await verifyDist({
          dist: fileURLToPath(dir),
          expected,
          base,
          siteUrl: content.site?.data.baseUrl ?? site,
          generatedLater: ['/pagefind/'],
        });
        const { problems } = result;
        if (problems.length > 0) {
          for (const problem of problems.slice(0, SHOWN)) logger.error(formatBuildProblem(problem));
          if (problems.length > SHOWN) logger.error(`… and ${problems.length - SHOWN} more`);
          throw new Error(
            `the built site has ${problems.length} problem${problems.length === 1 ? '' : 's'} (listed above): ` +
              'a record without its page, or a link to a page, file or #anchor the build did not write',
          );
        }
        logger.info(`verified ${result.pages} pages (${expected.length} record pages) and ${result.links} internal links: every record has its page, every link resolves`);
      },
    },
  };
}
