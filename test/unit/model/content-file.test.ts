/**
 * Paths written in records (DB scripts, JUnit files, images) are confined to the content
 * folder: what a record may point at, and the message an author sees when it may not.
 */
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentFile } from '../../../src/model/source/files.ts';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'shiplog-paths-'));
  root = path.join(base, 'content');
  await mkdir(path.join(root, 'attachments/shop'), { recursive: true });
  await writeFile(path.join(root, 'attachments/shop/001.sql'), 'select 1;');
  await writeFile(path.join(base, 'secret.txt'), 'outside');
  await symlink(path.join(root, 'attachments/shop/001.sql'), path.join(root, 'attachments/inside-link.sql'));
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'attachments/outside-link.sql'));
  await symlink(path.join(root, 'attachments/gone.sql'), path.join(root, 'attachments/dangling.sql'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('checkContentFile', () => {
  it('accepts a file in the folder, and a link to one, giving the real path and the size of the file', async () => {
    const real = await realpath(path.join(root, 'attachments/shop/001.sql'));
    const size = 'select 1;'.length;
    expect(await checkContentFile(root, 'attachments/shop/001.sql')).toEqual({ ok: true, absolute: real, size });
    expect(await checkContentFile(root, 'attachments/inside-link.sql')).toEqual({ ok: true, absolute: real, size });
  });

  it('names what is wrong with a path it refuses', async () => {
    const message = async (written: string) => {
      const check = await checkContentFile(root, written);
      return check.ok ? 'ok' : check.message;
    };
    expect(await message('attachments/shop/002.sql')).toBe('file attachments/shop/002.sql does not exist');
    expect(await message('attachments/outside-link.sql')).toBe('attachments/outside-link.sql links outside the content folder');
    expect(await message('attachments/dangling.sql')).toBe('attachments/dangling.sql links outside the content folder');
    expect(await message('../secret.txt')).toBe('../secret.txt leaves the content folder');
    expect(await message('/etc/passwd')).toBe('/etc/passwd is absolute: write it relative to the content folder');
    expect(await message('attachments/shop')).toBe('attachments/shop is not a file');
  });
});
