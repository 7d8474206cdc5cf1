/**
 * A generated content folder of 130 releases (test/bench/generate), large enough for the
 * paged lists, built twice with the same SHIPLOG_NOW into two folders:
 * - the two builds are the same bytes, file for file (Pagefind's index included, built in
 *   parts of SEARCH_PART_PAGES as a large site's is), so a published portal changes only when
 *   its content does;
 * - the release list is paged (/releases/, /releases/2/, with a pager, no page holding every
 *   release) and its filters find releases of every page through /releases/index.json;
 * - the calendar has a page per year, the calendar page only the upcoming and recent months;
 * - the home page shows the most recent open follow-ups and links to /follow-ups/, which pages
 *   them all; a process page pages the releases that follow it;
 * - the test report list is paged like the release list, and its filters find reports of
 *   every page through /test-reports/index.json.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../bench/generate/index.ts';
import { loadContent } from '../../src/model/load.ts';
import { FOLLOW_UPS_PER_PAGE, HOME_FOLLOW_UPS } from '../../src/model/gate/overview.ts';
import { PROCESS_RELEASES_PER_PAGE } from '../../src/model/queries/processes.ts';
import { releasePath } from '../../src/model/queries/releases.ts';
import { SEARCH_PART_PAGES_ENV } from '../../src/model/search/parts.ts';
import { REPORTS_PER_PAGE } from '../../src/portal/test-report-list.ts';
import { REPO } from '../unit/helpers.ts';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';

const RELEASES = 130;
const NOW = '2026-06-30T12:00:00+08:00';
const BUILD_TIMEOUT_MS = 900_000;
/** About 300 search pages: 4 parts. */
const SEARCH_PART_PAGES = 80;

let work: string;
let content: string;
const dists: string[] = [];
const logs: string[] = [];

function build(out: string): { status: number | null; log: string } {
  const result = spawnSync(process.execPath, ['src/cli/shiplog.ts', 'build'], {
    cwd: REPO,
    env: {
      ...process.env,
      SHIPLOG_CONTENT: content,
      SHIPLOG_OUT: out,
      SHIPLOG_NOW: NOW,
      NO_COLOR: '1',
      [SEARCH_PART_PAGES_ENV]: String(SEARCH_PART_PAGES),
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, log: `${result.stdout}\n${result.stderr}` };
}

/** Every file under `dir` (posix, relative), with the sha256 of its bytes. */
async function digest(dir: string, rel = '', out = new Map<string, string>()): Promise<Map<string, string>> {
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) await digest(dir, child, out);
    else out.set(child, createHash('sha256').update(await readFile(path.join(dir, child))).digest('hex'));
  }
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'shiplog-reproducible-'));
  content = path.join(work, 'content');
  await generateContent({ root: content, releases: RELEASES, seed: 'reproducible' });
  for (const name of ['a', 'b']) {
    const out = path.join(work, `dist-${name}`);
    const { status, log } = build(out);
    if (status !== 0) throw new Error(`build ${name} failed (exit ${status}):\n${log.slice(-4000)}`);
    dists.push(out);
    logs.push(log);
  }
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  // Astro's content cache of this temp folder (astro.config.mjs keys it by content folder).
  const key = createHash('sha256').update(content).digest('hex').slice(0, 12);
  await rm(path.join(REPO, 'node_modules/.astro', key), { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('two builds of the same content and SHIPLOG_NOW', () => {
  it('write the same files with the same bytes', async () => {
    const [a, b] = [await digest(dists[0]!), await digest(dists[1]!)];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a.entries()].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
    expect(a.size).toBeGreaterThan(RELEASES * 3);
    // The search index is in parts here, so the comparison covers every part's bytes.
    expect([...a.keys()].filter((file) => /^pagefind\/part-\d+\/pagefind-entry\.json$/.test(file)).length).toBeGreaterThanOrEqual(2);
    for (const log of logs) expect(log).toMatch(/^built \d+ records into \d+ pages in \d+\.\d s: no problems$/m);
  });
});

describe('the paged lists', () => {
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    browser = await launch();
    site = await serve(dists[0]!);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('page the release list, 100 to a page, with the index of every release beside it', async () => {
    const dist = dists[0]!;
    const first = await readFile(path.join(dist, 'releases/index.html'), 'utf8');
    const second = await readFile(path.join(dist, 'releases/2/index.html'), 'utf8');
    // Rows of the table (the filter script's empty template row aside).
    const rows = (html: string) => html.replace(/<template[\s\S]*?<\/template>/g, '').match(/<tr data-release-row/g)?.length ?? 0;
    expect(rows(first)).toBe(100);
    expect(rows(second)).toBe(RELEASES - 100);
    expect(first).toContain('href="/releases/2/"');
    const index = JSON.parse(await readFile(path.join(dist, 'releases/index.json'), 'utf8')) as { total: number; rows: string[][] };
    expect(index.total).toBe(RELEASES);
    expect(new Set(index.rows.map((r) => r[0])).size).toBe(RELEASES);
  });

  it('filter across every page of the release list, and restore the page when cleared', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/releases/`);
    const visible = () => page.locator('tr[data-release-row]:visible').count();
    expect(await visible()).toBe(100);
    const index = JSON.parse(await readFile(path.join(dists[0]!, 'releases/index.json'), 'utf8')) as { rows: string[][] };
    // The oldest year's releases are all on the last page; filtering from the first page finds them.
    const years = index.rows.map((r) => r[7]!).filter((y) => y !== 'none');
    const oldest = years.sort()[0]!;
    const expected = index.rows.filter((r) => r[7] === oldest).length;
    await page.selectOption('#filter-year', oldest);
    await expect.poll(visible).toBe(expected);
    expect(await page.locator('[data-pager]').isVisible()).toBe(false);
    expect(page.url()).toContain(`year=${oldest}`);
    expect(await page.locator('[data-release-count]').innerText()).toContain(`${expected} / ${RELEASES}`);
    // Rows built from the index are links like the page's own rows.
    const href = await page.locator('tr[data-release-row]:visible a').first().getAttribute('href');
    expect(index.rows.some((r) => r[0] === href && r[7] === oldest)).toBe(true);
    await page.click('button[type=reset]');
    await expect.poll(visible).toBe(100);
    expect(await page.locator('[data-pager]').isVisible()).toBe(true);
    // The address filters too (the home page links to ?status=…).
    const released = index.rows.filter((r) => r[6] === 'released').length;
    await page.goto(`${site.url}/releases/2/?status=released`);
    await expect.poll(visible).toBe(released);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('show the release list page by page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/releases/`);
    expect(await page.locator('tr[data-release-row]:visible').count()).toBe(100);
    await page.click('[data-pager] a[rel=next]');
    expect(new URL(page.url()).pathname).toBe('/releases/2/');
    expect(await page.locator('tr[data-release-row]:visible').count()).toBe(RELEASES - 100);
    await context.close();
  });

  it('give the calendar a page per year, and link them', async () => {
    const dist = dists[0]!;
    const years = (await readdir(path.join(dist, 'calendar'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(years.length).toBeGreaterThanOrEqual(4);
    const calendar = await readFile(path.join(dist, 'calendar/index.html'), 'utf8');
    for (const year of years) expect(calendar).toContain(`href="/calendar/${year}/"`);
    // The calendar page holds a few months; a year page holds that year's.
    const months = (html: string) => html.match(/<section class="month"/g)?.length ?? 0;
    expect(months(calendar)).toBeLessThanOrEqual(12);
    const oldest = await readFile(path.join(dist, `calendar/${years[0]}/index.html`), 'utf8');
    expect(months(oldest)).toBeGreaterThan(0);
    expect(oldest).toContain(`month-${years[0]}-`);
  });
  it('keep the home page to the most recent follow-ups, with every one of them on /follow-ups/, page by page', async () => {
    const dist = dists[0]!;
    const read = (file: string) => readFile(path.join(dist, file), 'utf8');
    // Each entry links its release first; the list is the section's `.attention` items.
    const entries = (html: string) => [...html.matchAll(/<li[^>]*>\s*<p class="what"[^>]*>\s*<a href="([^"]+)"[^>]*>[\s\S]*?<span class="muted"[^>]*>([^<]*)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`);
    const pages: string[][] = [];
    for (let n = 1; ; n += 1) {
      const file = n === 1 ? 'follow-ups/index.html' : `follow-ups/${n}/index.html`;
      const html = await read(file).catch(() => undefined);
      if (html === undefined) break;
      pages.push(entries(html));
    }
    const all = pages.flat();
    // The generated content has more open follow-ups than one page holds: each page is full but the last.
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(0, -1)) expect(page.length).toBe(FOLLOW_UPS_PER_PAGE);
    expect(new Set(all).size).toBe(all.length);
    // Only releases that went out have follow-ups.
    const { content: loaded } = await loadContent(content);
    const wentOut = new Set([...loaded.releaseByRef.values()].filter((r) => r.data.status === 'released' || r.data.status === 'rolled-back').map((r) => releasePath(r.data.service, r.data.version)));
    for (const entry of all) expect(wentOut.has(entry.split(' ')[0]!), entry).toBe(true);
    // The home page: the first of them, and a link to all of them that says how many.
    const home = await read('index.html');
    const section = home.slice(home.indexOf('aria-labelledby="follow-ups"'));
    const followUps = section.slice(0, section.indexOf('</section>'));
    expect(entries(followUps)).toEqual(all.slice(0, HOME_FOLLOW_UPS));
    expect(followUps).toMatch(new RegExp(`<a href="/follow-ups/"[^>]*>[^<]*\\b${all.length}\\b`));
    const first = await read('follow-ups/index.html');
    expect(first).toContain('href="/follow-ups/2/"');
  });

  it('page the releases of a process below its flow, and index only its first page', async () => {
    const dist = dists[0]!;
    const { content: loaded } = await loadContent(content);
    const rows = (html: string) => [...html.replace(/<template[\s\S]*?<\/template>/g, '').matchAll(/<tr data-release-row[^>]*>\s*<td[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1]!);
    let paged = 0;
    for (const process of loaded.processes.values()) {
      const following = [...loaded.releaseByRef.values()].filter((r) => r.data.process === process.id).map((r) => releasePath(r.data.service, r.data.version));
      const seen: string[] = [];
      for (let n = 1; ; n += 1) {
        const html = await readFile(path.join(dist, `processes/${process.id}/${n === 1 ? '' : `${n}/`}index.html`), 'utf8').catch(() => undefined);
        if (html === undefined) break;
        const onPage = rows(html);
        expect(onPage.length).toBeLessThanOrEqual(PROCESS_RELEASES_PER_PAGE);
        seen.push(...onPage);
        // The flow and the stages are on the first page; the search index reads only that one.
        expect(html.includes('data-pagefind-body'), `${process.id} page ${n}`).toBe(n === 1);
        expect(html.includes('aria-labelledby="stages"'), `${process.id} page ${n}`).toBe(n === 1);
        if (n > 1) paged += 1;
      }
      expect(seen.sort()).toEqual(following.sort());
    }
    expect(paged).toBeGreaterThan(0); // the generated content has a process with more than one page
  });

  it('lead from the process page to its next page of releases without JavaScript', async () => {
    const { content: loaded } = await loadContent(content);
    const counts = new Map<string, number>();
    for (const r of loaded.releaseByRef.values()) counts.set(r.data.process, (counts.get(r.data.process) ?? 0) + 1);
    const [busiest, total] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/processes/${busiest}/`);
    expect(await page.locator('#releases ~ table tr[data-release-row]').count()).toBe(Math.min(total, PROCESS_RELEASES_PER_PAGE));
    await page.click('[data-pager] a[rel=next]');
    expect(new URL(page.url()).pathname).toBe(`/processes/${busiest}/2/`);
    expect(await page.locator('tr[data-release-row]').count()).toBe(Math.min(total - PROCESS_RELEASES_PER_PAGE, PROCESS_RELEASES_PER_PAGE));
    await context.close();
  });
  it('page the test report list, with the index of every report beside it and the charts on the first page', async () => {
    const dist = dists[0]!;
    const { content: loaded } = await loadContent(content);
    const reports = loaded.testReports.length;
    expect(reports).toBeGreaterThan(REPORTS_PER_PAGE); // the generated content needs a second page
    const first = await readFile(path.join(dist, 'test-reports/index.html'), 'utf8');
    const second = await readFile(path.join(dist, 'test-reports/page/2/index.html'), 'utf8');
    const rows = (html: string) => [...html.replace(/<template[\s\S]*?<\/template>/g, '').matchAll(/<tr data-report-row[^>]*>\s*<td[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1]!);
    expect(rows(first)).toHaveLength(REPORTS_PER_PAGE);
    expect(rows(second)).toHaveLength(reports - REPORTS_PER_PAGE);
    expect(new Set([...rows(first), ...rows(second)]).size).toBe(reports);
    expect(first).toContain('href="/test-reports/page/2/"');
    // The charts and the flaky tests are about every report: on the first page only.
    expect(first).toContain('aria-labelledby="trends"');
    expect(second).not.toContain('aria-labelledby="trends"');
    const index = JSON.parse(await readFile(path.join(dist, 'test-reports/index.json'), 'utf8')) as { total: number; rows: string[][] };
    expect(index.total).toBe(reports);
    expect(index.rows.map((r) => r[0])).toEqual([...rows(first), ...rows(second)]);
  });

  it('filter the test reports across every page, with rows built like the page rows, and restore the page when cleared', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/test-reports/`);
    const visible = page.locator('tr[data-report-row]:visible');
    await expect.poll(() => visible.count()).toBe(REPORTS_PER_PAGE);
    const cells = (row: ReturnType<typeof page.locator>) => row.locator('td').evaluateAll((tds) => tds.map((td) => td.innerHTML.replace(/ data-astro-cid-\w+/g, '').trim()));
    const firstRow = visible.first();
    const href = (await firstRow.locator('a').first().getAttribute('href'))!;
    const service = (await firstRow.getAttribute('data-service'))!;
    const asRendered = await cells(firstRow);
    const index = JSON.parse(await readFile(path.join(dists[0]!, 'test-reports/index.json'), 'utf8')) as { rows: string[][] };
    const expected = index.rows.filter((r) => r[4] === service);
    // The service has reports on the second page too (else the filter proves nothing across pages).
    expect(index.rows.slice(REPORTS_PER_PAGE).some((r) => r[4] === service)).toBe(true);
    await page.selectOption('#report-filter-service', service);
    await expect.poll(() => visible.count()).toBe(expected.length);
    expect(await page.locator('[data-pager]').isVisible()).toBe(false);
    expect(page.url()).toContain(`service=${service}`);
    expect(await page.locator('[data-report-count]').innerText()).toContain(`${expected.length}`);
    expect(await visible.locator('td:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(expected.map((r) => r[0]));
    // A row built from the index shows what the page's own row showed, cell by cell.
    expect(await cells(page.locator('tr[data-report-row]', { has: page.locator(`a[href="${href}"]`) }))).toEqual(asRendered);
    await page.click('form[data-report-filters] button[type=reset]');
    await expect.poll(() => visible.count()).toBe(REPORTS_PER_PAGE);
    expect(await page.locator('[data-pager]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('show the test report list page by page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/test-reports/`);
    expect(await page.locator('tr[data-report-row]:visible').count()).toBe(REPORTS_PER_PAGE);
    await page.click('[data-pager] a[rel=next]');
    expect(new URL(page.url()).pathname).toBe('/test-reports/page/2/');
    expect(await page.locator('tr[data-report-row]:visible').count()).toBeGreaterThan(0);
    await context.close();
  });
});
