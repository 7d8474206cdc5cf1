/**
 * The search index in parts. Pagefind keeps every page it indexes in memory until it writes
 * the index: about 0.75 MB a release page in Chinese (its segmentation doubles the English
 * figure), so one index of a 10,000-release site peaked at 8 GiB, twice the whole build's
 * memory budget. Indexed in parts of at most SEARCH_PART_PAGES pages, each by a Pagefind
 * process of its own, the peak is that of one part; the search page merges the parts again
 * when it loads (Pagefind's `mergeIndex`), so a query still sees every page, and the filter
 * counts are summed across parts by Pagefind.
 *
 * A site with up to SEARCH_PART_PAGES search pages (the sample, a 1,000-release site) has
 * one part, `/pagefind/`, as before. The parts depend only on the sorted paths, so the same
 * dist gives the same parts (the build stays reproducible).
 */

/** Pages a part holds at most: the largest part of the 10,000-release bench peaked at 0.82 GiB. */
export const SEARCH_PART_PAGES = 2000;

/** Overrides SEARCH_PART_PAGES (tests build small sites in several parts with it). */
export const SEARCH_PART_PAGES_ENV = 'SHIPLOG_SEARCH_PART_PAGES';

/** The first part's bundle: also where Pagefind's UI and search engine are served from. */
export const SEARCH_BUNDLE = '/pagefind/';

/** The list of the other parts, in the first part's folder, read by the search page. */
export const SEARCH_PARTS_FILE = 'parts.json';

/** What SEARCH_PARTS_FILE holds: the bundle paths the search page merges into the first. */
export interface SearchPartsManifest {
  mergeIndex: string[];
}

/** Pages per part, from the environment or the default; throws on a value that is not a whole number ≥ 1. */
export function searchPartPages(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[SEARCH_PART_PAGES_ENV];
  if (raw === undefined || raw.trim() === '') return SEARCH_PART_PAGES;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${SEARCH_PART_PAGES_ENV} must be a whole number of pages, 1 or more; it is "${raw}"`);
  }
  return value;
}

/**
 * The search pages (dist-relative paths) dealt into parts of at most `perPart`: page i of the
 * sorted list goes to part i mod (number of parts). Dealt rather than cut in runs, each part
 * is a sample of the whole site: the merged search ranks results by each part's own scores,
 * which depend on how common a word is in that part, and a part of only test reports would
 * score a word rare among them above the same word in a release. Always at least one part,
 * so a site without a record page still gets `/pagefind/`.
 */
export function searchParts(pages: readonly string[], perPart: number): string[][] {
  const sorted = [...pages].sort();
  const count = Math.max(1, Math.ceil(sorted.length / perPart));
  const parts: string[][] = Array.from({ length: count }, () => []);
  sorted.forEach((page, i) => parts[i % count]!.push(page));
  return parts;
}

/** The URL path of part `index` (0-based): the first is SEARCH_BUNDLE, then `/pagefind/part-2/`, …. */
export function partBundlePath(index: number): string {
  return index === 0 ? SEARCH_BUNDLE : `${SEARCH_BUNDLE}part-${index + 1}/`;
}

/** The manifest of a site indexed in `partCount` parts. */
export function partsManifest(partCount: number): SearchPartsManifest {
  return { mergeIndex: Array.from({ length: Math.max(0, partCount - 1) }, (_, i) => partBundlePath(i + 1)) };
}

/**
 * Files of a later part's bundle that the merge never reads: Pagefind's UI scripts and styles
 * and its WebAssembly engine, which come from the first part. A merged index loads only its
 * entry, meta, index, fragment and filter files.
 */
export function isUnusedInMergedPart(file: string): boolean {
  return /\.(?:js|css)$/.test(file) || file.startsWith('wasm.');
}
