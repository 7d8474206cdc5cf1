/**
 * The validated content for the pages of one build. Loaded once per build process (every
 * page awaits the same promise); a folder with problems fails the build here too, so
 * `astro build` or `astro dev` run directly still never render broken records.
 */
import { loadContent } from '../model/load.ts';
import type { Content } from '../model/content.ts';
import { formatProblem } from '../model/problem.ts';
import { resolveContentRoot } from '../model/source/files.ts';

let loading: Promise<Content> | undefined;

export function portalContent(): Promise<Content> {
  loading ??= loadContent(resolveContentRoot()).then(({ content, problems }) => {
    if (problems.length > 0) {
      const list = problems.slice(0, 50).map(formatProblem).join('\n');
      throw new Error(`the content folder has ${problems.length} problem(s); run npm run check\n${list}`);
    }
    return content;
  });
  return loading;
}

/** The collection entry id of a record file (`releases/a/b.md` -> `a/b.md`). */
export function entryId(file: string): string {
  return file.slice(file.indexOf('/') + 1);
}

/** Static paths of the pages that exist once per release (`/releases/<service>/<version>/…`). */
export async function releaseStaticPaths() {
  const content = await portalContent();
  return [...content.releaseByRef.values()].map((release) => ({
    params: { service: release.data.service, version: release.data.version },
    props: { ref: release.ref },
  }));
}
