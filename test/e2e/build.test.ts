/** The build on two content folders: one page per release, attachments published, a search index. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { REPO } from '../unit/helpers.ts';
import { SITES, type SiteName } from './build-sites.ts';

async function releasePages(dist: string): Promise<string[]> {
  const pages: string[] = [];
  const root = path.join(dist, 'releases');
  for (const service of await readdir(root, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    for (const version of await readdir(path.join(root, service.name))) {
      if ((await stat(path.join(root, service.name, version, 'index.html')).catch(() => undefined))?.isFile()) pages.push(`${service.name}@${version}`);
    }
  }
  return pages.sort();
}

describe.each(Object.keys(SITES) as SiteName[])('the %s build', (name) => {
  const dist = inject(`site:${name}`);

  it('has one page per release of its content folder', async () => {
    const { content, problems } = await loadContent(path.join(REPO, SITES[name]));
    expect(problems).toEqual([]);
    const refs = [...content.releaseByRef.keys()].sort();
    expect(refs.length).toBeGreaterThan(0);
    expect(await releasePages(dist)).toEqual(refs);
  });

  it('publishes the DB scripts that records link to', async () => {
    const { content } = await loadContent(path.join(REPO, SITES[name]));
    const scripts = [...content.releaseByRef.values()].flatMap((r) => r.data.plan?.dbScripts.map((s) => s.file) ?? []);
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      expect(await readFile(path.join(dist, file), 'utf8')).toBe(await readFile(path.join(REPO, SITES[name], file), 'utf8'));
    }
  });

  it('writes a Pagefind index', async () => {
    expect((await stat(path.join(dist, 'pagefind', 'pagefind.js'))).isFile()).toBe(true);
  });

  it('logs no MDX module-directive noise', () => {
    expect(inject(`log:${name}`)).not.toContain('MODULE_LEVEL_DIRECTIVE');
  });
});
