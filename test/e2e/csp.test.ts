/**
 * The Content-Security-Policy (issue #10) on both built sites, in Chromium:
 * - every HTML page of dist carries the policy, first in <head>, strict for scripts;
 * - one page of every page type, found in dist (so page types added later are covered),
 *   loads, draws its diagrams, and switches theme (diagrams redraw) with no CSP violation;
 *   so do search (typing, results, a filter), the release filters and the 404 page;
 * - the policy is not a no-op: an injected inline script, event handler and eval are blocked
 *   and reported, and so is an injected <style> on a page without diagrams.
 * Violations are caught with a `securitypolicyviolation` listener added before any page
 * script runs, and from console messages that mention the Content Security Policy.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCspFacts } from '../../src/model/csp/page.ts';
import { CSP_DIRECTIVES, parsePolicy } from '../../src/model/csp/policy.ts';
import { servedSites } from './portal-helpers.ts';
import type { SiteName } from './build-sites.ts';

const sites = servedSites();
const SITES: SiteName[] = ['sample', 'fixture'];
const dist = (site: SiteName) => inject(`site:${site}`);
const QUERY: Record<SiteName, string> = { sample: '回滚', fixture: 'minutes' };
// A record kind the query finds on each site. Picked by name, not as the first option: the
// dropdown can open before Pagefind has recounted it for the query, and then its first option
// (Process) has no hit and the results stay empty.
const KIND_WITH_HITS: Record<SiteName, RegExp> = { sample: /复盘/, fixture: /Release/ };

/**
 * Every page of a built site (dist-relative): `index.html` of each directory and `404.html`.
 * Other .html files are written by endpoints (the notices' e-mail bodies), not pages: they
 * carry their own policy, checked in test/unit/notices.
 */
async function htmlFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && child !== '_astro' && child !== 'pagefind') await walk(child);
      else if (entry.isFile() && (entry.name === 'index.html' || child === '404.html')) files.push(child);
    }
  };
  await walk('');
  return files.sort();
}

function urlOf(file: string): string {
  return file === 'index.html' || file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/** A page's type: its first path segment and its depth (`/releases/a/1.0/` -> `/releases/*\/*\/`). */
function pageType(url: string): string {
  const segments = url.split('/').filter(Boolean);
  return segments.length === 0 ? '/' : `/${[segments[0], ...segments.slice(1).map(() => '*')].join('/')}/`;
}

/** One page per type: the largest HTML file of each (the one with the most on it). */
async function onePagePerType(root: string): Promise<Map<string, string>> {
  const best = new Map<string, { url: string; size: number }>();
  for (const file of await htmlFiles(root)) {
    if (file === '404.html') continue; // visited at a missing address below
    const url = urlOf(file);
    const { size } = await stat(path.join(root, file));
    const type = pageType(url);
    if ((best.get(type)?.size ?? -1) < size) best.set(type, { url, size });
  }
  return new Map([...best].map(([type, { url }]) => [type, url]));
}

interface CspTab {
  page: Page;
  /** Violations and CSP console messages since the last `take()`. */
  take(): Promise<string[]>;
}

/** A tab whose every document reports its CSP violations (listener added before page scripts). */
async function cspTab(context: BrowserContext): Promise<CspTab> {
  const page = await context.newPage();
  let console: string[] = [];
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text())) console.push(`console ${message.type()}: ${message.text().slice(0, 300)}`);
  });
  return {
    page,
    async take() {
      const events = await page.evaluate(() => {
        const list = (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [];
        return list.splice(0, list.length);
      }).catch(() => [] as string[]);
      const all = [...events, ...console];
      console = [];
      return all;
    },
  };
}

let context: BrowserContext;
beforeAll(async () => {
  context = await sites.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener(
      'securitypolicyviolation',
      (e) => list.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || location.pathname}:${e.lineNumber} ${e.sample}`.trim()),
      true,
    );
  });
});
afterAll(async () => {
  await context?.close();
});

/**
 * Brings each diagram into view in turn (they are drawn lazily, when seen) and waits until it
 * is drawn, or has failed visibly; returns how many are drawn.
 */
async function drawDiagrams(page: Page): Promise<number> {
  const targets = page.locator('figure[data-diagram], .prose pre[data-language="mermaid"], .prose pre:has(> code.language-mermaid)');
  const count = await targets.count();
  for (let i = 0; i < count; i += 1) {
    const target = await targets.nth(i).elementHandle();
    await target!.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (el) => {
        // A figure carries its state; a fence's state is on the canvas the script puts before it (and its notice).
        const holder = el.tagName === 'FIGURE' ? el : el.previousElementSibling?.previousElementSibling;
        return ['rendered', 'failed'].includes(holder?.getAttribute('data-diagram-state') ?? '');
      },
      target,
      { timeout: 60_000 },
    );
  }
  return page.locator('.diagram-canvas[data-diagram-state="rendered"] svg').count();
}

/** Clicks the theme toggle; waits until every drawn diagram is redrawn in the new theme. */
async function toggleTheme(page: Page): Promise<void> {
  const before = await page.locator('html').getAttribute('data-theme');
  await page.evaluate(() => {
    for (const svg of document.querySelectorAll('.diagram-canvas[data-diagram-state="rendered"] svg')) svg.setAttribute('data-before-toggle', '');
  });
  await page.locator('button[data-theme-toggle]').click();
  expect(await page.locator('html').getAttribute('data-theme')).not.toBe(before);
  await page.waitForFunction(() => document.querySelectorAll('svg[data-before-toggle]').length === 0, undefined, { timeout: 60_000 });
}

describe.each(SITES)('the %s site', (site) => {
  it('has the policy on every HTML page: first in <head>, no inline or eval script', async () => {
    const root = dist(site);
    const files = await htmlFiles(root);
    expect(files.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const file of files) {
      const facts = readCspFacts(await readFile(path.join(root, file), 'utf8'));
      const where = urlOf(file);
      if (facts.metas.length !== 1) {
        problems.push(`${where}: ${facts.metas.length} policy <meta> elements`);
        continue;
      }
      if (!facts.metas[0]!.inHead) problems.push(`${where}: policy outside <head>`);
      if (facts.beforePolicy.length > 0) problems.push(`${where}: ${facts.beforePolicy.join(', ')} before the policy`);
      const policy = parsePolicy(facts.metas[0]!.content);
      const script = policy.get('script-src') ?? [];
      if (!script.includes("'self'") || script.some((s) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(s))) {
        problems.push(`${where}: script-src ${script.join(' ')}`);
      }
      for (const directive of CSP_DIRECTIVES) {
        const [name, ...sources] = directive.split(' ');
        if (policy.get(name!)?.join(' ') !== sources.join(' ')) problems.push(`${where}: no \`${directive}\``);
      }
      const inlineStyles = policy.get('style-src')?.includes("'unsafe-inline'") ?? false;
      if (inlineStyles !== facts.drawsDiagrams) problems.push(`${where}: style-src ${policy.get('style-src')?.join(' ')} on a page ${facts.drawsDiagrams ? 'with' : 'without'} diagrams`);
      if (policy.has('frame-ancestors')) problems.push(`${where}: frame-ancestors in a <meta> (browsers ignore it there)`);
    }
    expect(problems).toEqual([]);
  });

  it('shows one page of every type, draws its diagrams and switches theme, with no CSP violation', { timeout: 600_000 }, async () => {
    const served = sites[site].url;
    const types = await onePagePerType(dist(site));
    // The page types the issue names, found among the types of dist.
    for (const type of ['/', '/releases/', '/releases/*/*/', '/processes/*/', '/calendar/', '/search/', '/guide/']) expect([...types.keys()]).toContain(type);
    const tab = await cspTab(context);
    const report: string[] = [];
    let drawn = 0;
    for (const [type, url] of types) {
      const response = await tab.page.goto(served + url, { waitUntil: 'load' });
      expect(response?.status(), url).toBe(200);
      drawn += await drawDiagrams(tab.page);
      await toggleTheme(tab.page);
      await drawDiagrams(tab.page);
      for (const violation of await tab.take()) report.push(`${type} (${url}): ${violation}`);
    }
    if (site === 'sample') expect(drawn).toBeGreaterThan(10); // release, process and calendar diagrams were drawn
    expect(report).toEqual([]);
    await tab.page.close();
  });

  it('runs search, its filters, the release filters and the 404 page with no CSP violation', async () => {
    const served = sites[site].url;
    const tab = await cspTab(context);
    const { page } = tab;
    await page.goto(`${served}/search/`, { waitUntil: 'load' });
    await page.locator('pagefind-input input').fill(QUERY[site]);
    await page.locator('pagefind-results .pf-result-link').first().waitFor({ timeout: 20_000 });
    const dropdown = page.locator('pagefind-filter-dropdown[filter=kind]');
    await dropdown.locator('button').first().click();
    const kind = KIND_WITH_HITS[site];
    await dropdown.getByRole('option', { name: kind }).or(dropdown.getByRole('checkbox', { name: kind })).first().click();
    await page.locator('pagefind-results .pf-result-link').first().waitFor({ timeout: 20_000 });
    const violations = (await tab.take()).map((v) => `search: ${v}`);

    await page.goto(`${served}/releases/`, { waitUntil: 'load' });
    const status = page.locator('#filter-status');
    await expect.poll(() => status.isVisible(), { timeout: 15_000 }).toBe(true);
    const value = await status.locator('option').nth(1).getAttribute('value');
    await page.selectOption('#filter-status', value!);
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), { timeout: 15_000 }).toBe(value);
    violations.push(...(await tab.take()).map((v) => `release filters: ${v}`));

    const missing = await page.goto(`${served}/no/such/page/`, { waitUntil: 'load' });
    expect(missing?.status()).toBe(404);
    await page.locator('button[data-theme-toggle]').click();
    violations.push(...(await tab.take()).map((v) => `404: ${v}`));
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('the policy is enforced, not a no-op', () => {
  it('blocks and reports an injected inline script, event handler and eval', async () => {
    const tab = await cspTab(context);
    const { page } = tab;
    await page.goto(`${sites.sample.url}/releases/`, { waitUntil: 'load' });
    expect(await tab.take()).toEqual([]);
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.__injectedScript = true;';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="/favicon.svg" onload="window.__injectedHandler = true">';
      document.body.append(holder);
      // eval from a later task: DevTools lets code it evaluates itself use eval.
      setTimeout(() => {
        try {
          (0, eval)('window.__injectedEval = true');
        } catch (error) {
          w['__evalError'] = (error as Error).name;
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { script: w['__injectedScript'] ?? false, handler: w['__injectedHandler'] ?? false, evalRan: w['__injectedEval'] ?? false, evalError: w['__evalError'] };
    });
    expect(outcome).toEqual({ script: false, handler: false, evalRan: false, evalError: 'EvalError' });
    const violations = await tab.take();
    expect(violations.some((v) => /^script-src-elem blocked inline/.test(v))).toBe(true);
    expect(violations.some((v) => /^script-src-attr blocked inline/.test(v))).toBe(true);
    expect(violations.some((v) => /^script-src blocked eval/.test(v))).toBe(true);
    await page.close();
  });

  it('blocks an injected <style> on a page without diagrams, and not the site\'s own styles', async () => {
    const tab = await cspTab(context);
    const { page } = tab;
    await page.goto(`${sites.sample.url}/services/`, { waitUntil: 'load' });
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle);
    expect(styled).toBe('solid'); // SiteHeader's own (hashed) styles apply
    const applied = await page.evaluate(async () => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 7px dotted rgb(1, 2, 3) !important; }';
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return getComputedStyle(document.body).outlineWidth === '7px';
    });
    expect(applied).toBe(false);
    expect((await tab.take()).some((v) => /^style-src-elem blocked inline/.test(v))).toBe(true);
    await page.close();
  });
});
