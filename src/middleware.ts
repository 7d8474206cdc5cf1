/**
 * The last touches to the Content-Security-Policy `<meta>` Astro's `security.csp` writes
 * into every page (src/model/csp: moved to the top of `<head>`, `style-src` per page), made
 * as each page is rendered. They used to be a pass over the written site in
 * `astro:build:done`, which read and rewrote every page: at 10,000 releases 2.5 GB of HTML
 * read and written again, 170 s of the build. Endpoints' files (an e-mail body is HTML) have
 * no policy `<meta>`; finalizePolicy returns them unchanged. Pagefind's own files (/pagefind/,
 * written later) are scripts, styles and data loaded from the site, which `'self'` allows.
 */
import { defineMiddleware } from 'astro:middleware';
import { finalizePolicy } from './model/csp/page.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = await response.text();
  // As bytes: Astro writes the page from response.arrayBuffer(), and a string body is first
  // scanned for lone surrogates (webidl's USVString), 0.35 s per 1,000 releases' pages.
  // Buffer.from writes a lone surrogate as U+FFFD too, so the bytes are the same.
  const body = Buffer.from(finalizePolicy(html), 'utf8');
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
});
