/**
 * The delivery metrics page, the action items board, carry-over on a release page and the
 * retrospective archive's filters, in a real browser on the built sample (zh-CN) and the
 * `valid` fixture (en). The builds use the real clock as "now" (build-sites.ts sets no
 * SHIPLOG_NOW), so what depends on the date is checked against the "now" the page states.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scrollEachIntoView } from './browser.ts';
import { servedSites } from './portal-helpers.ts';

const sites = servedSites();

/** The value of one metric over a scope's whole span. */
const spanValue = (page: Page, scope: string, metric: string) =>
  page.locator(`section[data-scope="${scope}"] tr.span td[data-metric="${metric}"] [data-metric-value]`).innerText();

describe('the metrics page (sample)', () => {
  it('shows the numbers of the records, each with its definition and band, and no NaN', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/metrics/`);
    expect(await page.locator('h1').innerText()).toBe('交付指标');
    expect(await page.locator('nav.main-nav a[href="/metrics/"]').getAttribute('aria-current')).toBe('page');
    // 12 releases reached production; 2 of them failed (2.3.0 rolled back, settlement-job 1.4.0 incident).
    expect(await spanValue(page, '@all', 'deployments')).toBe('12');
    expect(await spanValue(page, '@all', 'changeFailure')).toBe('16.7%');
    expect(await spanValue(page, '@all', 'restore')).toBe('1小时15分钟');
    expect(await spanValue(page, '@all', 'window')).toBe('91.7%');
    expect(await spanValue(page, '@all', 'downtime')).toBe('40分钟');
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(/NaN|undefined|Infinity/);
    // A period without deployments says so.
    expect(main).toContain('无数据');
    // Every column links to its definition; the band thresholds are stated.
    const heads = await page.locator('section[data-scope="@all"] [data-granularity="month"] thead a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(heads).toEqual(['#def-deployments', '#def-leadTime', '#def-changeFailure', '#def-restore', '#def-window', '#def-downtime']);
    for (const href of heads) expect(await page.locator(`dt${href!} + dd`).innerText()).not.toBe('');
    expect(await page.locator('table.bands tbody tr').count()).toBe(4);
    expect(await page.locator('table.bands').innerText()).toContain('不超过 5%');
    expect(errors).toEqual([]);
  });

  it('opens the records behind a number, and every link resolves to its record', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/metrics/`);
    const cell = page.locator('section[data-scope="@all"] tr.span td[data-metric="changeFailure"] details');
    await cell.locator('summary').click();
    const hrefs = await cell.locator('.records a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toContain('/releases/payment-gateway/2.3.0/');
    expect(hrefs).toContain('/retrospectives/2026/03-payment-gateway-2.3.0-rollback/');
    expect(hrefs).toContain('/releases/payment-gateway/2.3.1/');
    expect(await cell.locator('.records li').first().innerText()).toContain('已回滚');
    for (const href of new Set(hrefs)) {
      const response = await page.request.get(new URL(href, sites.sample.url).href);
      expect(response.status(), href).toBe(200);
    }
    // One click further: the record itself.
    await cell.locator('.records a[href="/releases/payment-gateway/2.3.0/"]').first().click();
    await page.waitForURL(/\/releases\/payment-gateway\/2\.3\.0\/$/);
    expect(await page.locator('h1').innerText()).toContain('支付网关 2.3.0');
    expect(errors).toEqual([]);
  });

  it('draws its charts with mermaid, without errors', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/metrics/`);
    const figures = page.locator('section[data-scope="@all"] figure[data-diagram]');
    expect(await figures.count()).toBe(3);
    await scrollEachIntoView(page, figures);
    await page.waitForFunction(() => document.querySelectorAll('section[data-scope="@all"] figure[data-diagram-state="rendered"] svg').length >= 3, undefined, { timeout: 20_000 });
    expect(await page.locator('figure[data-diagram-state="failed"]').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/Syntax error|Parse error/i);
    expect(errors).toEqual([]);
  });

  it('compares the services and opens each one; months or quarters, kept in the address', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/metrics/`);
    const rows = page.locator('#by-service ~ .table-wrap tbody tr');
    expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-service')))).toHaveLength(6);
    expect(await page.locator('#by-service ~ .table-wrap tr[data-service="payment-gateway"] td[data-metric="changeFailure"] [data-metric-value]').innerText()).toBe('25%');
    // Months by default; the quarter table hidden.
    expect(await page.locator('section[data-scope="@all"] [data-granularity="quarter"]').isVisible()).toBe(false);
    await page.click('#by-service ~ .table-wrap tr[data-service="payment-gateway"] th a');
    await page.waitForURL(/\/metrics\/payment-gateway\/$/);
    expect(await page.locator('h1').innerText()).toContain('支付网关');
    expect(await spanValue(page, 'payment-gateway', 'deployments')).toBe('4');
    await page.selectOption('#metrics-period', 'quarter');
    const quarterRows = page.locator('section[data-scope="payment-gateway"] [data-granularity="quarter"] tbody tr');
    expect(await quarterRows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-period')))).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']);
    expect(await quarterRows.first().isVisible()).toBe(true);
    expect(await page.locator('section[data-scope="payment-gateway"] [data-granularity="month"]').isVisible()).toBe(false);
    expect(page.url()).toContain('?period=quarter');
    // The address restores the choice.
    await page.goto(page.url());
    expect(await page.locator('#metrics-period').inputValue()).toBe('quarter');
    expect(await quarterRows.first().isVisible()).toBe(true);
    expect(await page.locator('section[data-scope="payment-gateway"] figure[data-diagram]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('the metrics page (fixture, en)', () => {
  it('says so for a service without releases, and defines every metric in English', async () => {
    const { page, errors } = await sites.visit(`${sites.fixture.url}/metrics/`);
    expect(await page.locator('h1').innerText()).toBe('Delivery metrics');
    expect(await page.locator('tr[data-service="billing"] [data-metrics-empty]').innerText()).toContain('No release of this service has reached production yet');
    expect(await page.locator('tr[data-service="shop"] td[data-metric="deployments"] [data-metric-value]').innerText()).toBe('1');
    expect(await page.locator('#def-changeFailure + dd').innerText()).toContain('hotfix of the same service reached production within 7 days');
    expect(await page.locator('main').innerText()).not.toMatch(/NaN|undefined/);
    const billing = await sites.visit(`${sites.fixture.url}/metrics/billing/`);
    expect(await billing.page.locator('[data-metrics-empty]').innerText()).toContain('No release of this service has reached production yet');
    expect(await billing.page.locator('#metrics-period').count()).toBe(0);
    expect([...errors, ...billing.errors]).toEqual([]);
  });
});

describe('the action items board (sample)', () => {
  it('lists every open item grouped by owner, overdue first, relative to the stated now', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/retrospectives/actions/`);
    const now = (await page.locator('[data-action-summary]').getAttribute('data-now'))!;
    const groups = await page.locator('section.owner').evaluateAll((sections) =>
      sections.map((s) => ({
        owner: s.getAttribute('data-owner'),
        rows: [...s.querySelectorAll('tr[data-action-row]')].map((r) => ({ overdue: r.getAttribute('data-overdue') === 'true', due: r.getAttribute('data-due') ?? '' })),
      })),
    );
    expect(groups.flatMap((g) => g.rows)).toHaveLength(7);
    expect(new Set(groups.map((g) => g.owner)).size).toBe(groups.length);
    const today = now.slice(0, 10);
    for (const group of groups) {
      // Overdue items first; an item is overdue exactly when its due day is before today.
      const flags = group.rows.map((r) => r.overdue);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      for (const row of group.rows) expect(row.overdue, `${group.owner} ${row.due}`).toBe(row.due !== '' && row.due < today);
    }
    // Owners with overdue items come before owners without.
    const hasOverdue = groups.map((g) => g.rows.some((r) => r.overdue));
    expect(hasOverdue).toEqual([...hasOverdue].sort((a, b) => Number(b) - Number(a)));
    // 2026-03-31 is long past: 李娜's item leads the board.
    expect(groups[0]!.owner).toBe('李娜');
    expect(await page.locator('section.owner').first().locator('.badge[data-tone="bad"]').innerText()).toMatch(/^逾期 \d+ 天$/);
    const retroLink = page.locator('section.owner').first().locator('td a').first();
    expect(await retroLink.getAttribute('href')).toBe('/retrospectives/2026/03-payment-gateway-2.3.0-rollback/');
    expect(errors).toEqual([]);
  });

  it('is linked from the archive', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/retrospectives/`);
    expect(await page.locator('main a[href="/retrospectives/actions/"]').count()).toBe(1);
  });
});

describe('carry-over on a release page (sample)', () => {
  it('shows the open items of retrospectives of earlier releases of the service', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/releases/payment-gateway/2.5.0/`);
    const rows = page.locator('section.carry-over tr[data-action-row]');
    expect(await rows.count()).toBe(4);
    expect(await page.locator('nav.toc a[href="#carry-over"]').count()).toBe(1);
    expect(await page.locator('section.carry-over a[href="/retrospectives/2026/06-payment-gateway-q2-summary/"]').count()).toBe(1);
    expect(errors).toEqual([]);
    // The first release of the service carries nothing; a release of another service neither.
    for (const path of ['/releases/payment-gateway/2.2.4/', '/releases/user-center/4.3.0/']) {
      const other = await sites.visit(`${sites.sample.url}${path}`);
      expect(await other.page.locator('section.carry-over').count()).toBe(0);
    }
  });
});

describe('the retrospective archive (sample)', () => {
  it('groups by year and quarter and filters by outcome, service and tag', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/retrospectives/`);
    const visible = () => page.locator('[data-retro-row]:visible').count();
    const quarters = () => page.locator('section.quarter:visible h3').allInnerTexts();
    expect(await visible()).toBe(5);
    expect(await quarters()).toEqual(['2026 年第 3 季度', '2026 年第 2 季度', '2026 年第 1 季度']);
    await page.selectOption('#retro-filter-outcome', 'incident');
    expect(await visible()).toBe(1);
    expect(await quarters()).toEqual(['2026 年第 3 季度']);
    expect(page.url()).toContain('outcome=incident');
    await page.click('form[data-retro-filters] button[type=reset]');
    await expect.poll(visible).toBe(5);
    await page.selectOption('#retro-filter-service', 'payment-gateway');
    expect(await visible()).toBe(2);
    await page.selectOption('#retro-filter-tag', '回滚');
    expect(await visible()).toBe(1);
    expect(await page.locator('[data-retro-count]').innerText()).toContain('1 / 5');
    await page.selectOption('#retro-filter-service', 'web-portal');
    expect(await visible()).toBe(0);
    expect(await page.locator('[data-retro-none]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('takes its filters from the address', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/retrospectives/?tag=${encodeURIComponent('性能')}`);
    expect(await page.locator('#retro-filter-tag').inputValue()).toBe('性能');
    expect(await page.locator('[data-retro-row]:visible').count()).toBe(2);
  });

  it('shows the incident and the action items on a retrospective page, overdue items marked', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/retrospectives/2026/03-payment-gateway-2.3.0-rollback/`);
    expect(await page.locator('section.incident').innerText()).toMatch(/P2[\s\S]*48分钟/);
    expect(await page.locator('tr[data-action-status="open"]').count()).toBe(3);
    expect(await page.locator('tr[data-action-status="open"] .badge[data-tone="bad"]').first().innerText()).toMatch(/^逾期 \d+ 天$/);
    expect(await page.locator('header a[href="/releases/payment-gateway/2.3.0/"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
