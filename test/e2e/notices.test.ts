/**
 * The notice pages of a release in a real browser (issue #11): release notes, formal notice
 * and baseline notice load without console errors and show the record's content; the copy
 * buttons put the message on the clipboard; the static .md/.txt/.html files are linked and
 * served; the release page links the notices; environments with their owners show on the
 * home, process and release pages.
 */
import { describe, expect, it } from 'vitest';
import { servedSites } from './portal-helpers.ts';

const sites = servedSites();

const NOTES = '/releases/payment-gateway/2.4.0/notes/';
const NOTICE = '/releases/payment-gateway/2.4.0/notice/';
const BASELINE = '/releases/payment-gateway/2.4.0/baseline/';

const text = async (url: string) => {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return response.text();
};

describe('notice pages (sample, zh-CN)', () => {
  it('show the release notes written from the record', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}${NOTES}`);
    expect(await page.locator('h1').innerText()).toBe('支付网关 2.4.0 发布说明');
    const body = await page.locator('.notice-body').innerText();
    for (const expected of ['产品版本说明', '产品概要介绍', '本次发布包含的文件包、文档说明', '新增功能特性说明', '遗留问题、影响说明', '版权声明', '分账：按比例 / 按金额分账与分账回退', 'PAY-1260', '© 2026 布比科技']) {
      expect(body).toContain(expected);
    }
    expect(errors).toEqual([]);
  });

  it('show the formal notice to site.notice.audience with the notes included', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}${NOTICE}`);
    expect(await page.locator('h1').innerText()).toBe('【正式发布通知】支付网关 2.4.0');
    const body = await page.locator('.notice-body').innerText();
    expect(body).toContain('致：开发、测试、运维、产品、市场、销售');
    expect(body).toContain('支付网关 2.4.0 已于 2026/06/18 22:00 (UTC+08:00) 正式发布。');
    expect(await page.locator('.notice-body h2').allInnerTexts()).toEqual(['发布说明']);
    expect(await page.locator('.notice-body h3').count()).toBe(6);
    expect(errors).toEqual([]);
  });

  it('show the baseline notice with the components in deploy order', async () => {
    const { page, errors } = await sites.visit(`${sites.sample.url}${BASELINE}`);
    const steps = await page.locator('#deploy-order ~ ul li').allInnerTexts();
    expect(steps.map((s) => s.split('：')[0])).toEqual(['第 1 步', '第 2 步', '第 3 步']);
    expect(steps[1]).toContain('网关 API(应用服务，部署)');
    expect(await page.locator('.notice-body').innerText()).toContain('release/2.4.0');
    expect(errors).toEqual([]);
  });

  it('link their static files, which hold the same message', async () => {
    const { page } = await sites.visit(`${sites.sample.url}${NOTICE}`);
    const hrefs = await page.locator('[data-notice-file]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([`${NOTICE}notice.md`, `${NOTICE}notice.txt`, `${NOTICE}notice.html`]);
    const md = await text(`${sites.sample.url}${NOTICE}notice.md`);
    expect(md.startsWith('# 【正式发布通知】支付网关 2.4.0\n\n致：开发、测试、运维、产品、市场、销售\n')).toBe(true);
    const txt = await text(`${sites.sample.url}${NOTICE}notice.txt`);
    expect(txt).toContain('支付网关 2.4.0 已于 2026/06/18 22:00 (UTC+08:00) 正式发布。');
    const html = await text(`${sites.sample.url}${NOTICE}notice.html`);
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img/);
    // The page holds the same texts for the copy buttons, as text.
    expect(await page.locator('pre[data-notice-source="md"]').textContent()).toBe(md);
    expect(await page.locator('pre[data-notice-source="html"]').textContent()).toBe(html);
  });

  it('copy the message: Markdown, plain text, and the e-mail body as rich text', async () => {
    const context = await sites.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sites.sample.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await page.goto(`${sites.sample.url}${NOTES}`);
    const md = await text(`${sites.sample.url}${NOTES}notes.md`);
    const txt = await text(`${sites.sample.url}${NOTES}notes.txt`);

    await page.click('button[data-copy="md"]');
    await expect.poll(() => page.locator('[data-copy-status]').innerText()).toBe('已复制。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(md);

    await page.click('button[data-copy="txt"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(txt);

    await page.click('button[data-copy="html"]');
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const [item] = await navigator.clipboard.read();
          return item ? [...item.types].sort() : [];
        }),
      )
      .toEqual(['text/html', 'text/plain']);
    const html = await page.evaluate(async () => (await (await navigator.clipboard.read())[0]!.getType('text/html')).text());
    expect(html).toContain('支付网关 2.4.0 发布说明</h1>');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('work without JavaScript: the copy buttons are hidden, the files are linked', async () => {
    const context = await sites.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${sites.sample.url}${NOTICE}`);
    expect(await page.locator('button[data-copy]:visible').count()).toBe(0);
    expect(await page.locator('[data-notice-file]:visible').count()).toBe(3);
    expect(await page.locator('.notice-body').innerText()).toContain('正式发布');
    await context.close();
  });

  it('are linked from the release page, and link each other', async () => {
    const { page } = await sites.visit(`${sites.sample.url}/releases/payment-gateway/2.4.0/`);
    const nav = page.getByRole('navigation', { name: '发布通知' });
    expect(await nav.locator('a').allInnerTexts()).toEqual(['发布说明', '正式发布通知', '发布基线通知']);
    expect(await nav.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([NOTES, NOTICE, BASELINE]);
    const notice = await sites.visit(`${sites.sample.url}${NOTICE}`);
    expect(await notice.page.getByRole('navigation', { name: '其他通知' }).locator('a').allInnerTexts()).toEqual(['发布说明', '发布基线通知']);
    expect(await notice.page.locator('.page-head .kicker a').getAttribute('href')).toBe('/releases/payment-gateway/2.4.0/');
  });
});

describe('notice pages (fixture, en)', () => {
  it('leave out what the record and site.yaml do not have', async () => {
    const { page, errors } = await sites.visit(`${sites.fixture.url}/releases/shop/1.0.0/notice/`);
    expect(await page.locator('h1').innerText()).toBe('Release notice: Shop 1.0.0');
    const body = await page.locator('.notice-body').innerText();
    expect(body).toContain('Shop 1.0.0 was released on 03/12/2026, 22:05 (UTC+08:00).');
    expect(body).not.toMatch(/To:|Copyright|Known issues|undefined/);
    expect(await page.locator('button[data-copy="md"]').innerText()).toBe('Copy Markdown');
    expect(errors).toEqual([]);
  });

  it('announce a planned release as planned', async () => {
    const { page } = await sites.visit(`${sites.fixture.url}/releases/shop/1.1.0/notice/`);
    expect(await page.locator('.notice-body').innerText()).toContain('Shop 1.1.0 has no go-live window yet (status: Planned).');
  });
});

describe('environments and their owners', () => {
  const ALL = ['开发环境 — 开发', '测试环境 — 测试', '预热环境 — 运维', '生产环境 — 运维'];

  it('are listed on the home page and on each process page', async () => {
    for (const path of ['/', '/processes/standard/', '/processes/hotfix/']) {
      const { page, errors } = await sites.visit(`${sites.sample.url}${path}`);
      const section = page.locator('section[aria-labelledby="environments"]');
      expect(await section.locator('h2').innerText(), path).toBe('环境');
      expect(await section.locator('.environments .entry').allInnerTexts(), path).toEqual(ALL);
      expect(errors).toEqual([]);
    }
    const { page } = await sites.visit(`${sites.fixture.url}/`);
    expect(await page.locator('section[aria-labelledby="environments"] .entry').allInnerTexts()).toEqual(['Test — Tester']);
  });

  it("show on a release page which environments its test reports ran in", async () => {
    const { page } = await sites.visit(`${sites.sample.url}/releases/payment-gateway/2.4.0/`);
    const section = page.locator('section[aria-labelledby="test-reports"]');
    expect(await section.locator('.environments .entry').allInnerTexts()).toEqual(['测试环境 — 测试', '预热环境 — 运维']);
    const column = await section.locator('td[data-label="环境"]').allInnerTexts();
    expect(column.length).toBeGreaterThan(0);
    for (const env of column) expect(['测试环境', '预热环境']).toContain(env);
  });
});
