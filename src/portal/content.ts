/**
 * The validated content for the pages of one build, loaded once per build process: every
 * page, and the integrations that publish attachments and verify the output, await the same
 * promise. It is kept on `globalThis` because Astro evaluates the integrations (through its
 * config loader) and the pages (through the prerender bundle) as separate copies of this
 * module in one process. `shiplog build` has already loaded and checked the folder: it hands
 * the result over as a snapshot (src/model/snapshot.ts, path in SHIPLOG_CONTENT_SNAPSHOT), so
 * the Astro process does not read the folder again. Run directly (`astro build`, `astro dev`),
 * the folder is loaded here, and a folder with problems fails the build too, so broken
 * records are never rendered.
 */
import { loadContent } from '../model/load.ts';
import type { Content } from '../model/content.ts';
import { formatProblem } from '../model/problem.ts';
import { readSnapshot } from '../model/snapshot.ts';
import { resolveContentRoot } from '../model/source/files.ts';

/** Set by `shiplog build` for the `astro build` it starts: the snapshot of the checked content. */
export const SNAPSHOT_ENV = 'SHIPLOG_CONTENT_SNAPSHOT';

const SHARED = Symbol.for('shiplog.portalContent');
type Holder = { [SHARED]?: { root: string; content: Promise<Content> } };

export function portalContent(): Promise<Content> {
  const root = resolveContentRoot();
  const holder = globalThis as Holder;
  const shared = holder[SHARED];
  if (shared?.root === root) return shared.content;
  const content = readContent(root);
  holder[SHARED] = { root, content };
  return content;
}

/** Makes the next portalContent() read the folder again (the dev server, after a change). */
export function forgetPortalContent(): void {
  delete (globalThis as Holder)[SHARED];
}

async function readContent(root: string): Promise<Content> {
  const snapshot = process.env[SNAPSHOT_ENV];
  if (snapshot) {
    const content = await readSnapshot(snapshot);
    if (content.root === root) return content;
  }
  const { content, problems } = await loadContent(root);
  if (problems.length > 0) {
    const list = problems.slice(0, 50).map(formatProblem).join('\n');
    throw new Error(`the content folder has ${problems.length} problem(s); run npm run check\n${list}`);
  }
  return content;
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
