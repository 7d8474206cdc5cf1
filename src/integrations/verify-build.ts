/**
 * Fails the build when something was silently lost (spec: no silent loss): after Astro has
 * written the site, every record must have its page and every internal link — to a page, an
 * asset, an attachment, a `#fragment` of a page — must resolve in the output, and with
 * `security.csp` on, every page Astro generated must carry a sound Content-Security-Policy
 * (src/model/csp). Runs in `astro:build:done` after the attachments are published and the
 * policy was finished as each page was rendered (src/middleware.ts), before Pagefind indexes the pages (links into
 * /pagefind/ are left to it). The logic lives in src/model/verify.
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portalContent } from '../portal/content.ts';
import { isSearchPage } from '../model/search/pages.ts';
import { expectedPages, formatBuildProblem, routeFamilies, verifyDist } from '../model/verify/index.ts';

/** How many problems are printed before "… and N more". */
const SHOWN = 100;

export function verifyBuild(): AstroIntegration {
  let patterns: string[] = [];
  // Endpoints write files, not pages (feeds, JSON, calendars): the page policy does not apply to
  // them. Nor to the notice files (notes.html is an e-mail body, with the inline styles mail
  // clients need): src/integrations/notice-files.ts writes them, so they are not in `assets`.
  let endpoints = new Set<string>();
  let base = '/';
  let site: string | undefined;
  let csp = false;
  return {
    name: 'shiplog:verify',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
        csp = (config.security?.csp ?? false) !== false;
      },
      'astro:routes:resolved': ({ routes }) => {
        patterns = routes.filter((route) => route.origin === 'project').map((route) => route.pattern);
        endpoints = new Set(routes.filter((route) => route.type === 'endpoint').map((route) => route.pattern));
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const dist = fileURLToPath(dir);
        // Astro's pages carry the Content-Security-Policy (security.csp): check it on each.
        const cspPages = new Set<string>();
        if (csp) {
          for (const [route, urls] of assets) {
            if (endpoints.has(route)) continue;
            for (const url of urls) {
              const file = path.relative(dist, fileURLToPath(url)).split(path.sep).join('/');
              if (file.endsWith('.html')) cspPages.add(file);
            }
          }
        }
        const content = await portalContent();
        const expected = expectedPages(content, routeFamilies(patterns));
        const result = await verifyDist({
          dist,
          expected,
          base,
          siteUrl: content.site?.data.baseUrl ?? site,
          generatedLater: ['/pagefind/'],
          cspPages,
          searchPages: isSearchPage,
        });
        const { problems } = result;
        if (problems.length > 0) {
          for (const problem of problems.slice(0, SHOWN)) logger.error(formatBuildProblem(problem));
          if (problems.length > SHOWN) logger.error(`… and ${problems.length - SHOWN} more`);
          throw new Error(
            `the built site has ${problems.length} problem${problems.length === 1 ? '' : 's'} (listed above): ` +
              (csp
                ? 'a record without its page, a link to a page, file or #anchor the build did not write, or a page whose Content-Security-Policy is missing, loose, or would block the page itself'
                : 'a record without its page, or a link to a page, file or #anchor the build did not write'),
          );
        }
        logger.info(`verified ${result.pages} pages (${expected.length} record pages${result.threads > 1 ? `, read by ${result.threads} threads` : ''}) and ${result.links} internal links: every record has its page, every link resolves${csp ? `, every page has its content security policy` : ''}`);
      },
    },
  };
}
