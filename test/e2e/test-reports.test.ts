/**
 * Test results in a real browser: a report page with failures shows them first with their
 * messages (escaped), then flaky tests, bugs, the per-suite table and the slowest tests; the
 * release page sums up its reports across rounds against the bug gate; /test-reports/ filters
 * by service, stage and verdict without a server and draws its trend charts with no mermaid
 * error. No page logs a console error.
 */
import { describe, expect, it } from 'vitest';
import { scrollEachIntoView } from './browser.ts';
import { servedSites } from './portal-helpers.ts';

const sites = servedSites();
const REPORT = '/test-reports/payment-gateway/2.3.0-system-r1/';

describe('a test report page with failures (sample, zh-CN)', () => {
  it('lists failures and errors first, with their messages as text, traces folded', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}${REPORT}`);
    const sections = await page.locator('main section > h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(sections.slice(0, 6)).toEqual(['totals', 'failures', 'flaky', 'bugs', 'body', 'suites']);
    expect(sections).toContain('slowest');

    const failures = page.locator('#failures ~ ol .failure');
    expect(await failures.count()).toBe(4);
    expect(await failures.evaluateAll((li) => li.map((el) => el.getAttribute('data-status')))).toEqual(['failed', 'failed', 'failed', 'error']);
    const first = failures.first();
    expect(await first.locator('.name').innerText()).toBe('refundAmount_precisionKeptForYen');
    // "<1999>" is in the JUnit message: it must read as text, not become markup.
    expect(await first.locator('.message').innerText()).toContain('expected: <1999> but was: <2000>');
    expect(await first.locator('.message').evaluate((el) => el.children.length)).toBe(2); // the visually hidden label and the type
    const details = first.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator('summary').click();
    expect(await details.locator('pre').first().innerText()).toContain('RefundApiTest.java:290');
    expect(await failures.last().locator('.message').innerText()).toContain('Read timed out');
    expect(errors).toEqual([]);
  });

  it('shows the pass rate, flaky tests, bugs, a row per suite with its failures, and the slowest tests', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}${REPORT}`);
    expect(await page.locator('tr[data-row="junit.passRate"] td').innerText()).toBe('88.2%');
    expect(await page.locator('#flaky ~ table tbody tr').allInnerTexts()).toEqual([expect.stringContaining('refundNotify_shouldRetryOn5xx')]);
    expect(await page.locator('#bugs ~ table tr[data-bug-status]').count()).toBe(4);
    const suites = page.locator('#suites ~ .table-wrap tbody tr');
    expect(await suites.count()).toBe(5);
    // Suites with failures or errors come first.
    const flagged = await suites.evaluateAll((rows) => rows.map((r) => r.hasAttribute('data-problems')));
    expect(flagged).toEqual([true, true, true, true, false]);
    expect(await page.locator('#suites ~ .table-wrap tfoot tr[data-total]').innerText()).toMatch(/^合计\s+35\s+30\s+3\s+1\s+1\s+1\b/);
    const slowest = page.locator('#slowest ~ table tbody tr');
    expect(await slowest.count()).toBe(20);
    expect(await slowest.first().innerText()).toContain('recon_largeBatch_200k_withinTimeout');
    // The release it tested is one click away.
    expect(await page.locator('.page-head a[href="/releases/payment-gateway/2.3.0/"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows the same sections in English on the fixture', async () => {
    const { page, errors } = await sites.visit(`${sites.fixture.url}/test-reports/shop-1.0.0-system/`);
    expect(await page.locator('#failures').innerText()).toBe('Failures and errors (0)');
    expect(await page.locator('#failures ~ p').first().innerText()).toBe('No test failed and none ended in an error.');
    expect(await page.locator('tr[data-row="junit.passRate"] td').innerText()).toBe('100%');
    expect(await page.locator('#suites ~ .table-wrap tbody tr').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('the release page (sample)', () => {
  it('sums up testing across reports and rounds, and open bugs against the bug gate', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/releases/payment-gateway/2.3.0/`);
    expect(await page.locator('nav a[href="#tests"]').count()).toBe(1);
    const system = page.locator('section:has(> #tests) tr[data-stage="system"]');
    const rounds = system.locator('.rounds li');
    expect(await rounds.evaluateAll((li) => li.map((el) => [el.getAttribute('data-verdict'), el.hasAttribute('data-latest')]))).toEqual([
      ['fail', false],
      ['pass', true],
    ]);
    expect(await rounds.first().innerText()).toMatch(/第 1 轮\s*不通过\s*88\.2%/);
    expect(await rounds.first().locator('a').getAttribute('href')).toBe(REPORT);
    const gate = page.locator('section:has(> #tests) table.gate tbody tr');
    expect(await gate.count()).toBe(4);
    expect(await gate.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-severity'), r.hasAttribute('data-over')]))).toEqual([
      ['A', false],
      ['B', false],
      ['C', false],
      ['D', false],
    ]);
    expect(await page.locator('section:has(> #tests) [data-gate-reason]').innerText()).toContain('阈值内');
    expect(errors).toEqual([]);
  });

  it('marks a severity over its limit', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/releases/web-portal/5.1.0/`);
    expect(await page.locator('section:has(> #tests) tr[data-over]').getAttribute('data-severity')).toBe('B');
    expect(await page.locator('section:has(> #tests) h3 .badge').innerText()).toBe('不满足缺陷上线标准');
  });
});

describe('/test-reports/ (sample)', () => {
  const rows = (page: import('playwright-core').Page) => page.locator('tr[data-report-row]:visible').count();

  it('filters by service, stage and verdict, keeps the choice in the address, and restores', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/test-reports/`);
    expect(await rows(page)).toBe(32);
    await page.selectOption('#report-filter-service', 'web-portal');
    expect(await rows(page)).toBe(3);
    // The service filter also narrows the charts and the flaky tests to that service.
    expect(await page.locator('.service-trend:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-filter-service')))).toEqual(['web-portal']);
    await page.selectOption('#report-filter-stage', 'system');
    expect(await rows(page)).toBe(2);
    await page.selectOption('#report-filter-verdict', 'fail');
    expect(await rows(page)).toBe(1);
    expect(await page.locator('tr[data-report-row]:visible a').first().innerText()).toContain('5.1.0');
    expect(page.url()).toContain('service=web-portal&stage=system&verdict=fail');
    expect(await page.locator('[data-report-count]').innerText()).toContain('1 / 32');
    await page.selectOption('#report-filter-service', 'settlement-job');
    expect(await rows(page)).toBe(0);
    expect(await page.locator('[data-report-none]').isVisible()).toBe(true);
    await page.click('form[data-report-filters] button[type=reset]');
    await expect.poll(() => rows(page)).toBe(32);
    expect(await page.locator('.service-trend:visible').count()).toBe(6);
    expect(errors).toEqual([]);
  });

  it('takes its filters from the address and shows everything without JavaScript', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/test-reports/?verdict=fail`);
    expect(await page.locator('#report-filter-verdict').inputValue()).toBe('fail');
    expect(await rows(page)).toBe(4);
    const context = await sites.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${sites.sample.url}/test-reports/?verdict=fail`);
    expect(await noJs.locator('tr[data-report-row]:visible').count()).toBe(32);
    expect(await noJs.locator('form[data-report-filters]').isVisible()).toBe(false);
    // The charts' text versions are there for readers without JavaScript.
    expect(await noJs.locator('.service-trend figure .diagram-alt li').first().innerText()).toMatch(/: /);
    await context.close();
  });

  it('draws every trend chart as SVG, with no mermaid error', { timeout: 120_000 }, async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}/test-reports/`);
    const figures = page.locator('.service-trend figure[data-diagram]');
    const count = await figures.count();
    // Six services, three metrics each.
    expect(count).toBe(18);
    await scrollEachIntoView(page, figures);
    await page.waitForFunction((n) => document.querySelectorAll('.service-trend figure[data-diagram-state="rendered"] svg').length >= n, count, { timeout: 60_000 });
    expect(await page.locator('.service-trend figure[data-diagram-state="failed"]').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/Syntax error|Parse error/i);
    // The x axis names the releases: payment-gateway's five versions, oldest first.
    const pay = page.locator('.service-trend[data-filter-service="payment-gateway"] figure').first();
    const labels = await pay.locator('svg text').allTextContents();
    expect(labels.filter((l) => /^2\.\d\.\d$/.test(l))).toEqual(['2.2.4', '2.3.0', '2.3.1', '2.4.0', '2.5.0']);
    expect(errors).toEqual([]);
  });

  it('lists the tests flaky in more than one release, linking the releases', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/test-reports/`);
    const flaky = page.locator('#flaky-across ~ table tbody tr');
    expect(await flaky.count()).toBe(1);
    expect(await flaky.first().innerText()).toContain('TradeQuery allows 180-day range');
    expect(await flaky.first().locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/releases/web-portal/5.0.0/',
      '/releases/web-portal/5.1.0/',
    ]);
  });
});
