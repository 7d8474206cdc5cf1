/**
 * Accessibility of every page type in both themes with axe-core (injected from
 * node_modules): no serious or critical violation — contrast AA, names, landmarks, labels.
 * The dark theme changes colours only, so there axe checks the colour rules alone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';
import { PAGE_TYPES, seriousViolations, tab, type Visit } from './portal-helpers.ts';

let browser: Browser;
const served: Partial<Record<'sample' | 'fixture', Served>> = {};
let visit: (url: string) => Promise<Visit>;

beforeAll(async () => {
  browser = await launch();
  served.sample = await serve(inject('site:sample'));
  served.fixture = await serve(inject('site:fixture'));
  visit = await tab(browser);
});
afterAll(async () => {
  await browser?.close();
  await served.sample?.close();
  await served.fixture?.close();
});

const DARK_RULES = ['color-contrast', 'link-in-text-block'];
const describeViolations = (page: Page, rules?: string[]) => seriousViolations(page, rules).then((vs) => vs.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));

describe.each(['light', 'dark'] as const)('axe-core, %s theme', (theme) => {
  for (const name of ['sample', 'fixture'] as const) {
    it.each(PAGE_TYPES[name].map((type) => [`${name} ${type.name}`, type] as const))('%s', async (_label, type) => {
      const { page } = await visit(`${served[name]!.url}${type.path}`);
      // The theme follows the system when no choice is stored: emulate the system's.
      await page.emulateMedia({ colorScheme: theme });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(theme === 'dark' ? 'rgb(17, 21, 28)' : 'rgb(255, 255, 255)');
      expect(await describeViolations(page, theme === 'dark' ? DARK_RULES : undefined)).toEqual([]);
    });
  }
});
