/** What the portal's browser tests share: one page of each type per built site, and small page helpers. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';
import type { SiteName } from './build-sites.ts';

export interface PageType {
  name: string;
  path: string;
  /** The 404 page is served with status 404, which Chromium logs as a console error. */
  status?: number;
}

/** One page of every type: sample content (zh-CN) and the `valid` fixture (en). */
export const PAGE_TYPES: Record<SiteName, PageType[]> = {
  sample: [
    { name: 'home', path: '/' },
    { name: 'open follow-ups', path: '/follow-ups/' },
    { name: 'release list', path: '/releases/' },
    { name: 'release', path: '/releases/payment-gateway/2.3.0/' },
    { name: 'release notes', path: '/releases/payment-gateway/2.4.0/notes/' },
    { name: 'formal notice', path: '/releases/payment-gateway/2.4.0/notice/' },
    { name: 'baseline notice', path: '/releases/payment-gateway/2.3.0/baseline/' },
    { name: 'service list', path: '/services/' },
    { name: 'service', path: '/services/payment-gateway/' },
    { name: 'process list', path: '/processes/' },
    { name: 'process', path: '/processes/standard/' },
    { name: 'calendar', path: '/calendar/' },
    { name: 'test report list', path: '/test-reports/' },
    { name: 'test report', path: '/test-reports/payment-gateway/2.3.0-system-r2/' },
    { name: 'retrospective list', path: '/retrospectives/' },
    { name: 'retrospective', path: '/retrospectives/2026/07-settlement-job-1.4-incident/' },
    { name: 'action items board', path: '/retrospectives/actions/' },
    { name: 'metrics', path: '/metrics/' },
    { name: 'service metrics', path: '/metrics/payment-gateway/' },
    { name: 'search', path: '/search/?q=%E5%9B%9E%E6%BB%9A' },
    { name: '404', path: '/no/such/page/', status: 404 },
  ],
  fixture: [
    { name: 'home', path: '/' },
    { name: 'open follow-ups', path: '/follow-ups/' },
    { name: 'release list', path: '/releases/' },
    { name: 'release', path: '/releases/shop/1.0.0/' },
    { name: 'planned release', path: '/releases/shop/1.1.0/' },
    { name: 'formal notice', path: '/releases/shop/1.0.0/notice/' },
    { name: 'service', path: '/services/shop/' },
    { name: 'service without releases', path: '/services/billing/' },
    { name: 'process', path: '/processes/standard/' },
    { name: 'calendar', path: '/calendar/' },
    { name: 'test report', path: '/test-reports/shop-1.0.0-system/' },
    { name: 'retrospective', path: '/retrospectives/shop-1.0.0/' },
    { name: 'action items board', path: '/retrospectives/actions/' },
    { name: 'metrics', path: '/metrics/' },
    { name: 'metrics of a service without releases', path: '/metrics/billing/' },
    { name: 'search', path: '/search/?q=minutes' },
    { name: '404', path: '/missing/', status: 404 },
  ],
};

export interface Visit {
  page: Page;
  /** Console errors and uncaught exceptions since this visit began. */
  errors: string[];
  status: number | undefined;
}

/**
 * One tab reused for many visits (opening a tab costs far more than navigating it): each
 * visit collects its own console errors and uncaught exceptions.
 */
export async function tab(context: BrowserContext | Browser): Promise<(url: string) => Promise<Visit>> {
  const page = await context.newPage();
  let errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return async (url) => {
    errors = [];
    const response = await page.goto(url, { waitUntil: 'load' });
    // The search page runs its query after load: wait for its results before judging it.
    if (new URL(url).pathname === '/search/' && new URL(url).searchParams.has('q')) {
      await page.locator('pagefind-results .pf-result-link').first().waitFor({ timeout: 20_000 });
    }
    const visit = { page, status: response?.status() } as Visit;
    Object.defineProperty(visit, 'errors', { get: () => errors });
    return visit;
  };
}

/** Console errors other than the 404 page's own status (which Chromium reports as "Failed to load resource"). */
export function realErrors(errors: string[], type: PageType): string[] {
  return type.status === 404 ? errors.filter((e) => !/status of 404/.test(e)) : errors;
}

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string | undefined }[];
}

/** axe-core's serious and critical violations on the page as it is now (all rules, or only `rules`). */
export async function seriousViolations(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  // Evaluated by the driver, not added as an inline <script>, which the pages' Content-Security-Policy blocks.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, rules);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface ServedSites {
  browser: Browser;
  sample: Served;
  fixture: Served;
  /** One reused tab: see `tab`. */
  visit: (url: string) => Promise<Visit>;
}

/**
 * One browser and both built sites served for the calling test file (registers its
 * beforeAll/afterAll); the fields are set once beforeAll has run.
 */
export function servedSites(): ServedSites {
  const sites = {} as ServedSites;
  beforeAll(async () => {
    sites.browser = await launch();
    sites.sample = await serve(inject('site:sample'));
    sites.fixture = await serve(inject('site:fixture'));
    sites.visit = await tab(sites.browser);
  });
  afterAll(async () => {
    await sites.browser?.close();
    await sites.sample?.close();
    await sites.fixture?.close();
  });
  return sites;
}
