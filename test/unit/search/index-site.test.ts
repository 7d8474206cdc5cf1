/**
 * indexSite with several parts indexed at once (src/integrations/pagefind.ts): every record
 * page lands in exactly one part, the count it returns is every page indexed, pages outside
 * the search paths or without `data-pagefind-body` stay out, and each part's index is the
 * same bytes whichever part finished first.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../../src/integrations/pagefind.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'shiplog-index-site-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (title: string, indexed = true): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>menu</nav>` +
  `<main${indexed ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${title} rollout notes</p></main></body></html>`;

/** A small built site: 7 record pages, one list page under a search path, one page elsewhere. */
function writeSite(dir: string): void {
  const files: Record<string, string> = {
    'releases/pay/1.0.0/index.html': page('alpha'),
    'releases/pay/1.1.0/index.html': page('bravo'),
    'releases/pay/1.2.0/index.html': page('charlie'),
    'releases/kyc/2.0.0/index.html': page('delta'),
    'test-reports/pay/1.0.0-r1/index.html': page('echo'),
    'retrospectives/2026/pay/index.html': page('foxtrot'),
    'services/pay/index.html': page('golf'),
    'test-reports/page/2/index.html': page('list of reports', false),
    'calendar/index.html': page('calendar'),
  };
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
}

const pageCount = (bundle: string): number => {
  const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);
};

const filesUnder = (dir: string): Map<string, string> =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file).toString('base64')];
      }),
  );

describe('indexSite', () => {
  it('indexes every record page once across parts indexed side by side, and nothing else', async () => {
    const site = path.join(scratch, 'a');
    writeSite(site);
    expect(await indexSite(site, 2)).toBe(7);
    const bundles = ['pagefind', 'pagefind/part-2', 'pagefind/part-3', 'pagefind/part-4'].map((p) => path.join(site, p));
    // 8 pages under search paths dealt into parts of 2; the list page among them is not indexed.
    const counts = bundles.map(pageCount);
    expect(counts.reduce((a, b) => a + b)).toBe(7);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(readFileSync(path.join(site, 'pagefind/parts.json'), 'utf8'))).toEqual({
      mergeIndex: ['/pagefind/part-2/', '/pagefind/part-3/', '/pagefind/part-4/'],
    });
    const indexedText = [...filesUnder(path.join(site, 'pagefind')).keys()].filter((f) => f.includes('fragment'));
    expect(indexedText).toHaveLength(7);
  }, 60_000);

  it('writes the same bytes on every run', async () => {
    const first = path.join(scratch, 'b1');
    const second = path.join(scratch, 'b2');
    writeSite(first);
    writeSite(second);
    await indexSite(first, 2);
    await indexSite(second, 2);
    const one = filesUnder(path.join(first, 'pagefind'));
    expect(one.size).toBeGreaterThan(10);
    expect(filesUnder(path.join(second, 'pagefind'))).toEqual(one);
  }, 60_000);
});
