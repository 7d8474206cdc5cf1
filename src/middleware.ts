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
  return new Response(finalizePolicy(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
