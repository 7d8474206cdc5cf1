/**
 * A generated content folder of 130 releases (test/bench/generate), large enough for the
 * paged lists, built twice with the same SHIPLOG_NOW into two folders:
 * - the two builds are the same bytes, file for file (Pagefind's index included), so a
 *   published portal changes only when its content does;
 * - the release list is paged (/releases/, /releases/2/, with a pager, no page holding every
 *   release) and its filters find releases of every page through /releases/index.json;
 * - the calendar has a page per year, the calendar page only the upcoming and recent months.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../bench/generate/index.ts';
import { REPO } from '../unit/helpers.ts';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';

const RELEASES = 130;
const NOW = '2026-06-30T12:00:00+08:00';
const BUILD_TIMEOUT_MS = 900_000;

let work: string;
let content: string;
const dists: string[] = [];
const logs: string[] = [];

function build(out: string): { status: number | null; log: string } {
  const result = spawnSync(process.execPath, [path.join(REPO, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/shiplog.ts', 'build'], {
    cwd: REPO,
    env: { ...process.env, SHIPLOG_CONTENT: content, SHIPLOG_OUT: out, SHIPLOG_NOW: NOW, NO_COLOR: '1' },
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
});
