/** Debian's Chromium driven by playwright-core, with the flags this workplace needs (no sandbox as root, no network chatter). */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Opens `url` and collects console errors and uncaught page errors while it loads. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[]; status: number | undefined }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  return { page, errors, status: response?.status() };
}

/**
 * Brings each element of `elements` into view for two frames, so a lazy loader's
 * IntersectionObserver sees it (diagrams draw when they come into view). Not
 * scrollIntoViewIfNeeded, which waits for each element to stand still: on a page of many
 * charts, the ones drawn above keep moving it, and a CI run timed out there after 30 s.
 */
export async function scrollEachIntoView(page: Page, elements: Locator): Promise<void> {
  for (let i = 0; i < (await elements.count()); i += 1) {
    await elements.nth(i).evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
}
