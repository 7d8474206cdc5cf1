/**
 * The portal's Content-Security-Policy: one `<meta http-equiv="content-security-policy">` per
 * page (we do not control the web server, so no header). Astro's `security.csp` writes it
 * with `script-src`/`style-src` hashes of every script and style it emits; src/integrations/
 * csp.ts then moves it to the top of `<head>` and adjusts `style-src` per page (see
 * `finalizePolicy` in ./page.ts). README § Content-Security-Policy explains each choice.
 *
 * `frame-ancestors`, `report-uri`/`report-to` and `sandbox` are ignored in a `<meta>` policy:
 * set them as a response header where the site is served.
 */

/** Directives of every page besides `script-src` and `style-src` (which Astro writes). */
export const CSP_DIRECTIVES = [
  // Everything not named below (fetch/XHR of Pagefind's index, fonts, workers, frames,
  // media, manifests) only from the site itself.
  "default-src 'self'",
  // Pagefind's UI stylesheet draws its icons (search, dropdown arrow) as data: SVG images.
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * `script-src` sources; Astro adds the hashes of the scripts it inlines. Only files of the
 * site run (our theme script, Astro's bundles, mermaid's chunks, Pagefind's files): no
 * inline script without a hash, no inline event handler, no `eval`. Pagefind compiles its
 * WebAssembly search engine, which needs `'wasm-unsafe-eval'` (WebAssembly only; JavaScript
 * `eval` stays blocked). Pagefind searches in a Web Worker (/pagefind/pagefind-worker.js,
 * allowed by `'self'`), which a `<meta>` policy does not reach; the page compiles the WASM
 * itself when the worker cannot start, and a server header (README) reaches the worker too:
 * Pagefind's hosting guide asks for `'wasm-unsafe-eval'` for both.
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * `style-src` of a page that draws Mermaid diagrams, instead of `'self'` + hashes. Mermaid
 * renders in the page: it writes a `<style>` element into each SVG and sets hundreds of
 * `style` attributes (through d3), with values computed in the browser, so no hash can be
 * known at build time; mermaid has no option to avoid it (mermaid-js/mermaid#856).
 * Scripts stay strict on those pages, and `default-src 'self'` / `img-src 'self' data:`
 * keep injected CSS from loading anything from, or sending anything to, another site.
 */
export const DIAGRAM_STYLE_SOURCES = ["'self'", "'unsafe-inline'"] as const;

/** Sources that would let injected markup run script: never in `script-src`. */
export const FORBIDDEN_SCRIPT_SOURCES = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:'] as const;

/** Astro's `security.csp` for astro.config.mjs. */
export function astroCsp(): { algorithm: 'SHA-256'; directives: (typeof CSP_DIRECTIVES)[number][]; scriptDirective: { resources: string[] } } {
  return { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES], scriptDirective: { resources: [...SCRIPT_SOURCES] } };
}

/** A policy as directive name (lower case) -> its sources, in order. */
export type Policy = Map<string, string[]>;

/** Parses a serialized policy (`a x y; b z`); a repeated directive keeps its first value, as browsers do. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/[\t\n\f\r ]+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!policy.has(key)) policy.set(key, sources);
  }
  return policy;
}

export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** `'sha256-…'` sources of a directive, without quotes. */
export function hashesOf(sources: readonly string[] | undefined): Set<string> {
  return new Set((sources ?? []).filter((s) => /^'sha(256|384|512)-/.test(s)).map((s) => s.slice(1, -1)));
}
