/**
 * The build verifier on small built sites written by the test: pages records must have,
 * and the link check over the HTML (pages, assets, fragments, encodings, what is skipped).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBuild } from '../../../src/integrations/verify-build.ts';
import { loadContent } from '../../../src/model/load.ts';
import { countPages, expectedPages, formatBuildProblem, readPage, routeFamilies, verifyDist } from '../../../src/model/verify/index.ts';
import { FIXTURES, tempFolder } from '../helpers.ts';
import { isSearchPage } from '../../../src/model/search/pages.ts';

/** Writes `files` (path -> text) into a fresh folder standing for dist/, removed after the file's tests. */
async function site(files: Record<string, string>): Promise<string> {
  const dir = await tempFolder('shiplog-dist-');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>\n${body}\n</body></html>`;

async function problemsOf(files: Record<string, string>, options: { siteUrl?: string; base?: string } = {}): Promise<string[]> {
  const result = await verifyDist({ dist: await site(files), expected: [], generatedLater: ['/pagefind/'], ...options });
  return result.problems.map(formatBuildProblem);
}

describe('expected pages', () => {
  it('expects a page per release, and per record of each family that has a route', async () => {
    const { content } = await loadContent(path.join(FIXTURES, 'valid'));
    expect(expectedPages(content, routeFamilies([])).map((p) => p.path)).toEqual(['/releases/shop/1.0.0/', '/releases/shop/1.1.0/']);
    const families = routeFamilies(['/', '/releases/[service]/[version]', '/test-reports/[...id]', '/retrospectives/[...id]', '/services/[id]', '/services', '/processes/[id]']);
    expect([...families].sort()).toEqual(['processes', 'retrospectives', 'services', 'test-reports']);
    expect(expectedPages(content, families).map((p) => `${p.path} ${p.file}`)).toEqual([
      '/releases/shop/1.0.0/ releases/shop/1.0.0.md',
      '/releases/shop/1.1.0/ releases/shop/1.1.0.mdx',
      '/test-reports/shop-1.0.0-system/ test-reports/shop-1.0.0-system.md',
      '/retrospectives/shop-1.0.0/ retrospectives/shop-1.0.0.md',
      '/services/billing/ services/billing.yaml',
      '/services/shop/ services/shop.yaml',
      '/processes/standard/ processes/standard.md',
    ]);
    // Each notice page of a release once its route exists, with the static files the build writes beside it (src/model/notices/files.ts).
    const notices = routeFamilies(['/releases/[service]/[version]', '/releases/[service]/[version]/notice', '/releases/[service]/[version]/notes', '/releases/[service]/[version]/checklist']);
    expect([...notices].sort()).toEqual(['notice-page:notes', 'notice-page:notice']);
    expect(expectedPages(content, notices).filter((p) => p.file === 'releases/shop/1.0.0.md').map((p) => `${p.path} ${p.label}`)).toEqual([
      '/releases/shop/1.0.0/ release shop@1.0.0',
      '/releases/shop/1.0.0/notes/ release shop@1.0.0 (notes page)',
      '/releases/shop/1.0.0/notes/notes.md release shop@1.0.0 (notes.md)',
      '/releases/shop/1.0.0/notes/notes.txt release shop@1.0.0 (notes.txt)',
      '/releases/shop/1.0.0/notes/notes.html release shop@1.0.0 (notes.html)',
      '/releases/shop/1.0.0/notice/ release shop@1.0.0 (notice page)',
      '/releases/shop/1.0.0/notice/notice.md release shop@1.0.0 (notice.md)',
      '/releases/shop/1.0.0/notice/notice.txt release shop@1.0.0 (notice.txt)',
      '/releases/shop/1.0.0/notice/notice.html release shop@1.0.0 (notice.html)',
    ]);
    // A list page alone (`/services`) is not a route for records.
    expect([...routeFamilies(['/services', '/processes/'])]).toEqual([]);
  });

  it('names the record whose page is missing', async () => {
    const { content } = await loadContent(path.join(FIXTURES, 'valid'));
    const dist = await site({ 'releases/shop/1.0.0/index.html': page('ok') });
    const { problems } = await verifyDist({ dist, expected: expectedPages(content, new Set()) });
    expect(problems.map(formatBuildProblem)).toEqual(['releases/shop/1.1.0.mdx  release shop@1.1.0 has no page: /releases/shop/1.1.0/ is missing from the build']);
  });

  it('finds pages whose path needs percent-encoding', async () => {
    const dist = await site({ 'releases/支付/1.0.0+b/index.html': page('ok') });
    const { problems } = await verifyDist({ dist, expected: [{ path: `/releases/${encodeURIComponent('支付')}/${encodeURIComponent('1.0.0+b')}/`, file: 'releases/x.md', label: 'release 支付@1.0.0+b' }] });
    expect(problems).toEqual([]);
  });
});

describe('the link check', () => {
  it('accepts links to written pages, files and anchors, relative or absolute', async () => {
    const files = {
      'index.html': page('<a href="/releases/">all</a> <a href="releases/shop/1.0.0/#plan">plan</a> <a href="#main">skip</a><main id="main"></main>', '<link rel="icon" href="/favicon.svg">'),
      'releases/index.html': page('<a href="shop/1.0.0/">1.0.0</a> <a href="../">home</a> <a href="/releases">no slash</a> <a href="./?sort=desc#top">top</a> <a href="">self</a>'),
      'releases/shop/1.0.0/index.html': page(
        '<section id="plan"><a name="legacy"></a></section><a href="#legacy">l</a> <a href="/attachments/shop/1.0.0/001.sql">sql</a> ' +
          '<img src="/_astro/a.png" srcset="/_astro/a.png 1x, /_astro/a@2x.png 2x" alt=""> <script type="module" src="/_astro/page.js"></script> ' +
          '<a href="%E5%8F%91%E5%B8%83/">encoded</a> <a href="#:~:text=plan">text fragment</a>',
      ),
      'releases/shop/1.0.0/发布/index.html': page('<a href="#%E8%AE%A1%E5%88%92">计划</a><h2 id="计划">计划</h2>'),
      'attachments/shop/1.0.0/001.sql': 'select 1;',
      '_astro/a.png': 'png',
      '_astro/a@2x.png': 'png',
      '_astro/page.js': '',
      'favicon.svg': '<svg/>',
    };
    const result = await verifyDist({ dist: await site(files), expected: [] });
    expect(result.problems).toEqual([]);
    expect(result.pages).toBe(4);
    expect(result.links).toBe(18);
  });

  it('reports each broken link with its page, line, element and what is missing', async () => {
    expect(
      await problemsOf({
        'index.html': page('<a href="/releases/shop/9.9.9/">gone</a>\n<a href="/releases/#nope">anchor</a>\n<img src="/_astro/missing.png" alt="">\n<a href="/releases/%E0%A4%A/">bad escape</a>'),
        'releases/index.html': page('<h1 id="top-title">Releases</h1>'),
      }),
    ).toEqual([
      '/:2  <a href="/releases/shop/9.9.9/"> points to /releases/shop/9.9.9/, which the build did not write',
      '/:3  <a href="/releases/#nope"> points to #nope, which /releases/ has no element with',
      '/:4  <img src="/_astro/missing.png"> points to /_astro/missing.png, which the build did not write',
      '/:5  <a href="/releases/%E0%A4%A/"> has a malformed %-escape',
    ]);
  });

  it('reports a link from the root broken on every page that has it, and resolves it the same on each', async () => {
    // Root-relative links are resolved once per check; each page still gets its own problem.
    expect(
      await problemsOf({
        'index.html': page('<a href="/gone/">gone</a>\n<a href="/releases/#list">ok</a>\n<a href="//elsewhere.example/x">other site</a>'),
        'releases/index.html': page('<h1 id="list">Releases</h1>\n<a href="/gone/">gone</a>\n<a href="/releases/#list">self</a>'),
        'releases/a/index.html': page('<a href="/gone/">gone</a>\n<a href="/releases/#nope">bad anchor</a>', '<base href="/releases/">'),
      }),
    ).toEqual([
      '/:2  <a href="/gone/"> points to /gone/, which the build did not write',
      '/releases/a/:2  <a href="/gone/"> points to /gone/, which the build did not write',
      '/releases/a/:3  <a href="/releases/#nope"> points to #nope, which /releases/ has no element with',
      '/releases/:3  <a href="/gone/"> points to /gone/, which the build did not write',
    ]);
  });

  it('checks srcset candidates, a refresh target, a <base href>, and the site\'s own absolute URLs', async () => {
    expect(
      await problemsOf(
        {
          'index.html': page('<img srcset="/a.png 1x, /b.png 2x" alt="">\n<a href="https://releases.example.com/missing/">abs</a>\n<a href="https://releases.example.com/">home</a>', '<meta http-equiv="refresh" content="0; url=/old/">'),
          'docs/index.html': page('<a href="page/">p</a>', '<base href="/other/">'),
          'a.png': '',
        },
        { siteUrl: 'https://releases.example.com' },
      ),
    ).toEqual([
      '/docs/:2  <a href="page/"> points to /other/page/, which the build did not write',
      '/:1  <meta content="/old/"> points to /old/, which the build did not write',
      '/:2  <img srcset="/b.png"> points to /b.png, which the build did not write',
      '/:3  <a href="https://releases.example.com/missing/"> points to /missing/, which the build did not write',
    ]);
  });

  it('leaves other sites, other schemes and what is written later alone', async () => {
    expect(
      await problemsOf({
        'index.html': page(
          '<a href="https://example.com/x">x</a> <a href="//cdn.example.com/y">y</a> <a href="mailto:ops@example.com">m</a> <a href="tel:+100">t</a> ' +
            '<a href="data:text/plain,x">d</a> <script src="/pagefind/pagefind.js"></script> <a href="/pagefind/">p</a>',
        ),
      }),
    ).toEqual([]);
  });

  it('honours Astro\'s base', async () => {
    expect(
      await problemsOf({ 'index.html': page('<a href="/portal/releases/">ok</a> <a href="/releases/">outside</a> <a href="/portal/nope/">missing</a>'), 'releases/index.html': page('x') }, { base: '/portal' }),
    ).toEqual([
      '/:2  <a href="/releases/"> points outside the site\'s base /portal/',
      '/:2  <a href="/portal/nope/"> points to /nope/, which the build did not write',
    ]);
  });

  it('reads ids and links as a browser parses them', () => {
    const facts = readPage(page('<div id=a><a href = "/x/" ID="b">x</a><template><span id="c"></span></template><svg><use href="#a"/></svg><a href="\n /y/ ">y</a></div>'));
    expect([...facts.ids].sort()).toEqual(['a', 'b', 'c']);
    expect(facts.links.map((l) => `${l.element} ${l.attribute} ${l.url}`)).toEqual(['a href /x/', 'use href #a', 'a href /y/']);
  });

  it('fails a page marked for search where the search index does not look', async () => {
    const marked = page('<main data-pagefind-body><h1>x</h1></main>');
    const result = await verifyDist({
      dist: await site({
        'releases/shop/1.0.0/index.html': marked,
        'releases/shop/1.0.0/notes/index.html': marked,
        'releases/shop/1.0.0/checklist/index.html': page('<main><h1>not marked</h1></main>'),
      }),
      expected: [],
      searchPages: isSearchPage,
    });
    expect(result.problems.map(formatBuildProblem)).toEqual([
      '/releases/shop/1.0.0/notes/  carries data-pagefind-body, but the search index does not read this path: add its pattern to SEARCH_PAGE_PATTERNS in src/model/search/pages.ts',
    ]);
  });

  it('finds the same problems, in the same order, with its pages shared among threads', async () => {
    // 30 pages, every third with a broken link, a missing fragment on another page, or a search marker out of place.
    const files: Record<string, string> = { 'releases/index.html': page('<h1 id="list">Releases</h1>') };
    for (let i = 0; i < 30; i++) {
      const body = [
        `<a href="/releases/">ok</a>`,
        i % 3 === 0 ? `<a href="/gone/${i}/">gone</a>` : '',
        i % 3 === 1 ? `<a href="/releases/#missing-${i}">anchor</a>` : '',
        i % 3 === 2 ? '<main data-pagefind-body>x</main>' : '',
      ].join('\n');
      files[`notes/${String(i).padStart(2, '0')}/index.html`] = page(body);
    }
    const dist = await site(files);
    const run = (threads: number) => verifyDist({ dist, expected: [], searchPages: isSearchPage, threads });
    const alone = await run(1);
    expect(alone.problems).toHaveLength(30);
    expect(alone.links).toBe(50);
    expect(alone.threads).toBe(1);
    for (const threads of [2, 3]) {
      const shared = await run(threads);
      expect(shared).toEqual({ ...alone, threads });
    }
  });

  it('counts the HTML pages of a site', async () => {
    expect(await countPages(await site({ 'index.html': '', '404.html': '', 'a/index.html': '', 'a/b.css': '', 'pagefind/x.pf_meta': '' }))).toBe(3);
  });
});

describe('the verify-build integration', () => {
  const saved = process.env['SHIPLOG_CONTENT'];
  afterEach(() => {
    if (saved === undefined) delete process.env['SHIPLOG_CONTENT'];
    else process.env['SHIPLOG_CONTENT'] = saved;
  });

  function logger(lines: string[]): AstroIntegrationLogger {
    const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
    const l = { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug'), label: 'test', options: {} as never, fork: () => l };
    return l as unknown as AstroIntegrationLogger;
  }

  async function runHook(dist: string, patterns: string[]): Promise<{ lines: string[]; error?: string }> {
    process.env['SHIPLOG_CONTENT'] = path.join(FIXTURES, 'valid');
    const integration = verifyBuild();
    const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
    const lines: string[] = [];
    await hooks['astro:config:done']!({ config: { base: '/', site: undefined } });
    await hooks['astro:routes:resolved']!({ routes: patterns.map((pattern) => ({ pattern, origin: 'project' })) });
    try {
      await hooks['astro:build:done']!({ dir: new URL(`file://${dist}/`), pages: [], assets: new Map(), logger: logger(lines) });
      return { lines };
    } catch (error) {
      return { lines, error: (error as Error).message };
    }
  }

  it('passes a complete site and logs what it verified', async () => {
    const dist = await site({ 'releases/shop/1.0.0/index.html': page('<a href="/releases/shop/1.1.0/">next</a>'), 'releases/shop/1.1.0/index.html': page('x') });
    expect(await runHook(dist, ['/releases/[service]/[version]'])).toEqual({ lines: ['info verified 2 pages (2 record pages) and 1 internal links: every record has its page, every link resolves'] });
  });

  it('fails the build, naming the record without a page and the broken link', async () => {
    const dist = await site({ 'releases/shop/1.0.0/index.html': page('<a href="/services/shop/">shop</a>') });
    expect(await runHook(dist, ['/releases/[service]/[version]', '/services/[id]'])).toEqual({
      lines: [
        'error releases/shop/1.1.0.mdx  release shop@1.1.0 has no page: /releases/shop/1.1.0/ is missing from the build',
        'error services/billing.yaml  service billing has no page: /services/billing/ is missing from the build',
        'error services/shop.yaml  service shop has no page: /services/shop/ is missing from the build',
        'error /releases/shop/1.0.0/:2  <a href="/services/shop/"> points to /services/shop/, which the build did not write (on the page of releases/shop/1.0.0.md)',
      ],
      error: 'the built site has 4 problems (listed above): a record without its page, or a link to a page, file or #anchor the build did not write',
    });
  });
});
