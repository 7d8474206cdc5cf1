/**
 * Diagrams in a real browser. Two real builds, made here:
 * - the hostile fixture (test/fixtures/diagrams-hostile) with `shiplog build`: its release
 *   bodies hold ```mermaid fences in .md (Sätteri) and .mdx, one of them broken on purpose;
 * - a throwaway Astro site (test/fixtures/diagrams-harness) around the real Diagram.astro and
 *   AuthorDiagrams.astro, showing every diagram the builders make for the hostile fixture,
 *   the sample content and the `valid` fixture. Its bundle (the client script and mermaid's
 *   chunks) is copied next to the portal build, so the portal's release pages can load the
 *   very same script until the pages include the components themselves.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './browser.ts';
import { serve, type Served } from './serve.ts';
import { HOSTILE, REPO, SAMPLE, loadValid, samplesOf } from '../unit/diagrams/samples.ts';

let browser: Browser;
let site: Served;
let out: string;
let harnessRoot: string;
/** The harness's module script for AuthorDiagrams (the same bundle as Diagram's). */
let loaderUrl: string;
/** How many diagrams the harness page shows. */
let count: number;

function run(args: string[], env: Record<string, string>, cwd = REPO): void {
  const result = spawnSync(process.execPath, args, {
    cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

async function buildHarness(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'shiplog-diagram-harness-'));
  await symlink(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await writeFile(path.join(root, 'package.json'), '{ "name": "diagram-harness", "private": true, "type": "module" }\n');
  // Astro 7 cannot compile components outside the project root, so the real ones are copied in.
  await cp(path.join(REPO, 'test/fixtures/diagrams-harness/pages'), path.join(root, 'src/pages'), { recursive: true });
  await cp(path.join(REPO, 'src/components/diagram'), path.join(root, 'src/components/diagram'), { recursive: true });
  await cp(path.join(REPO, 'src/model/diagrams'), path.join(root, 'src/model/diagrams'), { recursive: true });
  const diagrams = [];
  for (const [label, folder] of [['hostile', HOSTILE], ['content', SAMPLE], ['valid', path.join(REPO, 'test/fixtures/valid')]] as const) {
    for (const sample of samplesOf(await loadValid(folder))) diagrams.push({ ...sample, name: `${label}/${sample.name}` });
  }
  await writeFile(path.join(root, 'src/diagrams.json'), JSON.stringify(diagrams));
  await writeFile(
    path.join(root, 'build.mjs'),
    [
      "import { createRequire } from 'node:module';",
      `const require = createRequire(${JSON.stringify(path.join(REPO, 'package.json'))});`,
      "const { build } = await import(require.resolve('astro'));",
      `const root = ${JSON.stringify(root)};`,
      "await build({ root, outDir: `${root}/dist`, cacheDir: `${root}/.cache`, logLevel: 'warn', vite: { cacheDir: `${root}/.vite` } });",
    ].join('\n'),
  );
  run([path.join(root, 'build.mjs')], {}, root);
  return path.join(root, 'dist');
}

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'shiplog-diagrams-'));
  const portal = () => run(['src/cli/shiplog.ts', 'build'], { SHIPLOG_CONTENT: HOSTILE, SHIPLOG_OUT: out });
  // Astro keeps build state in <repo>/.astro, so a build running at the same time in this
  // checkout (another test run) can break ours; one retry tells that apart from a real failure.
  try {
    portal();
  } catch {
    portal();
  }
  const harness = await buildHarness();
  harnessRoot = path.dirname(harness);
  await cp(path.join(harness, '_astro'), path.join(out, '_astro'), { recursive: true });
  for (const page of ['all', 'one', 'without', 'fences']) {
    await mkdir(path.join(out, '__diagrams', page), { recursive: true });
    await cp(path.join(harness, page, 'index.html'), path.join(out, '__diagrams', page, 'index.html'));
  }
  const fences = await readFile(path.join(harness, 'fences/index.html'), 'utf8');
  loaderUrl = /<script type="module" src="([^"]+)"/.exec(fences)![1]!;
  count = JSON.parse(await readFile(path.join(harness, '..', 'src/diagrams.json'), 'utf8')).length;
  browser = await launch();
  site = await serve(out);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  // rm removes the harness's node_modules symlink, never what it points to.
  for (const dir of [out, harnessRoot]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** Brings each figure into view (they are drawn lazily) and waits until each is drawn or has failed. */
async function drawAll(page: Page): Promise<void> {
  const figures = page.locator('figure[data-diagram]');
  const total = await figures.count();
  for (let i = 0; i < total; i++) {
    await figures.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (index) => /^(rendered|failed)$/.test(document.querySelectorAll('figure[data-diagram]')[index]?.getAttribute('data-diagram-state') ?? ''),
      i,
      { timeout: 30_000 },
    );
  }
}

describe('generated diagrams (Diagram.astro + render-diagrams.ts)', () => {
  it('draws every builder output as SVG, hostile text included, with no error and nothing run', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(`${site.url}/__diagrams/all/`, { waitUntil: 'domcontentloaded' });
    await drawAll(page);
    const states = await page.locator('figure[data-diagram]').evaluateAll((figures) =>
      figures.map((f) => [f.closest('section')!.dataset['name'], f.getAttribute('data-diagram-state'), f.querySelectorAll('.diagram-canvas svg').length]),
    );
    expect(states.length).toBe(count);
    expect(states.filter(([, state, svgs]) => state !== 'rendered' || svgs !== 1)).toEqual([]);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/Syntax error|Parse error|Maximum text size/i);
    // Hostile text is shown as text inside the drawings, never as markup.
    const hostile = page.locator('section[data-name="hostile/process:hostile"] .diagram-canvas');
    expect(await hostile.innerText()).toContain('<script>alert(1)</script><img');
    expect(await hostile.innerText()).toContain('{"theme":"forest"}}%%');
    expect(await page.locator('.diagram-canvas script, .diagram-canvas img, .diagram-canvas [onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('keeps the source and the text alternative in the page: visible without JavaScript, for screen readers once drawn', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}/__diagrams/one/`);
    expect(await noJs.locator('.mermaid-source').isVisible()).toBe(true);
    expect(await noJs.locator('.mermaid-source').innerText()).toMatch(/^---\nconfig:/);
    const items = await noJs.locator('.diagram-alt li').allInnerTexts();
    expect(items).toHaveLength(5);
    expect(items[0]).toBe('1. 提交测试 · ✓ 已通过');
    expect(items[2]).toMatch(/^3\. 正式上线 · ✕ 失败：已回滚/);
    expect(await noJs.locator('.diagram-canvas').isVisible()).toBe(false);
    await context.close();

    const { page } = await openPage(browser, `${site.url}/__diagrams/one/`);
    await drawAll(page);
    expect(await page.locator('.diagram-canvas svg').isVisible()).toBe(true);
    expect(await page.locator('.mermaid-source').isVisible()).toBe(false);
    // Out of sight but in the accessibility tree, and named by the canvas.
    const canvas = page.locator('.diagram-canvas');
    expect(await canvas.getAttribute('role')).toBe('img');
    const described = await canvas.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"] li`).count()).toBe(5);
    await page.close();
  });

  it('follows prefers-color-scheme and <html data-theme>, redrawing a drawn diagram', async () => {
    const { page } = await openPage(browser, `${site.url}/__diagrams/one/`);
    await drawAll(page);
    const svgId = () => page.locator('.diagram-canvas svg').first().getAttribute('id');
    /** The SVG's theme CSS, without its per-drawing id. */
    const style = async () => (await page.locator('.diagram-canvas svg style').first().innerHTML()).replace(/#shiplog-diagram-\d+/g, '#svg');
    const redrawn = async (change: () => Promise<unknown>) => {
      const before = await svgId();
      await change();
      await page.waitForFunction((id) => document.querySelector('.diagram-canvas svg')?.id !== id, before);
    };
    const light = await style();
    await redrawn(() => page.evaluate(() => { document.documentElement.dataset['theme'] = 'dark'; }));
    const dark = await style();
    expect(dark).not.toBe(light);
    await redrawn(() => page.evaluate(() => { document.documentElement.dataset['theme'] = 'light'; }));
    expect(await style()).toBe(light);
    // No choice made: the system setting decides.
    await page.evaluate(() => { delete document.documentElement.dataset['theme']; });
    await redrawn(() => page.emulateMedia({ colorScheme: 'dark' }));
    expect(await style()).toBe(dark);
    await page.close();
  });

  it('ships no diagram code on a page without diagrams, and mermaid only when a diagram is drawn', async () => {
    const measure = async (url: string) => {
      const page = await browser.newPage();
      const js: string[] = [];
      page.on('response', (r) => { if (/\.m?js(\?|$)/.test(r.url())) js.push(new URL(r.url()).pathname); });
      await page.goto(url, { waitUntil: 'networkidle' });
      if (await page.locator('figure[data-diagram]').count()) await drawAll(page);
      await page.waitForLoadState('networkidle');
      await page.close();
      let raw = 0;
      let gzip = 0;
      for (const file of new Set(js)) {
        const bytes = await readFile(path.join(out, file));
        raw += bytes.length;
        gzip += gzipSync(bytes).length;
      }
      return { files: new Set(js).size, raw, gzip };
    };
    const without = await measure(`${site.url}/__diagrams/without/`);
    expect(without).toEqual({ files: 0, raw: 0, gzip: 0 });
    expect(await readFile(path.join(out, '__diagrams/without/index.html'), 'utf8')).not.toContain('<script');
    const one = await measure(`${site.url}/__diagrams/one/`);
    expect(one.files).toBeGreaterThan(1);
    const loader = await readFile(path.join(out, loaderUrl));
    const entry = (await readdir(path.join(out, '_astro'))).find((f) => f.startsWith('render-diagrams.'))!;
    const script = await readFile(path.join(out, '_astro', entry));
    console.log(
      `diagram JS: page without diagrams 0 B; loader ${loader.length + script.length} B (${gzipSync(loader).length + gzipSync(script).length} B gzip) before any diagram is in view; ` +
        `a page with one flowchart fetches ${one.files} JS files, ${one.raw} B (${one.gzip} B gzip)`,
    );
  });
});

describe('mermaid and the first paint', () => {
  it('is fetched only after the page has loaded, even for a diagram in view from the start', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts: Request[] = [];
    page.on('requestfinished', (r) => { if (/\.m?js(\?|$)/.test(r.url())) scripts.push(r); });
    await page.goto(`${site.url}/__diagrams/one/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('figure[data-diagram]')?.getAttribute('data-diagram-state') === 'rendered', undefined, { timeout: 30_000 });
    const loadAt = await page.evaluate(() => performance.timing.loadEventStart);
    // What the page loads statically: its <script src> and their static imports, followed through the files.
    const html = await readFile(path.join(out, '__diagrams/one/index.html'), 'utf8');
    const staticSet = new Set<string>();
    const visit = async (url: string): Promise<void> => {
      if (staticSet.has(url)) return;
      staticSet.add(url);
      const code = await readFile(path.join(out, url), 'utf8');
      for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*$\s{},]+?\s*from\s*)?["']([^"']+)["']/g)) {
        await visit(m[1]!.startsWith('/') ? m[1]! : path.posix.join(path.posix.dirname(url), m[1]!));
      }
    };
    for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) await visit(m[1]!);
    const started = (r: Request) => ({ url: new URL(r.url()).pathname, before: r.timing().startTime < loadAt });
    const requests = scripts.map(started);
    // Before `load`: only the page's static scripts. After it: mermaid, fetched by import().
    expect(requests.filter((r) => r.before && !staticSet.has(r.url))).toEqual([]);
    expect(requests.filter((r) => !r.before && !staticSet.has(r.url)).length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('author ```mermaid fences in record bodies (portal build)', () => {
  /** Opens a portal page, adds the diagram script, and scrolls each fence into view (they are drawn lazily). */
  async function withScript(url: string): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openPage(browser, url);
    await page.addScriptTag({ type: 'module', url: loaderUrl });
    const fences = page.locator('.prose pre[data-language="mermaid"], .prose pre:has(> code.language-mermaid)');
    for (let i = 0; i < (await fences.count()); i++) await fences.nth(i).scrollIntoViewIfNeeded();
    return { page, errors };
  }

  it('renders the .md fences (Sätteri + Shiki output), and shows the broken one as source with a notice', async () => {
    const { page, errors } = await withScript(`${site.url}/releases/hostile/2026-03-01/`);
    const fences = page.locator('.prose pre[data-language="mermaid"], .prose pre:has(> code.language-mermaid)');
    expect(await fences.count()).toBe(2);
    await page.waitForFunction(() => document.querySelectorAll('.prose .diagram-canvas[data-diagram-state]').length === 2, undefined, { timeout: 30_000 });
    const canvases = page.locator('.prose .diagram-canvas');
    expect(await canvases.nth(0).getAttribute('data-diagram-state')).toBe('rendered');
    expect(await canvases.nth(0).locator('svg').innerHTML()).toContain('作者');
    expect(await canvases.nth(1).getAttribute('data-diagram-state')).toBe('failed');
    const notice = page.locator('.prose .diagram-notice').nth(1);
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('图表无法绘制，下面显示其源码。');
    expect(await fences.nth(1).isVisible()).toBe(true);
    expect(await fences.nth(1).innerText()).toContain('this is not ]]] mermaid');
    expect(await page.locator('main').innerText()).not.toMatch(/Syntax error in text/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders an .mdx fence', async () => {
    const { page, errors } = await withScript(`${site.url}/releases/hostile/title/`);
    await page.waitForFunction(() => document.querySelector('.prose .diagram-canvas')?.getAttribute('data-diagram-state') === 'rendered', undefined, { timeout: 30_000 });
    expect(await page.locator('.prose .diagram-canvas svg').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
