/**
 * Verifies a built site (spec: no silent loss): every record produced its page, and every
 * internal link of every page — href, src, srcset, poster, a refresh target — points at a
 * file the build wrote, with its `#fragment` an id of the target page. Links to other
 * sites, `mailto:` and the like are not checked; links under `generatedLater` prefixes
 * (Pagefind writes its index after this check) are not either. With `cspPages`, each of those
 * pages must also carry a Content-Security-Policy that blocks what it should and nothing the
 * page needs (src/model/csp/page.ts). Pure: it reads the folder and returns problems, never
 * throws on what it finds.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ExpectedPage } from './expected-pages.ts';
import { readPage, readPageAndPolicy, type PageFacts, type PageLink } from './html.ts';
import { policyFactsProblems } from '../csp/page.ts';
import { askWorker } from '../worker.ts';

export interface BuildProblem {
  /** The record (content-relative file) or page (URL path) the problem is about. */
  where: string;
  message: string;
}

export interface VerifyOptions {
  /** The built site (Astro's outDir). */
  dist: string;
  expected: readonly ExpectedPage[];
  /** Astro's `base` (default `/`): internal root-relative links start with it. */
  base?: string;
  /** The site's public URL (site.yaml baseUrl): absolute links to it are internal too. */
  siteUrl?: string | undefined;
  /** URL path prefixes written after this check runs (`/pagefind/`). */
  generatedLater?: readonly string[];
  /**
   * Pages (dist-relative `.html` files) that must carry the site's Content-Security-Policy
   * (src/model/csp): the pages Astro generated, not attachments that happen to be HTML.
   */
  cspPages?: ReadonlySet<string>;
  /**
   * Which pages the search index reads (src/model/search/pages.ts): a page that carries
   * `data-pagefind-body` elsewhere would be left out of search without a word.
   */
  searchPages?: (file: string) => boolean;
  /** Threads that read the pages (1: this one only); by default two from 2,000 pages on a multi-core machine. */
  threads?: number;
}

export interface VerifyResult {
  problems: BuildProblem[];
  /** HTML pages in the site. */
  pages: number;
  /** Internal links checked. */
  links: number;
  /** Threads that read pages: 1, or more when a large site was shared out (a failed thread's pages are read by this one). */
  threads: number;
}

/** The origin relative links of a page resolve against: never a real host. */
const LOCAL = 'http://shiplog.local';

export function formatBuildProblem(problem: BuildProblem): string {
  return `${problem.where}  ${problem.message}`;
}

/** Every file under `dir`, as posix paths relative to it. */
export async function listDist(dir: string): Promise<string[]> {
  const files: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await visit(child);
      else files.push(child);
    }
  };
  await visit('');
  return files.sort();
}

/** HTML pages among the files of a listing (what the build summary counts). */
export function pageCount(files: readonly string[]): number {
  return files.filter((file) => file.endsWith('.html')).length;
}

/** HTML pages under `dir`. */
export async function countPages(dir: string): Promise<number> {
  return pageCount(await listDist(dir));
}

/** `releases/a/index.html` -> `/releases/a/`; `404.html` -> `/404.html`. */
export function pageUrl(file: string): string {
  return file === 'index.html' || file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

export async function verifyDist(options: VerifyOptions): Promise<VerifyResult> {
  const base = normaliseBase(options.base ?? '/');
  const later = options.generatedLater ?? [];
  const problems: BuildProblem[] = [];
  const files = await listDist(options.dist);
  const fileSet = new Set(files);
  const htmlFiles = files.filter((file) => file.endsWith('.html'));

  // Pages each record should have produced; a broken link on one of them also names its record.
  const recordOfPage = new Map<string, string>();
  for (const page of options.expected) {
    const target = resolveFile(decodePath(page.path.slice(1)) ?? page.path.slice(1), fileSet);
    if (!target) problems.push({ where: page.file, message: `${page.label} has no page: ${page.path} is missing from the build` });
    else if (!recordOfPage.has(target)) recordOfPage.set(target, page.file);
  }

  // Every page once, one at a time: its policy, and its links against the files the build
  // wrote. A `#fragment` on another page waits for the second pass, which reads the ids of
  // just the pages such links point into. Nothing of a page outlives its turn: keeping every
  // page's facts for a second pass kept every page (their strings are slices of the page's
  // text in V8), gigabytes at 10,000 releases, and that build did not finish.
  const pages: PageJob[] = htmlFiles.map((file, index) => ({
    file,
    index,
    csp: options.cspPages?.has(file) ?? false,
    searchAllowed: !options.searchPages || options.searchPages(file),
  }));
  const context: PageContext = {
    dist: options.dist,
    links: { base, site: siteUrlOf(options.siteUrl), later, fileSet, rooted: new Map() },
    recordOfPage,
  };
  // Built only when a thread is started: the site's listing, copied for it.
  const share = (): SharedInput => ({ dist: options.dist, files, base, siteUrl: options.siteUrl, later, recordOfPage: [...recordOfPage] });
  const { results: passes, threads } = await checkPagesInThreads(pages, context, share, options.threads ?? threadsFor(pages.length));
  const linkProblems: LinkProblem[] = [];
  const waiting = new Map<string, WaitingLink[]>();
  let checked = 0;
  for (const pass of passes) {
    problems.push(...pass.problems);
    linkProblems.push(...pass.linkProblems);
    for (const [target, links] of pass.waiting) {
      const list = waiting.get(target);
      if (list) list.push(...links);
      else waiting.set(target, links);
    }
    checked += pass.checked;
  }
  for (const [target, links] of waiting) {
    const { ids } = readPage(readFileSync(path.join(options.dist, target), 'utf8'));
    for (const link of links) {
      const problem = fragmentProblem(target, link.fragment, ids);
      if (problem) linkProblems.push({ page: link.page, link: link.link, ...linkProblem(link.file, link.from, link, problem, recordOfPage) });
    }
  }
  // In page order, each page's links in their order, as a reader goes through the site.
  linkProblems.sort((x, y) => x.page - y.page || x.link - y.link);
  for (const { where, message } of linkProblems) problems.push({ where, message });
  return { problems, pages: htmlFiles.length, links: checked, threads };
}

/** A page to check: its place in the site's page order, and what is asked of it. */
export interface PageJob {
  file: string;
  index: number;
  /** Must carry the site's Content-Security-Policy. */
  csp: boolean;
  /** May carry `data-pagefind-body` (the search index reads its path). */
  searchAllowed: boolean;
}

/** What every page's check needs, as plain data a worker thread can be sent. */
export interface SharedInput {
  dist: string;
  files: readonly string[];
  base: string;
  siteUrl: string | undefined;
  later: readonly string[];
  recordOfPage: readonly (readonly [string, string])[];
}

type LinkProblem = BuildProblem & { page: number; link: number };

/** One run of pages checked: page problems in page order, link problems, links waiting for another page's ids. */
export interface PagesResult {
  problems: BuildProblem[];
  linkProblems: LinkProblem[];
  waiting: [string, WaitingLink[]][];
  checked: number;
}

/**
 * Pages at which a second thread pays: it starts in ~0.2 s (a Node thread loading the scanner),
 * the 9,216 pages of 1,000 releases took 5.5 s in one.
 */
const THREADED_FROM = 2000;

function threadsFor(pages: number): number {
  return pages >= THREADED_FROM ? Math.min(2, availableParallelism()) : 1;
}

/**
 * The pages in `threads` runs of consecutive pages: the first on this thread, the others in
 * worker threads (verify-thread.ts) at the same time. Reading and scanning each page is
 * independent of the others, and was most of the build's last step (80 s at 10,000 releases).
 * A run whose thread fails is checked here instead, so no page goes unchecked.
 */
async function checkPagesInThreads(
  pages: readonly PageJob[],
  context: PageContext,
  share: () => SharedInput,
  threads: number,
): Promise<{ results: PagesResult[]; threads: number }> {
  const size = Math.ceil(pages.length / Math.max(1, threads));
  const runs: PageJob[][] = [];
  for (let start = 0; start < pages.length; start += size) runs.push(pages.slice(start, start + size));
  if (runs.length <= 1) return { results: [checkPages(pages, context)], threads: 1 };
  const shared = share();
  const others = runs.slice(1).map((run) => checkInThread(run, shared).catch(() => undefined));
  const first = checkPages(runs[0]!, context);
  const rest = await Promise.all(others);
  return {
    results: [first, ...rest.map((result, i) => result ?? checkPages(runs[i + 1]!, context))],
    threads: 1 + rest.filter((result) => result !== undefined).length,
  };
}

function checkInThread(pages: readonly PageJob[], shared: SharedInput): Promise<PagesResult> {
  return askWorker<PagesResult>(new URL('./verify-thread.ts', import.meta.url), { pages, shared }, 'the verifier thread');
}

export interface PageContext {
  dist: string;
  links: LinkContext;
  recordOfPage: ReadonlyMap<string, string>;
}

/** A worker thread's context, from what it was sent (verifyDist builds its own from the same values). */
export function pageContext(shared: SharedInput): PageContext {
  return {
    dist: shared.dist,
    links: { base: shared.base, site: siteUrlOf(shared.siteUrl), later: shared.later, fileSet: new Set(shared.files), rooted: new Map() },
    recordOfPage: new Map(shared.recordOfPage),
  };
}

/** Each page's policy, search marker and links; links into other pages' fragments come back waiting. */
export function checkPages(pages: readonly PageJob[], context: PageContext): PagesResult {
  const { dist, links: ctx, recordOfPage } = context;
  const problems: BuildProblem[] = [];
  const linkProblems: LinkProblem[] = [];
  const waiting = new Map<string, WaitingLink[]>();
  let checked = 0;
  for (const { file, index: pageIndex, csp, searchAllowed } of pages) {
    // Synchronous: nothing else runs meanwhile, and awaiting each of thousands of reads left
    // the process waiting on the thread pool (9,170 pages of the 1,000-release bench: ~9.5 s -> ~8 s).
    const html = readFileSync(path.join(dist, file), 'utf8');
    let page: PageFacts;
    if (csp) {
      const facts = readPageAndPolicy(html);
      page = facts.page;
      for (const message of policyFactsProblems(facts.policy)) problems.push({ where: pageUrl(file), message: detach(message) });
    } else {
      page = readPage(html);
    }
    if (page.searchBody && !searchAllowed) {
      problems.push({ where: pageUrl(file), message: 'carries data-pagefind-body, but the search index does not read this path: add its pattern to SEARCH_PAGE_PATTERNS in src/model/search/pages.ts' });
    }
    const from = pageUrl(file);
    const pageBase = new URL(`${ctx.base.slice(0, -1)}${from}`, LOCAL);
    for (const [linkIndex, link] of page.links.entries()) {
      const resolved = resolveLink(link, pageBase, page, ctx);
      if (resolved === 'external') continue;
      checked += 1;
      let problem: string | undefined;
      if (typeof resolved === 'string') problem = resolved;
      else if (resolved.fragment !== undefined && resolved.target === file) problem = fragmentProblem(resolved.target, resolved.fragment, page.ids);
      else if (resolved.fragment !== undefined) {
        const list = waiting.get(resolved.target) ?? [];
        list.push({ page: pageIndex, link: linkIndex, file, from, fragment: resolved.fragment, line: link.line, element: link.element, attribute: link.attribute, url: detach(link.url) });
        waiting.set(resolved.target, list);
      }
      if (problem) linkProblems.push({ page: pageIndex, link: linkIndex, ...linkProblem(file, from, link, problem, recordOfPage) });
    }
  }
  return { problems, linkProblems, waiting: [...waiting], checked };
}

/** A link to `#fragment` of another page, checked once the ids of that page are read. */
export interface WaitingLink extends Pick<PageLink, 'line' | 'element' | 'attribute' | 'url'> {
  /** Index of the linking page and of the link in it: the order problems are listed in. */
  page: number;
  link: number;
  file: string;
  from: string;
  fragment: string;
}

function linkProblem(file: string, from: string, link: Pick<PageLink, 'line' | 'element' | 'attribute' | 'url'>, problem: string, recordOfPage: ReadonlyMap<string, string>): BuildProblem {
  const record = recordOfPage.get(file);
  return { where: `${from}:${link.line}`, message: detach(`<${link.element} ${link.attribute}="${link.url}"> ${problem}${record ? ` (on the page of ${record})` : ''}`) };
}

/**
 * A copy of `text` that holds no reference to the string it was cut from. V8 keeps a slice
 * (`text.slice()`, a regex match) of a long string as a view into it, so one URL kept from a
 * page keeps the whole page in memory.
 */
function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

interface LinkContext {
  base: string;
  site: URL | undefined;
  later: readonly string[];
  fileSet: ReadonlySet<string>;
  /**
   * Root-relative links (`/releases/…`) resolved once: they mean the same on every page, and
   * the navigation and lists repeat them on thousands of pages (2.2 million links at 10,000 releases).
   */
  rooted: Map<string, ResolvedLink>;
}

type ResolvedLink = { target: string; fragment: string | undefined } | string | 'external';

/**
 * What an internal link points to: the file the build wrote, with the `#fragment` still to be
 * found on it (undefined when there is none to check); why it is broken; or 'external' when it
 * is not ours to check.
 */
function resolveLink(link: PageLink, pageBase: URL, page: PageFacts, ctx: LinkContext): ResolvedLink {
  // A URL that starts with `/` is resolved against the origin alone (a path from the root, or
  // `//host/…`), so it means the same on every page; unless a <base> puts the page elsewhere.
  const rooted = page.base === undefined && link.url.startsWith('/');
  if (!rooted) return resolveUrl(link.url, page.base ? new URL(page.base, pageBase) : pageBase, ctx);
  let resolved = ctx.rooted.get(link.url);
  if (resolved === undefined) {
    resolved = resolveUrl(link.url, pageBase, ctx);
    ctx.rooted.set(detach(link.url), resolved);
  }
  return resolved;
}

function resolveUrl(written: string, against: URL, ctx: LinkContext): ResolvedLink {
  let url: URL;
  try {
    url = new URL(written, against);
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(written) ? 'external' : 'is not a valid URL';
  }
  let pathname: string;
  if (url.origin === LOCAL) {
    pathname = url.pathname;
  } else if (ctx.site && url.origin === ctx.site.origin && url.pathname.startsWith(ctx.site.pathname)) {
    pathname = `${ctx.base}${url.pathname.slice(ctx.site.pathname.length)}`; // the site's own absolute URL
  } else {
    return 'external';
  }
  if (!pathname.startsWith(ctx.base)) return `points outside the site's base ${ctx.base}`;
  const sitePath = pathname.slice(ctx.base.length - 1); // keeps the leading /
  if (ctx.later.some((prefix) => sitePath.startsWith(prefix))) return { target: sitePath, fragment: undefined };
  const decoded = decodePath(sitePath.slice(1));
  if (decoded === undefined) return 'has a malformed %-escape';
  const target = resolveFile(decoded, ctx.fileSet);
  if (!target) return `points to ${sitePath}, which the build did not write`;
  const fragment = url.hash.slice(1);
  if (fragment === '' || fragment === 'top' || fragment.startsWith(':~:') || !target.endsWith('.html')) return { target, fragment: undefined };
  return { target, fragment };
}

/** Why `#fragment` is not on the page `target` with these ids; undefined when it is. */
function fragmentProblem(target: string, fragment: string, ids: ReadonlySet<string>): string | undefined {
  let decodedFragment = fragment;
  try {
    decodedFragment = decodeURIComponent(fragment);
  } catch {
    // a browser also tries the fragment as written
  }
  if (ids.has(fragment) || ids.has(decodedFragment)) return undefined;
  return `points to #${decodedFragment}, which ${pageUrl(target)} has no element with`;
}

/** The file a decoded site path is served from: the file itself, or a folder's index.html. */
function resolveFile(decoded: string, files: ReadonlySet<string>): string | undefined {
  if (decoded === '' || decoded.endsWith('/')) {
    const index = `${decoded}index.html`;
    return files.has(index) ? index : undefined;
  }
  if (files.has(decoded)) return decoded;
  const index = `${decoded}/index.html`; // a static server redirects /a to /a/
  return files.has(index) ? index : undefined;
}

function decodePath(encoded: string): string | undefined {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

function siteUrlOf(siteUrl: string | undefined): URL | undefined {
  if (!siteUrl) return undefined;
  try {
    const url = new URL(siteUrl);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url;
  } catch {
    return undefined;
  }
}
