/**
 * The Content-Security-Policy of a built page (src/model/csp): the policy Astro writes is
 * moved to the top of <head> and loosened for styles only on diagram pages; the build check
 * names what a page has that its policy would block, or a policy that is missing or loose.
 */
import { describe, expect, it } from 'vitest';
import { checkPagePolicy, cspHash, finalizePolicy, readCspFacts } from '../../../src/model/csp/page.ts';
import { CSP_DIRECTIVES, astroCsp, formatPolicy, parsePolicy } from '../../../src/model/csp/policy.ts';
import { tempFolder } from '../helpers.ts';

const SCRIPT = "document.documentElement.dataset.ok = '1';";
const STYLE = '.a{color:red}';

/** A page as Astro writes it with security.csp: the policy <meta> at the end of <head>. */
function astroPage(body: string, { script = SCRIPT, style = STYLE, extraHead = '' } = {}): string {
  const policy = `${CSP_DIRECTIVES.join(';')}; script-src 'self' 'wasm-unsafe-eval' '${cspHash(script)}'; style-src 'self' '${cspHash(style)}';`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8">',
    '    <title>t</title>',
    '    <script src="/theme.js"></script>',
    `    ${extraHead}`,
    `  <meta http-equiv="content-security-policy" content="${policy}"><style>${style}</style>`,
    `<script type="module">${script}</script></head>`,
    `  <body>${body}</body>`,
    '</html>',
  ].join('\n');
}

describe('the policy', () => {
  it('is what astro.config.mjs gives Astro', () => {
    const csp = astroCsp();
    expect(csp.directives).toEqual([...CSP_DIRECTIVES]);
    expect(csp.scriptDirective.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.directives).toContain("object-src 'none'");
    expect(csp.directives.some((d) => d.startsWith('frame-ancestors'))).toBe(false); // ignored in a <meta>
  });

  it('parses and formats', () => {
    const policy = parsePolicy("default-src 'self';img-src 'self' data:; ; script-src 'self' 'sha256-x=';script-src 'none'");
    expect([...policy.keys()]).toEqual(['default-src', 'img-src', 'script-src']);
    expect(policy.get('script-src')).toEqual(["'self'", "'sha256-x='"]); // the first of a repeated directive counts
    expect(formatPolicy(policy)).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-x='");
  });
});

describe('finalizePolicy', () => {
  it('moves the policy right after <meta charset>, before every script, style and link', () => {
    const html = finalizePolicy(astroPage('<p>hi</p>', { extraHead: '<link rel="stylesheet" href="/pagefind/ui.css">' }));
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    expect(head.indexOf('http-equiv="content-security-policy"')).toBeGreaterThan(head.indexOf('<meta charset'));
    expect(head.indexOf('http-equiv="content-security-policy"')).toBeLessThan(head.indexOf('<title>'));
    expect(html.match(/http-equiv="content-security-policy"/g)).toHaveLength(1);
    expect(readCspFacts(html).beforePolicy).toEqual([]);
    expect(checkPagePolicy(html)).toEqual([]);
    expect(finalizePolicy(html)).toBe(html); // idempotent
  });

  it('keeps hash-only styles on a page without diagrams', () => {
    const policy = parsePolicy(readCspFacts(finalizePolicy(astroPage('<p>hi</p>'))).metas[0]!.content);
    expect(policy.get('style-src')).toEqual(["'self'", `'${cspHash(STYLE)}'`]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", `'${cspHash(SCRIPT)}'`]);
  });

  it.each([
    ['a Diagram.astro figure', '<figure class="diagram" data-diagram data-locale="en"></figure>'],
    ['a ```mermaid block (Shiki)', '<div class="prose"><pre data-language="mermaid"><code>flowchart LR</code></pre></div>'],
    ['a ```mermaid block (plain)', '<div class="prose"><pre><code class="language-mermaid">flowchart LR</code></pre></div>'],
  ])('allows inline styles, and only them, on a page with %s', (_name, body) => {
    const html = finalizePolicy(astroPage(body));
    const policy = parsePolicy(readCspFacts(html).metas[0]!.content);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", `'${cspHash(SCRIPT)}'`]);
    expect(checkPagePolicy(html)).toEqual([]);
  });

  it('does not take a mention of mermaid in text for a diagram', () => {
    const html = finalizePolicy(astroPage('<p>language-mermaid and data-language="mermaid" and data-diagram</p>'));
    expect(readCspFacts(html).drawsDiagrams).toBe(false);
    expect(html).not.toContain("'unsafe-inline'");
  });

  it('leaves a page without a policy as it is', () => {
    const html = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
    expect(finalizePolicy(html)).toBe(html);
  });
});

describe('checkPagePolicy', () => {
  const ok = (body = '<p>hi</p>') => finalizePolicy(astroPage(body));

  it('names a page without a policy', () => {
    expect(checkPagePolicy('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>')).toEqual([
      expect.stringContaining('has no Content-Security-Policy <meta>'),
    ]);
  });

  it('names a policy that comes after what it should cover', () => {
    expect(checkPagePolicy(astroPage('<p>hi</p>'))).toEqual([
      expect.stringMatching(/^<script src="\/theme.js"> \(line 6\) comes before the Content-Security-Policy <meta>/),
    ]);
  });

  it('names inline scripts, styles, handlers and javascript: URLs the policy blocks', () => {
    const html = ok([
      '<script>alert(1)</script>',
      '<script type="application/ld+json">{"not":"run"}</script>',
      '<style>.b{}</style>',
      '<button onclick="go()">go</button>',
      '<a href="javascript:go()">go</a>',
      '<span style="--depth: 1">x</span>',
    ].join('\n'));
    const problems = checkPagePolicy(html);
    expect(problems, problems.join("\n")).toHaveLength(5);
    expect(problems[0]).toMatch(/^inline <script> at line \d+ has no hash in script-src/);
    expect(problems[1]).toMatch(/^onclick="…" on <button> at line \d+ is an inline event handler/);
    expect(problems[2]).toMatch(/^href="javascript:…" on <a> at line \d+ is blocked/);
    expect(problems[3]).toMatch(/^inline <style> at line \d+ has no hash in style-src/);
    expect(problems[4]).toMatch(/^style="--depth: 1" on <span> at line \d+ is blocked by the policy/);
  });

  it('lets diagram pages have inline styles, never inline scripts', () => {
    const html = ok('<figure data-diagram></figure><style>.b{}</style><svg style="max-width: 10px"></svg><script>alert(1)</script>');
    expect(checkPagePolicy(html)).toEqual([expect.stringMatching(/^inline <script> at line \d+ has no hash in script-src/)]);
  });

  it('allows style attributes by hash only with unsafe-hashes in style-src-attr', () => {
    const value = 'color:#85E89D';
    const page = (attr: string) => ok(`<span style="${value}">x</span>`).replace("style-src 'self'", `style-src-attr ${attr}; style-src 'self'`);
    expect(checkPagePolicy(page(`'unsafe-hashes' '${cspHash(value)}'`))).toEqual([]);
    expect(checkPagePolicy(page(`'${cspHash(value)}'`))).toEqual([expect.stringContaining('is blocked by the policy')]);
  });

  it('names a loose or incomplete policy', () => {
    const loosen = (html: string) =>
      html.replace("object-src 'none'", "object-src 'self'").replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    expect(checkPagePolicy(loosen(ok()))).toEqual([
      "its policy should have `object-src 'none'`, has `object-src 'self'`",
      "its script-src allows 'unsafe-inline' 'unsafe-eval', which lets injected markup run script",
      "its style-src allows 'unsafe-inline' but the page draws no diagram: only diagram pages need inline styles",
    ]);
  });

  it('names a second policy and one outside <head>', () => {
    const html = ok().replace('<body>', '<body><meta http-equiv="content-security-policy" content="script-src *">');
    expect(checkPagePolicy(html)).toEqual([expect.stringMatching(/^has 2 Content-Security-Policy <meta> elements/)]);
  });
});

describe('the build verifier', () => {
  it('checks the policy of the pages Astro generated, naming each page', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const { verifyDist, formatBuildProblem } = await import('../../../src/model/verify/index.ts');
    const dist = await tempFolder('shiplog-csp-');
    const files: Record<string, string> = {
      'index.html': finalizePolicy(astroPage('<p>home</p>')),
      'guide/index.html': finalizePolicy(astroPage('<table><tr><th style="--depth: 1">x</th></tr></table>')),
      'releases/a/report.html': '<!doctype html><html><head></head><body>an attachment</body></html>',
    };
    for (const [file, html] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
      await writeFile(path.join(dist, file), html.replace('/theme.js', '/'));
    }
    const { problems } = await verifyDist({ dist, expected: [], cspPages: new Set(['index.html', 'guide/index.html']) });
    expect(problems.map(formatBuildProblem)).toEqual([expect.stringMatching(/^\/guide\/ {2}style="--depth: 1" on <th> at line \d+ is blocked by the policy/)]);
  });
});
