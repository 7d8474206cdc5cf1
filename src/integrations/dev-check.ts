/**
 * The dev loop (`npm run dev`): watches the content folder and, on every save, validates it
 * again with the same model and prints the problems exactly as `npm run check` does. A folder
 * with problems shows them on the page too, in Vite's error overlay; once it is clean again the
 * browser reloads with the new content — no restart.
 *
 * The portal memoizes the loaded content per process (src/portal/content.ts), so after a change
 * the integration forgets it and reloads that module in the dev server's module graph: the next
 * request loads the folder afresh. Only `astro dev` runs this; builds are checked by `npm run build`.
 *
 * For the editor side of the same loop, `astro dev` and `astro sync` also turn on Astro's
 * content Intellisense (experimental.contentIntellisense): it writes
 * `.astro/collections/collections.json`, with which the Astro VS Code extension completes,
 * explains and validates the frontmatter of records (setting `astro.content-intellisense`).
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import { runCheck } from '../cli/check.ts';
import type { Problem } from '../model/problem.ts';
import { formatProblem } from '../model/problem.ts';
import { forgetPortalContent } from '../portal/content.ts';
import { isInside, resolveContentRoot } from '../model/source/files.ts';

/** The module that memoizes the content for the pages; reloading it makes them read the folder again. */
const PORTAL_CONTENT = fileURLToPath(new URL('../portal/content.ts', import.meta.url));
const SETTLE_MS = 150;

export function devCheck(): AstroIntegration {
  return {
    name: 'shiplog:dev-check',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'dev' || command === 'sync') updateConfig({ experimental: { contentIntellisense: true } });
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = resolveContentRoot();
        let timer: NodeJS.Timeout | undefined;
        let running: Promise<void> = Promise.resolve();

        const revalidate = () => {
          running = running
            .then(async () => {
              const { result } = await runCheck(root);
              await reloadPortalContent(server);
              if (result.problems.length > 0) showOverlay(server, root, result.problems);
              else server.environments.client.hot.send({ type: 'full-reload', path: '*' });
            })
            // A failure here is Shiplog's bug, not the content's: say so and keep watching.
            .catch((error: unknown) => logger.error(`could not re-check the content folder: ${error instanceof Error ? error.message : String(error)}`));
        };

        server.watcher.add(root);
        server.watcher.on('all', (_event, file) => {
          if (!isInside(root, path.resolve(file))) return;
          clearTimeout(timer); // an editor's save is often several events
          timer = setTimeout(revalidate, SETTLE_MS);
        });
      },
    },
  };
}

/** Makes the next page request load the content folder afresh. */
async function reloadPortalContent(server: ViteDevServer): Promise<void> {
  forgetPortalContent();
  for (const environment of Object.values(server.environments)) {
    for (const module of environment.moduleGraph.getModulesByFile(PORTAL_CONTENT) ?? []) {
      await environment.reloadModule(module);
    }
  }
}

/** Vite's error overlay in the browser, listing every problem (the page itself would show only the first). */
function showOverlay(server: ViteDevServer, root: string, problems: readonly Problem[]): void {
  const first = problems[0]!;
  server.environments.client.hot.send({
    type: 'error',
    err: {
      message: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the content folder (npm run check prints the same)`,
      stack: problems.map(formatProblem).join('\n'),
      id: path.join(root, first.file),
      loc: { file: path.join(root, first.file), line: first.line, column: first.column },
      plugin: 'shiplog:dev-check',
    },
  });
}
