/**
 * The content snapshot `shiplog build` hands to the astro build process (src/model/snapshot.ts):
 * the same Content comes back — records, bodies, indexes, declared ids — with
 * `releaseByRef` holding the very records of `releases`, and source positions read again from
 * the files when asked for.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnyRecord, Content } from '../../../src/model/content.ts';
import { loadContent } from '../../../src/model/load.ts';
import { readSnapshot, writeSnapshot } from '../../../src/model/snapshot.ts';
import { FIXTURES, REPO } from '../helpers.ts';

const temp = await mkdtemp(path.join(os.tmpdir(), 'shiplog-snapshot-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

/** Everything of a Content except the source maps (functions), in comparable form. */
function plain(content: Content) {
  const strip = ({ source: _source, ...rest }: AnyRecord) => rest;
  return {
    root: content.root,
    site: content.site && strip(content.site),
    services: [...content.services.entries()].map(([id, r]) => [id, strip(r)]),
    processes: [...content.processes.entries()].map(([id, r]) => [id, strip(r)]),
    releases: content.releases.map(strip),
    releaseByRef: [...content.releaseByRef.keys()],
    testReports: content.testReports.map(strip),
    retrospectives: content.retrospectives.map(strip),
    declared: content.declared,
  };
}

describe.each([['the sample', path.join(REPO, 'content')], ['the valid fixture', path.join(FIXTURES, 'valid')]])('a snapshot of %s', (_name, root) => {
  it('reads back the same content', async () => {
    const { content, problems } = await loadContent(root);
    expect(problems).toEqual([]);
    const file = path.join(temp, `${path.basename(root)}.snapshot`);
    await writeSnapshot(content, file);
    const back = await readSnapshot(file);
    expect(plain(back)).toEqual(plain(content));
    for (const release of back.releaseByRef.values()) expect(back.releases).toContain(release);
    // Writing it left the loaded content whole.
    expect(content.releases.every((r) => typeof r.source.at === 'function')).toBe(true);
  });

  it('finds source positions in the files, as the loader did', async () => {
    const { content } = await loadContent(root);
    const file = path.join(temp, `${path.basename(root)}-positions.snapshot`);
    await writeSnapshot(content, file);
    const back = await readSnapshot(file);
    content.releases.forEach((release, i) => {
      const again = back.releases[i]!;
      expect(again.source.at(['status'])).toEqual(release.source.at(['status']));
      expect(again.source.keyAt(['people'], 'qa')).toEqual(release.source.keyAt(['people'], 'qa'));
      expect(again.source.sourceText(['version'])).toEqual(release.source.sourceText(['version']));
    });
  });
});
