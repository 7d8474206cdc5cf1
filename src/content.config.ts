/**
 * Astro's collections over the same content folder and the same schemas. They exist to
 * render Markdown/MDX bodies; the records' data comes from src/model, which validated the
 * folder before Astro ran, and is not kept in Astro's store (src/portal/bodies-only.ts). The
 * schemas here are a second line of defence only.
 * Ids are the file paths (Astro's default slugs drop dots: v1.2.0 -> v120).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { processSchema, releaseSchema, retrospectiveSchema, testReportSchema } from './schema/index.ts';
import { resolveContentRoot } from './model/source/files.ts';
import { bodiesOnly } from './portal/bodies-only.ts';

const root = resolveContentRoot();

function records(folder: string) {
  return bodiesOnly(glob({
    base: path.join(root, folder),
    pattern: ['**/*.{md,mdx}', '!**/_*', '!**/_*/**', '!**/.*'],
    generateId: ({ entry }) => entry,
    // The pages render bodies (entry.rendered / MDX modules) and read data from src/model;
    // nobody reads entry.body, which would be a fifth of Astro's data store.
    retainBody: false,
  }));
}

export const collections = {
  releases: defineCollection({ loader: records('releases'), schema: releaseSchema }),
  processes: defineCollection({ loader: records('processes'), schema: processSchema }),
  testReports: defineCollection({ loader: records('test-reports'), schema: testReportSchema }),
  retrospectives: defineCollection({ loader: records('retrospectives'), schema: retrospectiveSchema }),
};
