/** Test helpers: fixture folders copied to a temp dir and patched, so each test changes one thing. */
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problem.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures');

const tempFolders: string[] = [];

/** A fresh folder in the system's temp dir, removed after the test file (`removeTempFolders`, run by test/unit/cleanup.ts). */
export async function tempFolder(prefix = 'shiplog-'): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  tempFolders.push(folder);
  return folder;
}

/**
 * Copies `test/fixtures/<base>` to a fresh temp folder (removed after the test file) and
 * applies `patch`: a string writes the file, null deletes it.
 */
export async function fixtureCopy(base: string, patch: Record<string, string | null> = {}): Promise<string> {
  const root = await tempFolder();
  await cp(path.join(FIXTURES, base), root, { recursive: true });
  for (const [file, text] of Object.entries(patch)) {
    const target = path.join(root, file);
    if (text === null) await rm(target, { recursive: true, force: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  }
  return root;
}

/** Removes every folder `tempFolder` (and so `fixtureCopy`) made so far: a unit run left ~50 in /tmp. */
export async function removeTempFolders(): Promise<void> {
  const done = tempFolders.splice(0);
  await Promise.all(done.map((root) => rm(root, { recursive: true, force: true })));
}

/** The problems of a folder as printed by `npm run check` (paths relative to the folder). */
export async function problemsOf(root: string): Promise<string[]> {
  const { problems } = await loadContent(root);
  return problems.map(formatProblem);
}

/** A release file in the `valid` fixture's style, with `fields` replacing the frontmatter. */
export function record(fields: string, body = 'Body.\n'): string {
  return `---\n${fields.trim()}\n---\n${body}`;
}
