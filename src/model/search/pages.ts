/**
 * The pages Pagefind reads. Only record pages carry `data-pagefind-body` (Base.astro's
 * `indexed`), but handed the whole site Pagefind parses every page to find that out: the
 * derived pages (run sheet, notes, notice, baseline) and the lists are four fifths of them.
 * Given just these paths it builds the same index (same hash on a 1,000-release site) in
 * half the time; src/integrations/pagefind.ts hands it the files these patterns match. The
 * build verifier fails a page that carries `data-pagefind-body` outside these paths, so a
 * new indexed page type cannot silently drop out of search.
 */

/** Dist-relative paths, with `*` (one path segment) and `**` (any number of segments). */
export const SEARCH_PAGE_PATTERNS = [
  'releases/*/*/index.html',
  'test-reports/**/index.html',
  'retrospectives/**/index.html',
  'processes/*/index.html',
  'services/*/index.html',
] as const;

// A pattern as a regular expression: `*` is `[^/]*`, a `**` segment any number of segments.
function patternSource(pattern: string): string {
  const segments = pattern.split('/');
  return segments
    .map((segment, i) => {
      if (segment === '**') return '(?:[^/]+/)*';
      const literal = segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
      return i === segments.length - 1 ? literal : `${literal}/`;
    })
    .join('');
}

const SEARCH_PAGE = new RegExp(`^(?:${SEARCH_PAGE_PATTERNS.map(patternSource).join('|')})$`);

/** Whether Pagefind reads the page at this dist-relative path. */
export function isSearchPage(file: string): boolean {
  return SEARCH_PAGE.test(file);
}
