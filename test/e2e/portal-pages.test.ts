/**
 * Every page type of the portal in a real browser, on the sample (zh-CN) and the `en` fixture:
 * it renders with no console error, one h1, <html lang> from site.locale; the release list
 * filters without a server; the theme toggle remembers; a release page prints on A4.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, realErrors, servedSites } from './portal-helpers.ts';

const sites = servedSites();

const LOCALE = { sample: 'zh-CN', fixture: 'en' } as const;

describe.each(['sample', 'fixture'] as const)('every page type of the %s site', (name) => {
  it.each(PAGE_TYPES[name].map((type) => [type.name, type] as const))('%s renders cleanly', async (_label, type) => {
    const site = name === 'sample' ? sites.sample : sites.fixture;
    const { page, errors, status } = await sites.visit(`${site.url}${type.path}`);
    expect(status).toBe(type.status ?? 200);
    expect(await page.locator('html').getAttribute('lang')).toBe(LOCALE[name]);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('header.site-header form[role=search]').count()).toBe(1);
    // Headings never skip a level going down (h2 -> h4).
    const levels = await page.locator('main :is(h1,h2,h3,h4,h5,h6)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading levels ${levels.join(',')}`).toBeLessThanOrEqual(1);
    expect(realErrors(errors, type)).toEqual([]);
  });
});

describe('the home page (sample)', () => {
  it('shows in-progress releases with their current stage, and a count per status', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/`);
    const counts = await page.locator('.counts li').allInnerTexts();
    expect(counts).toHaveLength(8);
    // Counts add up to every release, and each links to the filtered list.
    const total = counts.reduce((n, text) => n + Number(text.split(/\s/)[0]), 0);
    expect(total).toBe(18);
    expect(await page.locator('.counts a').first().getAttribute('href')).toBe('/releases/?status=planned');
    const stages = await page.locator('#in-progress ~ table td.col-stage').allInnerTexts();
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) expect(['提交测试', '预热发布', '正式上线']).toContain(stage);
  });
});

describe('the release list filters (sample)', () => {
  it('narrows the rows by service, status, type and year, and restores them', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/releases/`);
    const visible = () => page.locator('tr[data-release-row]:visible').count();
    const all = await visible();
    expect(all).toBe(18);
    await page.selectOption('#filter-service', 'payment-gateway');
    expect(await visible()).toBe(5);
    await page.selectOption('#filter-status', 'released');
    expect(await visible()).toBe(3);
    expect(page.url()).toContain('service=payment-gateway');
    await page.selectOption('#filter-type', 'hotfix');
    expect(await visible()).toBe(1);
    expect(await page.locator('tr[data-release-row]:visible a').innerText()).toContain('2.3.1');
    expect(await page.locator('[data-release-count]').innerText()).toContain('1 / 18');
    await page.click('button[type=reset]');
    await expect.poll(visible).toBe(18);
    await page.selectOption('#filter-year', '2026');
    expect(await visible()).toBe(16);
    expect(errors).toEqual([]);
  });

  it('takes its filters from the address (the home page links to ?status=…)', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/releases/?status=rolled-back`);
    expect(await page.locator('#filter-status').inputValue()).toBe('rolled-back');
    expect(await page.locator('tr[data-release-row]:visible').count()).toBe(1);
  });

  it('shows the whole list without JavaScript', async () => {
    const context = await sites.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${sites.sample.url}/releases/?status=released`);
    expect(await page.locator('tr[data-release-row]:visible').count()).toBe(18);
    expect(await page.locator('form[data-release-filters]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('the theme toggle', () => {
  it('follows the system, switches, and remembers the choice across pages', async () => {
    const context = await sites.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${sites.sample.url}/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    const toggle = page.locator('button[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await background()).toBe('rgb(17, 21, 28)');
    // Another page opens dark straight away: the stored choice is applied before the first paint.
    await page.goto(`${sites.sample.url}/releases/`, { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.goto(`${sites.sample.url}/calendar/`);
    expect(await background()).toBe('rgb(17, 21, 28)');
    await page.locator('button[data-theme-toggle]').click();
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => localStorage.getItem('shiplog-theme'))).toBe('light');
    await context.close();
  });

  it('is dark without a stored choice when the system is dark', async () => {
    const context = await sites.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${sites.fixture.url}/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 21, 28)');
    expect(await page.locator('button[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});

describe('a release page printed on A4', () => {
  // A4 is 210 mm wide; less the print margins of global.css (2 × 12 mm) that leaves 186 mm ≈ 703 CSS px.
  const A4_CONTENT_WIDTH = 703;

  it.each([['sample', '/releases/payment-gateway/2.3.0/'], ['sample', '/releases/order-service/1.10.0/'], ['fixture', '/releases/shop/1.0.0/']] as const)(
    '%s %s fits the page width with no chrome',
    async (name, path) => {
      const context = await sites.browser.newContext({ viewport: { width: A4_CONTENT_WIDTH, height: 1000 }, colorScheme: 'dark' });
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${(name === 'sample' ? sites.sample : sites.fixture).url}${path}`, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && (box.right > width + 1 || box.left < -1);
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
        return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
      });
      expect(overflow.wide).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
      // Navigation, search and the toggle are not printed; the content is black on white.
      expect(await page.locator('.site-header nav').first().isVisible()).toBe(false);
      expect(await page.locator('.site-header form[role=search]').isVisible()).toBe(false);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
      expect(await page.locator('h1').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      await context.close();
    },
  );
});
