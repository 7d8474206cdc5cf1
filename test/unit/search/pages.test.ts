/**
 * The pages Pagefind is given (src/model/search/pages.ts): every record page, none of the
 * pages derived from a record or the lists.
 */
import { describe, expect, it } from 'vitest';
import { isSearchPage } from '../../../src/model/search/pages.ts';

describe('search pages', () => {
  it('covers the record pages, at any depth where record ids nest', () => {
    for (const file of [
      'releases/payment-gateway/2.3.0-rc.1/index.html',
      'test-reports/payment-gateway-2.3.0-system/index.html',
      'test-reports/2024/q3/shop-uat/index.html',
      'retrospectives/shop-1.0.0/index.html',
      'retrospectives/2024/shop/index.html',
      'processes/standard/index.html',
      'services/shop/index.html',
    ]) expect(isSearchPage(file), file).toBe(true);
  });

  it('leaves out the derived pages, later pages of a list, the lists and other files', () => {
    for (const file of [
      'releases/shop/1.0.0/checklist/index.html',
      'releases/shop/1.0.0/notes/index.html',
      'releases/shop/1.0.0/notice/index.html',
      'releases/shop/1.0.0/baseline/index.html',
      'releases/shop/1.0.0/notice/notice.html',
      'releases/2/index.html',
      'releases/index.html',
      'services/shop/2/index.html',
      'index.html',
      'metrics/index.html',
      'search/index.html',
      'releases/shop/1.0.0/index.htm',
      'xreleases/shop/1.0.0/index.html',
    ]) expect(isSearchPage(file), file).toBe(false);
  });
});
