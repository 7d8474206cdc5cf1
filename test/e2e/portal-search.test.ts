/**
 * Search in a real browser: Pagefind's UI from the build output, a Chinese query on the
 * sample (segmented because <html lang="zh-CN">), an English query on the `en` fixture,
 * the header's plain GET form, and the filters indexed from record pages. The sample's index
 * is built in parts (build-sites.ts), so its tests search merged parts; the fixture's is one.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { isSearchPage } from '../../src/model/search/pages.ts';
import { SEARCH_PARTS_FILE, partBundlePath, searchParts, type SearchPartsManifest } from '../../src/model/search/parts.ts';
import { listDist } from '../../src/model/verify/verify.ts';
import { SAMPLE_SEARCH_PART_PAGES } from './build-sites.ts';
import { servedSites } from './portal-helpers.ts';

const sites = servedSites();

/** Result titles and links once the results of the current query have rendered. */
async function results(page: Page): Promise<{ title: string; href: string }[]> {
  await page.locator('pagefind-results .pf-result-link').first().waitFor({ timeout: 20_000 });
  return page.locator('pagefind-results .pf-result-link').evaluateAll((links) =>
    links.map((a) => ({ title: a.textContent?.trim() ?? '', href: new URL((a as HTMLAnchorElement).href).pathname })),
  );
}

describe('search on the sample (zh-CN)', () => {
  it.each([
    ['回滚', '/retrospectives/2026/03-payment-gateway-2.3.0-rollback/'],
    ['数据库', '/releases/payment-gateway/2.3.0/'],
    ['分账', '/releases/payment-gateway/2.4.0/'],
  ])('%s finds %s', async (query, expected) => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/search/?q=${encodeURIComponent(query)}`);
    expect(await page.locator('pagefind-input input').inputValue()).toBe(query);
    const found = await results(page);
    expect(found.map((r) => r.href)).toContain(expected);
    expect(errors).toEqual([]);
  });

  // 预热 is one word inside the stage name 预热发布. Diagram sources are out of the index (only their
  // text versions are in), so the many release and test report pages of the staging stage now rank
  // before the long process page: narrowed to processes, the process that defines the stage is found.
  it('预热 finds /processes/standard/ among the processes', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/search/?q=${encodeURIComponent('预热')}`);
    expect((await results(page)).length).toBeGreaterThan(0);
    const dropdown = page.locator('pagefind-filter-dropdown[filter=kind]');
    await dropdown.locator('button').first().click();
    await dropdown.getByRole('option', { name: /流程/ }).or(dropdown.getByRole('checkbox', { name: /流程/ })).or(dropdown.locator('label', { hasText: '流程' })).first().click();
    await expect.poll(async () => (await results(page)).map((r) => r.href), { timeout: 10_000 }).toContain('/processes/standard/');
    expect((await results(page)).every((r) => r.href.startsWith('/processes/'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('runs from the header\'s plain GET form on any page', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/services/`);
    await page.fill('#site-search', '回滚复盘');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('#site-search', 'Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('回滚复盘');
    const found = await results(page);
    expect(found.map((r) => r.href)).toContain('/retrospectives/2026/03-payment-gateway-2.3.0-rollback/');
  });

  it('narrows results with the record-kind filter', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/search/?q=${encodeURIComponent('回滚')}`);
    const before = await results(page);
    expect(before.some((r) => r.href.startsWith('/releases/'))).toBe(true);
    const dropdown = page.locator('pagefind-filter-dropdown[filter=kind]');
    await dropdown.locator('button').first().click();
    await dropdown.getByRole('option', { name: /复盘/ }).or(dropdown.getByRole('checkbox', { name: /复盘/ })).or(dropdown.locator('label', { hasText: '复盘' })).first().click();
    await expect.poll(async () => (await results(page)).every((r) => r.href.startsWith('/retrospectives/')), { timeout: 10_000 }).toBe(true);
    expect((await results(page)).length).toBeLessThan(before.length);
  });

  it('keeps the query in the address as the user types', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/search/`);
    await page.locator('pagefind-input input').fill('对账');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 10_000 }).toBe('对账');
    expect((await results(page)).length).toBeGreaterThan(0);
  });
});

describe('search over an index in parts (the sample)', () => {
  it('finds a record page of every part, each by its title', async () => {
    const dist = inject('site:sample');
    const parts = searchParts((await listDist(dist)).filter(isSearchPage), SAMPLE_SEARCH_PART_PAGES);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const manifest = JSON.parse(await readFile(path.join(dist, 'pagefind', SEARCH_PARTS_FILE), 'utf8')) as SearchPartsManifest;
    expect(manifest.mergeIndex).toEqual(parts.slice(1).map((_, i) => partBundlePath(i + 1)));
    for (const [i, part] of parts.entries()) {
      // The last page of the part that is a record page (has a title for search).
      let target: { href: string; title: string } | undefined;
      for (const file of [...part].reverse()) {
        const title = /data-pagefind-meta="title"[^>]*>([^<]+)</.exec(await readFile(path.join(dist, file), 'utf8'))?.[1];
        if (title) {
          target = { href: `/${file.replace(/index\.html$/, '')}`, title };
          break;
        }
      }
      if (!target) throw new Error(`part ${i + 1} has no record page`);
      const { page, errors } = await sites.visit(`${sites.sample.url}/search/?q=${encodeURIComponent(target.title)}`);
      expect((await results(page)).map((r) => r.href), `part ${i + 1}: ${target.title}`).toContain(target.href);
      expect(errors).toEqual([]);
    }
  });

  it('serves a later part without a second copy of Pagefind\'s UI and engine', async () => {
    const bundle = path.join(inject('site:sample'), partBundlePath(1));
    expect((await stat(path.join(bundle, 'pagefind-entry.json'))).isFile()).toBe(true);
    await expect(stat(path.join(bundle, 'pagefind.js'))).rejects.toThrow();
    await expect(stat(path.join(bundle, 'pagefind-component-ui.js'))).rejects.toThrow();
  });
});

describe('search on the fixture (en)', () => {
  it('is one part: nothing to merge', async () => {
    const manifest = JSON.parse(await readFile(path.join(inject('site:fixture'), 'pagefind', SEARCH_PARTS_FILE), 'utf8')) as SearchPartsManifest;
    expect(manifest).toEqual({ mergeIndex: [] });
  });

  it('an English query finds the record', async () => {
    const { page, errors } = await sites.visit(`${sites.fixture.url}/search/?q=minutes`);
    const found = await results(page);
    expect(found.map((r) => r.href)).toContain('/releases/shop/1.0.0/');
    expect(errors).toEqual([]);
  });

  it('finds a retrospective by its action item', async () => {
    const { page } = await sites.visit(`${sites.fixture.url}/search/?q=${encodeURIComponent('smoke tests')}`);
    expect((await results(page)).map((r) => r.href)).toContain('/retrospectives/shop-1.0.0/');
  });
});
