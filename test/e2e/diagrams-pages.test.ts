/**
 * Every diagram of the built sample site, in a real browser: each page that carries a diagram
 * (generated flows, deploy order, rollback, calendar gantts, author ```mermaid fences) draws
 * every one of them as SVG, with no mermaid error text and no console error.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, scrollEachIntoView } from './browser.ts';
import { serve, type Served } from './serve.ts';

const dist = inject('site:sample');
let browser: Browser;
let site: Served;

/** Pages of dist whose HTML holds a diagram figure or an author mermaid block. */
async function pagesWithDiagrams(): Promise<string[]> {
  const pages: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'pagefind' && entry.name !== '_astro') await walk(full);
      else if (entry.name === 'index.html') {
        const html = await readFile(full, 'utf8');
        if (html.includes('data-diagram') || /language-mermaid|data-language="mermaid"/.test(html)) {
          pages.push(`/${path.relative(dist, path.dirname(full)).split(path.sep).join('/')}/`.replace('//', '/'));
        }
      }
    }
  };
  await walk(dist);
  return pages.sort();
}

beforeAll(async () => {
  browser = await launch();
  site = await serve(dist);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('diagrams on the sample site', () => {
  it('are on the process, release and calendar pages', async () => {
    const pages = await pagesWithDiagrams();
    expect(pages).toContain('/processes/standard/');
    expect(pages).toContain('/releases/payment-gateway/2.3.0/');
    expect(pages).toContain('/calendar/');
  });

  // One page after another, each loading mermaid afresh: minutes on a shared 2-core machine, and
  // more pages carry diagrams now (/test-reports/ has a trend chart per service and metric).
  it('all render to SVG with no error, on every page that has one', { timeout: 600_000 }, async () => {
    const pages = await pagesWithDiagrams();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const failures: string[] = [];
    let drawn = 0;
    for (const pathname of pages) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(site.url + pathname, { waitUntil: 'networkidle' });
      // Diagrams draw when they scroll into view: bring each one into view.
      const figures = page.locator('figure[data-diagram], .prose pre:has(code.language-mermaid), .prose pre[data-language="mermaid"]');
      const count = await page.locator('figure[data-diagram]').count();
      await scrollEachIntoView(page, figures);
      await page
        .waitForFunction((n) => document.querySelectorAll('figure[data-diagram] .diagram-canvas svg').length >= n, count, { timeout: 20_000 })
        .catch(() => undefined);
      const svgs = await page.locator('figure[data-diagram] .diagram-canvas svg').count();
      const text = await page.locator('main').innerText();
      if (svgs < count) failures.push(`${pathname}: ${svgs}/${count} diagrams drawn`);
      if (/Syntax error|Parse error/i.test(text)) failures.push(`${pathname}: mermaid error text on the page`);
      if (errors.length > 0) failures.push(`${pathname}: ${errors.join('; ')}`);
      drawn += svgs;
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
    expect(drawn).toBeGreaterThan(pages.length);
  });
});
