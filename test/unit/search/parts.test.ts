/**
 * The search index in parts (src/model/search/parts.ts): how the pages are cut, the list the
 * search page merges, and the setting that sizes the parts.
 */
import { describe, expect, it } from 'vitest';
import {
  SEARCH_PART_PAGES,
  SEARCH_PART_PAGES_ENV,
  isUnusedInMergedPart,
  partBundlePath,
  partsManifest,
  searchPartPages,
  searchParts,
} from '../../../src/model/search/parts.ts';

const page = (i: number) => `releases/svc-${String(i).padStart(3, '0')}/1.0.0/index.html`;

describe('searchParts', () => {
  it('deals the sorted pages into as few parts as hold them, every page once', () => {
    const pages = Array.from({ length: 25 }, (_, i) => page(i)).reverse();
    const parts = searchParts(pages, 10);
    expect(parts.map((part) => part.length)).toEqual([9, 8, 8]);
    expect(parts.flat().sort()).toEqual([...pages].sort());
    expect(parts[0]!.slice(0, 3)).toEqual([page(0), page(3), page(6)]);
    expect(parts[2]!.at(-1)).toBe(page(23));
  });

  it('mixes the kinds of record in every part, so each part scores words like the whole site', () => {
    const pages = [
      ...Array.from({ length: 40 }, (_, i) => `releases/svc/1.${i}.0/index.html`),
      ...Array.from({ length: 40 }, (_, i) => `test-reports/svc/1.${i}.0-system-r1/index.html`),
    ];
    for (const part of searchParts(pages, 20)) {
      expect(part.filter((file) => file.startsWith('releases/')).length).toBe(10);
      expect(part.filter((file) => file.startsWith('test-reports/')).length).toBe(10);
    }
  });

  it('gives the same parts whatever order the folder listing came in', () => {
    const pages = ['test-reports/a/index.html', 'releases/b/1.0/index.html', 'processes/c/index.html', 'services/d/index.html'];
    expect(searchParts(pages, 2)).toEqual(searchParts([...pages].reverse(), 2));
    expect(searchParts(pages, 2)).toEqual([
      ['processes/c/index.html', 'services/d/index.html'],
      ['releases/b/1.0/index.html', 'test-reports/a/index.html'],
    ]);
  });

  it('keeps a site up to one part size in one part, and a site without record pages in one empty part', () => {
    expect(searchParts([page(1), page(2)], 2)).toEqual([[page(1), page(2)]]);
    expect(searchParts([], SEARCH_PART_PAGES)).toEqual([[]]);
  });
});

describe('part bundles and the list the search page merges', () => {
  it('serves the first part from /pagefind/ and the next ones beside it', () => {
    expect(partBundlePath(0)).toBe('/pagefind/');
    expect(partBundlePath(1)).toBe('/pagefind/part-2/');
    expect(partBundlePath(9)).toBe('/pagefind/part-10/');
  });

  it('lists every part but the first, which the UI loads itself', () => {
    expect(partsManifest(1)).toEqual({ mergeIndex: [] });
    expect(partsManifest(3)).toEqual({ mergeIndex: ['/pagefind/part-2/', '/pagefind/part-3/'] });
  });

  it('drops from a merged part only the UI and engine files the first part serves', () => {
    for (const file of ['pagefind.js', 'pagefind-component-ui.js', 'pagefind-worker.js', 'pagefind-ui.css', 'wasm.unknown.pagefind', 'wasm.zh-cn.pagefind']) {
      expect(isUnusedInMergedPart(file), file).toBe(true);
    }
    for (const file of ['pagefind-entry.json', 'pagefind.zh-cn_2e41218086286.pf_meta']) {
      expect(isUnusedInMergedPart(file), file).toBe(false);
    }
  });
});

describe(SEARCH_PART_PAGES_ENV, () => {
  it('defaults to SEARCH_PART_PAGES when unset or empty', () => {
    expect(searchPartPages({})).toBe(SEARCH_PART_PAGES);
    expect(searchPartPages({ [SEARCH_PART_PAGES_ENV]: ' ' })).toBe(SEARCH_PART_PAGES);
  });

  it('takes a whole number of pages', () => {
    expect(searchPartPages({ [SEARCH_PART_PAGES_ENV]: '500' })).toBe(500);
  });

  it.each(['0', '-3', '2.5', 'many', '1e400'])('refuses %s with a message naming the setting and the value', (value) => {
    expect(() => searchPartPages({ [SEARCH_PART_PAGES_ENV]: value })).toThrow(`${SEARCH_PART_PAGES_ENV} must be a whole number of pages, 1 or more; it is "${value}"`);
  });
});
