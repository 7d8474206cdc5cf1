/** The home page shows who is waiting on which checklist item, and open follow-ups, with links. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser.ts';
import { serve, type Served } from './serve.ts';

let browser: Browser;
let site: Served;
beforeAll(async () => {
  browser = await launch();
  site = await serve(inject('site:sample'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('home page gate overview (sample, zh-CN)', () => {
  it('lists the releases waiting on checklist items with the reason, and open follow-ups', async () => {
    const { page, errors } = await openPage(browser, `${site.url}/`);
    const blocked = page.locator('section[aria-labelledby="blocked"]');
    expect(await blocked.locator('h2').innerText()).toBe('等待检查项');
    const entry = blocked.locator('.attention > li', { has: page.locator('a[href="/releases/payment-gateway/2.5.0/"]') });
    // The item and the gate's reason, in the site's language.
    expect(await entry.innerText()).toContain('电子流审批通过');
    expect(await entry.innerText()).toContain('运维(ops)尚未审批');
    const followUps = page.locator('section[aria-labelledby="follow-ups"] .attention > li');
    expect(await followUps.count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
