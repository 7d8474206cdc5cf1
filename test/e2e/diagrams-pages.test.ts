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

  // Each page loads mermaid afresh and draws its diagrams on the page's one thread: about 3 s a
  // page on a shared 2-core machine (31 pages of the sample: 88 s one after another). Two tabs
  // at a time keep both cores busy (53 s); the failures are listed in page order either way.
  it('all render to SVG with no error, on every page that has one', { timeout: 600_000 }, async () => {
    const pages = await pagesWithDiagrams();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const check = async (pathname: string): Promise<{ failures: string[]; drawn: number }> => {
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
      const failures: string[] = [];
      if (svgs < count) failures.push(`${pathname}: ${svgs}/${count} diagrams drawn`);
      if (/Syntax error|Parse error/i.test(text)) failures.push(`${pathname}: mermaid error text on the page`);
      if (errors.length > 0) failures.push(`${pathname}: ${errors.join('; ')}`);
      await page.close();
      return { failures, drawn: svgs };
    };
    const results: { failures: string[]; drawn: number }[] = [];
    let next = 0;
    const tab = async (): Promise<void> => {
      for (let i = next++; i < pages.length; i = next++) results[i] = await check(pages[i]!);
    };
    await Promise.all([tab(), tab()]);
    await context.close();
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    expect(results.reduce((sum, r) => sum + r.drawn, 0)).toBeGreaterThan(pages.length);
  });
});
