/** A release page in a real browser: its fields, its Markdown body, no console errors. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser.ts';
import { serve, type Served } from './serve.ts';

let browser: Browser;
let site: Served;

beforeAll(async () => {
  browser = await launch();
  site = await serve(inject('site:fixture'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('release page (fixture, locale en)', () => {
  it('shows the release header, launch plan and body', async () => {
    const { page, errors, status } = await openPage(browser, `${site.url}/releases/shop/1.0.0/`);
    expect(status).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toContain('Shop 1.0.0');
    expect(await page.locator('h1 .badge').innerText()).toBe('Released');
    // Times are shown in site.timezone with the offset.
    expect(await page.locator('.release-header').innerText()).toContain('(UTC+08:00)');
    // Deploy order: the database migration is step 1, the API that depends on it step 2.
    const steps = await page.locator('ol.deploy-steps > li').allInnerTexts();
    expect(steps).toHaveLength(2);
    expect(steps[0]).toContain('Database');
    expect(steps[1]).toContain('API');
    // The DB script link works.
    const script = page.locator('a', { hasText: 'attachments/shop/1.0.0/001.sql' });
    const response = await page.request.get(new URL((await script.getAttribute('href'))!, site.url).href);
    expect(await response.text()).toContain('ALTER TABLE');
    // The Markdown body is rendered, its headings under the page's own h1.
    expect(await page.locator('.prose h2').innerText()).toBe('Minutes');
    expect(await page.locator('.prose a').getAttribute('href')).toBe('https://wiki.example.com/x');
    expect(errors).toEqual([]);
  });

  it('links from the release list to every release', async () => {
    const { page, errors } = await openPage(browser, `${site.url}/releases/`);
    const hrefs = await page.locator('table.releases a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(['/releases/shop/1.0.0/', '/releases/shop/1.1.0/']);
    expect(errors).toEqual([]);
  });
});
