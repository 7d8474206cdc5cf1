/**
 * Finding the content folder's files and confining every path to it. Names that start
 * with `_` (drafts, partials) or `.` are skipped at any depth; nothing outside the folder
 * is ever read, including through symbolic links.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const RECORD_FOLDERS = ['services', 'processes', 'releases', 'test-reports', 'retrospectives', 'attachments'] as const;
export type RecordFolder = (typeof RECORD_FOLDERS)[number];

export const isIgnoredName = (name: string): boolean => name.startsWith('_') || name.startsWith('.');

export function resolveContentRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const configured = env['SHIPLOG_CONTENT'];
  return path.resolve(cwd, configured && configured.trim() !== '' ? configured : 'content');
}

export const toPosix = (p: string): string => p.split(path.sep).join('/');

/** Every file below `dir` (relative to `root`, posix), skipping ignored names and links that leave the root. */
export async function listFiles(root: string, dir: string): Promise<{ files: string[]; outside: string[] }> {
  const files: string[] = [];
  const outside: string[] = [];
  const rootReal = await realpath(root);
  const visit = async (abs: string): Promise<void> => {
    const entries = await readdir(abs, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const child = path.join(abs, entry.name);
      const rel = toPosix(path.relative(root, child));
      if (entry.isSymbolicLink()) {
        const target = await realpath(child).catch(() => undefined);
        if (!target || !isInside(rootReal, target)) {
          outside.push(rel);
          continue;
        }
        const info = await stat(child);
        if (info.isDirectory()) await visit(child);
        else if (info.isFile()) files.push(rel);
      } else if (entry.isDirectory()) {
        await visit(child);
      } else if (entry.isFile()) {
        files.push(rel);
      }
    }
  };
  await visit(path.join(root, dir));
  return { files, outside };
}

export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const realRoots = new Map<string, string>();
/** The root's real path, once per root: records check thousands of paths against it. */
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync.native(root);
    realRoots.set(root, real);
  }
  return real;
}

export type FileCheck = { ok: true; absolute: string; size: number } | { ok: false; message: string };

/** A path written in a record: relative to the root, inside it (links resolved), an existing file. */
export async function checkContentFile(root: string, written: string): Promise<FileCheck> {
  if (path.isAbsolute(written) || /^[A-Za-z]:[\\/]/.test(written)) {
    return { ok: false, message: `${written} is absolute: write it relative to the content folder` };
  }
  const absolute = path.resolve(root, written);
  if (!isInside(root, absolute)) return { ok: false, message: `${written} leaves the content folder` };
  // Synchronous, as readRecord: thousands of attachments are checked one after the other.
  // realpath.native is one system call; the JavaScript realpath lstat()s every path component.
  let real: string | undefined;
  try {
    real = realpathSync.native(absolute);
  } catch {
    // Missing, or a link whose target is missing (which can only be reported as leaving the folder).
    if (!lstatSync(absolute, { throwIfNoEntry: false })) return { ok: false, message: `file ${written} does not exist` };
  }
  if (!real || !isInside(realRoot(root), real)) return { ok: false, message: `${written} links outside the content folder` };
  const target = statSync(real);
  if (!target.isFile()) return { ok: false, message: `${written} is not a file` };
  return { ok: true, absolute: real, size: target.size };
}
