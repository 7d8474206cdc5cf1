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
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExpectedPage } from './expected-pages.ts';
import { readPage, type PageFacts, type PageLink } from './html.ts';
import { checkPagePolicy } from '../csp/page.ts';

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
}

export interface VerifyResult {
  problems: BuildProblem[];
  /** HTML pages in the site. */
  pages: number;
  /** Internal links checked. */
  links: number;
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

/** HTML pages under `dir` (what the build summary counts). */
export async function countPages(dir: string): Promise<number> {
  return (await listDist(dir)).filter((file) => file.endsWith('.html')).length;
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

  // Every page once: its ids, and its links for the second pass; its policy.
  const facts = new Map<string, PageFacts>();
  for (const file of htmlFiles) {
    const html = await readFile(path.join(options.dist, file), 'utf8');
    facts.set(file, readPage(html));
    if (options.cspPages?.has(file)) {
      for (const message of checkPagePolicy(html)) problems.push({ where: pageUrl(file), message });
    }
  }

  const site = siteUrlOf(options.siteUrl);
  let checked = 0;
  for (const file of htmlFiles) {
    const page = facts.get(file)!;
    const from = pageUrl(file);
    for (const link of page.links) {
      const problem = checkLink(link, from, page, { base, site, later, fileSet, facts });
      if (problem === 'external') continue;
      checked += 1;
      if (!problem) continue;
      const record = recordOfPage.get(file);
      problems.push({ where: `${from}:${link.line}`, message: `<${link.element} ${link.attribute}="${link.url}"> ${problem}${record ? ` (on the page of ${record})` : ''}` });
    }
  }
  return { problems, pages: htmlFiles.length, links: checked };
}

interface LinkContext {
  base: string;
  site: URL | undefined;
  later: readonly string[];
  fileSet: ReadonlySet<string>;
  facts: ReadonlyMap<string, PageFacts>;
}

/** Why an internal link is broken; undefined when it works; 'external' when it is not ours to check. */
function checkLink(link: PageLink, from: string, page: PageFacts, ctx: LinkContext): string | undefined {
  let url: URL;
  try {
    const pageBase = new URL(`${ctx.base.slice(0, -1)}${from}`, LOCAL);
    url = new URL(link.url, page.base ? new URL(page.base, pageBase) : pageBase);
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(link.url) ? 'external' : 'is not a valid URL';
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
  if (ctx.later.some((prefix) => sitePath.startsWith(prefix))) return undefined;
  const decoded = decodePath(sitePath.slice(1));
  if (decoded === undefined) return 'has a malformed %-escape';
  const target = resolveFile(decoded, ctx.fileSet);
  if (!target) return `points to ${sitePath}, which the build did not write`;
  const fragment = url.hash.slice(1);
  if (fragment === '' || fragment === 'top' || fragment.startsWith(':~:') || !target.endsWith('.html')) return undefined;
  const ids = ctx.facts.get(target)?.ids;
  let decodedFragment = fragment;
  try {
    decodedFragment = decodeURIComponent(fragment);
  } catch {
    // a browser also tries the fragment as written
  }
  if (ids && (ids.has(fragment) || ids.has(decodedFragment))) return undefined;
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
