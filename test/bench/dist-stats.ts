/**
 * What a built site weighs: total size, the Pagefind index, HTML pages by type, and the
 * JavaScript each page type makes the browser load — gzip bytes of the `<script src>` files,
 * the modules they import statically (and `modulepreload` links), plus inline scripts; the
 * modules reachable only through dynamic `import()` (mermaid, the search UI) are counted apart
 * (an `import(url)` whose URL is held in a variable is found through the path literals of the
 * script, so that column is a lower bound when URLs are built at run time).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageTypeStats {
  type: string;
  pages: number;
  /** Median over the pages of this type. */
  htmlBytes: number;
  /** Static JS a page of this type loads, gzip bytes: median and max over its pages. */
  jsGzip: number;
  jsGzipMax: number;
  /** Static + dynamically imported JS, gzip bytes, median. */
  jsGzipWithDynamic: number;
  /** A sample page of this type (relative to dist). */
  example: string;
}

export interface DistStats {
  bytes: number;
  files: number;
  htmlPages: number;
  htmlBytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
  /** Files a record referenced (attachments/): copied JUnit XML and SQL. */
  attachmentBytes: number;
  jsFiles: number;
  jsBytes: number;
  cssBytes: number;
  pageTypes: PageTypeStats[];
}

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** The page type of a Shiplog page, from its route. */
export function shiplogPageType(file: string): string {
  if (file === 'index.html') return 'home';
  if (file === '404.html') return '404';
  const parts = file.split('/');
  const section = parts[0]!;
  if (parts.length === 2) return `${section} (list)`;
  // Further pages of a paged list: /releases/2/, /calendar/2026/.
  if (parts.length === 3 && section === 'releases' && /^\d+$/.test(parts[1]!)) return 'releases (list)';
  if (parts.length === 3 && section === 'calendar') return 'calendar (year)';
  if (section === 'releases' && parts.at(-2) === 'checklist') return 'releases (run sheet)';
  return `${section} (page)`;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const PRELOAD = /<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi;
const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*$\s{},]+?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g;
/** `import(url)` with the URL in a variable: any path-like string literal naming a .js file of dist counts as loadable. */
const SCRIPT_PATH_LITERAL = /["'`]((?:\/|\.\.?\/)[^"'`\s]+\.m?js)["'`]/g;

function attr(tag: string, name: string): string | undefined {
  const m = ATTR(name).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Reads dist/ once; caches gzip sizes and import graphs of the JS files. */
export function distStats(dist: string, pageType: (file: string) => string): DistStats {
  const files = walk(dist);
  const sizes = new Map<string, number>(files.map((f) => [f, statSync(path.join(dist, f)).size]));
  const sum = (pred: (f: string) => boolean) => files.filter(pred).reduce((s, f) => s + sizes.get(f)!, 0);
  const gzipCache = new Map<string, number>();
  /** gzip size of `text()`, read only the first time `key` is asked for (a JS chunk is shared by thousands of pages). */
  const gz = (key: string, text: () => string | Buffer): number => {
    let size = gzipCache.get(key);
    if (size === undefined) {
      size = gzipSync(text()).byteLength;
      gzipCache.set(key, size);
    }
    return size;
  };
  const importsCache = new Map<string, { static: string[]; dynamic: string[] }>();
  const importsOf = (file: string, read: () => string): { static: string[]; dynamic: string[] } => {
    let found = importsCache.get(file);
    if (!found) {
      const text = read();
      const resolve = (spec: string) => (spec.startsWith('/') ? spec.slice(1) : spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : undefined);
      const pick = (re: RegExp) => [...text.matchAll(re)].map((m) => resolve(m[1]!)).filter((f): f is string => f !== undefined && sizes.has(f));
      const statics = pick(STATIC_IMPORT);
      const dynamic = [...new Set([...pick(DYNAMIC_IMPORT), ...pick(SCRIPT_PATH_LITERAL)])].filter((f) => !statics.includes(f));
      found = { static: statics, dynamic };
      importsCache.set(file, found);
    }
    return found;
  };
  const readJs = (file: string): string => readFileSync(path.join(dist, file), 'utf8');

  /** gzip bytes of the static closure of `roots` (plus inline code), and with dynamic imports too. */
  const closures = new Map<string, { static: number; all: number }>();
  /** Pages of a type load the same scripts: one closure per distinct set of roots and inline scripts. */
  const closure = (roots: string[], inline: { key: string; text: string }[]): { static: number; all: number } => {
    const key = JSON.stringify([roots, inline.map((i) => i.key)]);
    let found = closures.get(key);
    if (!found) {
      found = closureOf(roots, inline);
      closures.set(key, found);
    }
    return found;
  };
  const closureOf = (roots: string[], inline: { key: string; text: string }[]): { static: number; all: number } => {
    const staticSet = new Set<string>();
    const allSet = new Set<string>();
    const visit = (file: string, set: Set<string>, followDynamic: boolean) => {
      if (set.has(file)) return;
      set.add(file);
      const imports = importsOf(file, () => readJs(file));
      for (const next of imports.static) visit(next, set, followDynamic);
      if (followDynamic) for (const next of imports.dynamic) visit(next, set, followDynamic);
    };
    const inlineImports = inline.map((i) => importsOf(`(inline)${i.key}`, () => i.text));
    for (const root of [...roots, ...inlineImports.flatMap((i) => i.static)]) {
      visit(root, staticSet, false);
      visit(root, allSet, true);
    }
    for (const i of inlineImports.flatMap((x) => x.dynamic)) visit(i, allSet, true);
    const inlineBytes = inline.reduce((s, i) => s + gz(`(inline)${i.key}`, () => i.text), 0);
    const bytes = (set: Set<string>) => [...set].reduce((s, f) => s + gz(f, () => readFileSync(path.join(dist, f))), 0) + inlineBytes;
    return { static: bytes(staticSet), all: bytes(allSet) };
  };

  const byType = new Map<string, { file: string; html: number; js: number; jsAll: number }[]>();
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  for (const file of htmlFiles) {
    const html = readFileSync(path.join(dist, file), 'utf8');
    const roots: string[] = [];
    const inline: { key: string; text: string }[] = [];
    const resolve = (src: string) => {
      const clean = src.split(/[?#]/)[0]!;
      return clean.startsWith('/') ? clean.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(file), clean));
    };
    for (const m of html.matchAll(SCRIPT)) {
      const attrs = m[1]!;
      const type = attr(attrs, 'type');
      if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue;
      const src = attr(attrs, 'src');
      if (src) {
        const target = resolve(src);
        if (sizes.has(target)) roots.push(target);
      } else if (m[2]!.trim() !== '') {
        inline.push({ key: m[2]!, text: m[2]! });
      }
    }
    for (const m of html.matchAll(PRELOAD)) {
      const href = attr(m[0], 'href');
      if (href && sizes.has(resolve(href))) roots.push(resolve(href));
    }
    const js = closure(roots, inline);
    const type = pageType(file);
    const list = byType.get(type) ?? [];
    list.push({ file, html: sizes.get(file)!, js: js.static, jsAll: js.all });
    byType.set(type, list);
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  // A section with one page and no record pages (calendar, guide, search) is named by itself.
  for (const [type, list] of [...byType.entries()]) {
    const section = / \(list\)$/.exec(type) ? type.replace(/ \(list\)$/, '') : undefined;
    if (section !== undefined && list.length === 1 && !byType.has(`${section} (page)`)) {
      byType.delete(type);
      byType.set(section, list);
    }
  }
  const pageTypes = [...byType.entries()]
    .map(([type, list]) => ({
      type,
      pages: list.length,
      htmlBytes: median(list.map((p) => p.html)),
      jsGzip: median(list.map((p) => p.js)),
      jsGzipMax: Math.max(...list.map((p) => p.js)),
      jsGzipWithDynamic: median(list.map((p) => p.jsAll)),
      example: list[0]!.file,
    }))
    .sort((a, b) => b.pages - a.pages || a.type.localeCompare(b.type));
  return {
    bytes: sum(() => true),
    files: files.length,
    htmlPages: htmlFiles.length,
    htmlBytes: sum((f) => f.endsWith('.html')),
    pagefindBytes: sum((f) => f.startsWith('pagefind/')),
    pagefindFiles: files.filter((f) => f.startsWith('pagefind/')).length,
    attachmentBytes: sum((f) => f.startsWith('attachments/')),
    jsFiles: files.filter((f) => /\.m?js$/.test(f) && !f.startsWith('pagefind/')).length,
    jsBytes: sum((f) => /\.m?js$/.test(f) && !f.startsWith('pagefind/')),
    cssBytes: sum((f) => f.endsWith('.css')),
    pageTypes,
  };
}
