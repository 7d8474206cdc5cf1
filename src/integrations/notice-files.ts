/**
 * The notice files of every release (notes.md, notice.txt, baseline.html, …; paths in
 * src/model/notices/paths.ts). A build writes them into the site in `astro:build:done`, before
 * the verifier, which expects each one beside its notice page (src/model/notices/files.ts says
 * why outside Astro's routes). The dev server answers them from the loaded content, with the
 * same builder and renderers.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { releaseRef } from '../model/content.ts';
import { writeNoticeFiles } from '../model/notices/files.ts';
import { buildNotice, NOTICE_CONTENT_TYPES, noticeFileOf, renderNotice } from '../model/notices/index.ts';
import { portalContent } from '../portal/content.ts';

export function publishNoticeFiles(): AstroIntegration {
  return {
    name: 'shiplog:notice-files',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((request, response, next) => {
          const file = noticeFileOf(new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/$/, ''));
          if (!file) return next();
          portalContent()
            .then((content) => {
              const release = content.releaseByRef.get(releaseRef(file.service, file.version));
              if (!release) return next();
              response.setHeader('content-type', NOTICE_CONTENT_TYPES[file.format]);
              response.end(renderNotice(buildNotice(content, release, file.kind), file.format));
            })
            .catch((error: unknown) => {
              logger.error(`could not answer ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
              next(error);
            });
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const written = writeNoticeFiles(await portalContent(), fileURLToPath(dir));
        logger.info(`wrote ${written} notice file(s)`);
      },
    },
  };
}
