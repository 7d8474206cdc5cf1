/**
 * The notice files a build writes beside each release's notice pages: nine per release, each
 * the message rendered in its form, at the path the pages link to (decoded as Astro writes
 * params, so `1.5.0-beta.1` and `+build` versions land in their own folder).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/model/load.ts';
import { writeNoticeFiles } from '../../../src/model/notices/files.ts';
import { buildNotice, NOTICE_FORMATS, NOTICE_KINDS, noticeFileOf, noticeFilePath, renderNotice } from '../../../src/model/notices/index.ts';
import { REPO, tempFolder } from '../helpers.ts';

const { content, problems } = await loadContent(path.join(REPO, 'content'));

describe('writeNoticeFiles', () => {
  it('writes the three forms of the three messages of every release, as renderNotice gives them', async () => {
    expect(problems).toEqual([]);
    const out = await tempFolder('shiplog-notices-');
    const written = writeNoticeFiles(content, out);
    expect(written).toBe(content.releaseByRef.size * 9);
    for (const release of content.releaseByRef.values()) {
      const { service, version } = release.data;
      for (const kind of NOTICE_KINDS) {
        const doc = buildNotice(content, release, kind);
        for (const format of NOTICE_FORMATS) {
          const file = path.join(out, decodeURIComponent(noticeFilePath(service, version, kind, format)));
          expect(await readFile(file, 'utf8')).toBe(renderNotice(doc, format));
        }
      }
    }
  });

  it('writes a version with build metadata under its decoded folder name', async () => {
    const [ref, release] = [...content.releaseByRef.entries()][0]!;
    const plus = { ...content, releaseByRef: new Map([[ref, { ...release, data: { ...release.data, version: '3.0.0+build.7' } }]]) };
    const out = await tempFolder('shiplog-notices-');
    expect(writeNoticeFiles(plus, out)).toBe(9);
    const folder = path.join(out, 'releases', release.data.service, '3.0.0+build.7');
    expect((await readdir(folder)).sort()).toEqual(['baseline', 'notes', 'notice']);
    expect((await readdir(path.join(folder, 'notice'))).sort()).toEqual(['notice.html', 'notice.md', 'notice.txt']);
  });
});

describe('noticeFileOf (the dev server answers notice files by it)', () => {
  it('reads back every path noticeFilePath writes, special characters included', () => {
    for (const version of ['2.4.0', '1.5.0-beta.1', '3.0.0+build.7']) {
      for (const kind of NOTICE_KINDS) {
        for (const format of NOTICE_FORMATS) expect(noticeFileOf(noticeFilePath('pay gate', version, kind, format))).toEqual({ service: 'pay gate', version, kind, format });
      }
    }
  });

  it('names no file for pages, other files, a file in the wrong folder or a broken escape', () => {
    for (const pathname of ['/releases/shop/1.0.0/notes/', '/releases/shop/1.0.0/notes/notes.pdf', '/releases/shop/1.0.0/notice/notes.md', '/releases/shop/1.0.0/checklist/checklist.md', '/releases/shop/%E0%A4%A/notes/notes.md', '/releases/shop/notes/notes.md']) {
      expect(noticeFileOf(pathname)).toBeUndefined();
    }
  });
});
