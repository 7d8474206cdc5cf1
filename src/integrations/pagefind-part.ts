/**
 * The worker thread that indexes one search part (src/integrations/pagefind.ts). The `pagefind`
 * package drives one Pagefind process per module instance, and that process handles one
 * request at a time: two parts in one process took longer than one after the other. A thread
 * has modules of its own, so each part gets a Pagefind process of its own and parts run side
 * by side, one per core.
 *
 * Only erasable TypeScript and no imports from this repository: the thread also starts inside
 * a plain `astro build` process, where Node strips the types itself and no loader is there.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';

export interface PartJob {
  site: string;
  /** Pages relative to the site, in path order. */
  pages: readonly string[];
  outputPath: string;
}

export type PartResult = { indexed: number } | { error: string };

/**
 * Pages handed to Pagefind at once, always in path order: Pagefind numbers pages in the order
 * they arrive, so pages read concurrently and sent as each read finished gave a different
 * index on every build.
 */
const ADD_BATCH = 16;

async function indexPart({ site, pages, outputPath }: PartJob): Promise<number> {
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

if (parentPort) {
  const port = parentPort;
  indexPart(workerData as PartJob).then(
    (indexed) => port.postMessage({ indexed } satisfies PartResult),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies PartResult),
  );
}
