/**
 * A link check over every HTML page of both builds: each internal link, stylesheet, script
 * and image resolves to a file of dist/, and each #anchor to an id on its target page.
 * Static files only, no browser: the same thing a crawler of the published portal sees.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, inject, it } from 'vitest';
import { SITES, type SiteName } from './build-sites.ts';

async function htmlFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path.relative(root, full) !== 'pagefind') out.push(...(await htmlFiles(full, root)));
    } else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

/** The URL path a file is served at (`releases/a/1.0/index.html` -> `/releases/a/1.0/`). */
const pageUrl = (dist: string, file: string) => `/${path.relative(dist, file).split(path.sep).join('/')}`.replace(/index\.html$/, '');

async function resolveFile(dist: string, pathname: string): Promise<string | undefined> {
  const target = path.join(dist, decodeURIComponent(pathname));
  if (!target.startsWith(dist)) return undefined;
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile()) return target;
  if (info?.isDirectory() && pathname.endsWith('/')) {
    const index = path.join(target, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

describe.each(Object.keys(SITES) as SiteName[])('links of the %s build', (name) => {
  const dist = inject(`site:${name}`);

  // Parses every HTML file of the build (~200 on the sample with the notice pages and e-mail bodies): slow under load.
  it('every internal link and anchor resolves', { timeout: 180_000 }, async () => {
    const files = await htmlFiles(dist);
    expect(files.length).toBeGreaterThan(10);
    const ids = new Map<string, Set<string>>();
    const idsOf = async (file: string) => {
      let set = ids.get(file);
      if (!set) {
        const doc = new JSDOM(await readFile(file, 'utf8')).window.document;
        set = new Set([...doc.querySelectorAll('[id]')].map((el) => el.id));
        ids.set(file, set);
      }
      return set;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      const from = pageUrl(dist, file);
      const doc = new JSDOM(await readFile(file, 'utf8')).window.document;
      ids.set(file, new Set([...doc.querySelectorAll('[id]')].map((el) => el.id)));
      const refs = [
        ...[...doc.querySelectorAll('a[href], link[href]')].map((el) => el.getAttribute('href')!),
        ...[...doc.querySelectorAll('script[src], img[src]')].map((el) => el.getAttribute('src')!),
      ];
      for (const ref of refs) {
        const url = new URL(ref, `http://portal${from}`);
        if (url.host !== 'portal') continue; // external: http(s) links to Zentao, Grafana, git …
        checked += 1;
        const target = await resolveFile(dist, url.pathname);
        if (!target) {
          broken.push(`${from}: ${ref} (no such file)`);
          continue;
        }
        if (url.hash && url.hash !== '#') {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!(await idsOf(target)).has(id)) broken.push(`${from}: ${ref} (no id "${id}" on ${url.pathname})`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(files.length);
  });

  it('has a page for every list a record links to', async () => {
    for (const page of ['index.html', '404.html', 'releases/index.html', 'services/index.html', 'processes/index.html', 'calendar/index.html', 'test-reports/index.html', 'retrospectives/index.html', 'search/index.html']) {
      expect((await stat(path.join(dist, page))).isFile(), page).toBe(true);
    }
  });
});
