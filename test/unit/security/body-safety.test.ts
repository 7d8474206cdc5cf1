/**
 * The spec's body rules on hostile bodies (src/model/rules/body-safety.ts): raw HTML only
 * from the allowlist, no event attributes, link and image targets only http(s), mailto or
 * relative — judged on the tree the renderer (Sätteri) builds, so code stays code and
 * nothing the renderer outputs as HTML escapes the check. Frontmatter URLs are http(s) only.
 */
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayFind, parseAndScan, scanBody } from '../../../src/model/rules/body-safety.ts';
import { fixtureCopy, problemsOf, record, REPO } from '../helpers.ts';

const TAG = '(use Markdown, or a tag such as <details>, <table>, <span>)';
const SCHEME = (s: string) => `link target with scheme ${s}: is not allowed (use http:, https:, mailto: or a relative path)`;
const EVENT = (a: string, t: string) => `event attribute ${a} on <${t}> is not allowed (record bodies carry no scripts)`;

/** Findings as `line:column message (hint)`. */
const scan = (body: string, mdx = false) => scanBody(body, mdx).map((f) => `${f.line}:${f.column} ${f.message}${f.hint ? ` (${f.hint})` : ''}`);

describe('hostile .md bodies are refused', () => {
  const cases: [string, string, string[]][] = [
    ['mixed-case <ScRiPt>', 'Intro.\n\n<ScRiPt>alert(1)</ScRiPt>\n', [`3:1 raw HTML <script> is not allowed in a record body ${TAG}`]],
    ['an inline <script> in a paragraph', 'Text <script>alert(1)</script> more.\n', [`1:6 raw HTML <script> is not allowed in a record body ${TAG}`]],
    ['<img src=x onerror=…>', '<img src=x onerror=alert(1)>\n', [`1:1 ${EVENT('onerror', 'img')}`]],
    // Inline, these are not tags for CommonMark (no space before the attribute) and render as text;
    // inside an HTML block they reach the browser as they are, which reads them as attributes.
    ['event attribute with slashes for spaces', '<div>\n<img/src="x"/onerror=alert(1)>\n</div>\n', [`2:1 ${EVENT('onerror', 'img')}`]],
    ['event attribute glued to a quoted value', '<div>\n<a href="x"onclick="alert(1)">b</a>\n</div>\n', [`2:1 ${EVENT('onclick', 'a')}`]],
    ['upper-case event attribute', '<details OnToggle="alert(1)" open>x</details>\n', [`1:1 ${EVENT('OnToggle', 'details')}`]],
    ['a tab entity inside javascript:', '<a href="java&#x09;script:alert(1)">x</a>\n', [`1:1 ${SCHEME('javascript')}`]],
    ['entities spelling javascript:', '<a href="&#106;avascript&colon;alert(1)">x</a>\n', [`1:1 ${SCHEME('javascript')}`]],
    ['an unquoted javascript: href', '<a href=JavaScript:alert(1)>x</a>\n', [`1:1 ${SCHEME('javascript')}`]],
    ['a data: srcset candidate', '<img srcset="a.png 1x, data:image/svg+xml,x 2x">\n', [`1:1 ${SCHEME('data')}`]],
    ['[x](JAVASCRIPT:…)', 'See [x](JAVASCRIPT:alert(1)).\n', [`1:5 ${SCHEME('javascript')}`]],
    ['a link whose text holds brackets', 'See [a [b] c](javascript:alert(1)).\n', [`1:5 ${SCHEME('javascript')}`]],
    ['a link target on the next line', 'See [x](\njavascript:alert(1)).\n', [`1:5 ${SCHEME('javascript')}`]],
    ['a link target in angle brackets with a tab', 'See [x](<java\tscript:alert(1)>).\n', [`1:5 ${SCHEME('javascript')}`]],
    ['an image with a data: URL', '![x](data:image/svg+xml;base64,PHN2Zz4=)\n', [`1:1 ${SCHEME('data')}`]],
    ['a vbscript: link', '[x](vbscript:msgbox)\n', [`1:1 ${SCHEME('vbscript')}`]],
    ['a reference-style link', '[x][evil]\n\n[evil]: javascript:alert(1)\n', [`3:1 ${SCHEME('javascript')}`]],
    ['an unused definition', '[evil]: <file:///etc/passwd> "t"\n', [`1:1 ${SCHEME('file')}`]],
    ['an autolink', 'Go <javascript:alert(1)> now.\n', [`1:4 ${SCHEME('javascript')}`]],
    ['<iframe>', '<iframe src="https://evil.example"></iframe>\n', [`1:1 raw HTML <iframe> is not allowed in a record body ${TAG}`]],
    ['<object>', '<object data="x.swf"></object>\n', [`1:1 raw HTML <object> is not allowed in a record body ${TAG}`]],
    ['<embed>', '<embed src="x.swf">\n', [`1:1 raw HTML <embed> is not allowed in a record body ${TAG}`]],
    ['<svg onload>', '<svg onload=alert(1)>\n', [`1:1 raw HTML <svg> is not allowed in a record body ${TAG}`, `1:1 ${EVENT('onload', 'svg')}`]],
    ['<style>, <form>, <meta>, <base>', '<style>*{}</style>\n\n<form action="/x"></form>\n\n<meta http-equiv="refresh" content="0;url=javascript:x">\n\n<base href="https://evil.example/">\n', [
      `1:1 raw HTML <style> is not allowed in a record body ${TAG}`,
      `3:1 raw HTML <form> is not allowed in a record body ${TAG}`,
      `5:1 raw HTML <meta> is not allowed in a record body ${TAG}`,
      `7:1 raw HTML <base> is not allowed in a record body ${TAG}`,
    ]],
    [
      'a tag left open, swallowing the page markup after it',
      "<div title='\n' onmouseover=alert(1) x='\n",
      [`2:3 ${EVENT('onmouseover', 'div')}`.replace('2:3', '1:1'), '1:1 raw HTML <div> is not closed with > (an unclosed tag takes the page markup after it as its attributes)'],
    ],
    ['an HTML comment left open', 'Text.\n\n<!-- hidden\n', ['3:1 an HTML comment <!-- is not closed with --> (it would hide the rest of the page)']],
    // A line scanner took "``` x`" for a fence; CommonMark (and Sätteri) do not: info strings of
    // backtick fences hold no backtick, so the <script> line is a raw HTML block.
    ['a fence that is not one', '``` x`\n<script>alert(1)</script>\n```\n', [`2:1 raw HTML <script> is not allowed in a record body ${TAG}`]],
    ['a fence indented by a tab (indented code, then HTML)', '\t```\n<script>alert(1)</script>\n', [`2:1 raw HTML <script> is not allowed in a record body ${TAG}`]],
    ['a fence that ends with its list item', '- a\n  ```\n  code\n- b\n\n<script>alert(1)</script>\n', [`6:1 raw HTML <script> is not allowed in a record body ${TAG}`]],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(scan(body)).toEqual(expected);
  });
});

describe('safe .md bodies pass', () => {
  const cases: [string, string][] = [
    ['HTML inside a fenced code block', '```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```\n'],
    ['HTML inside a tilde fence with a longer closing fence', '~~~\n<iframe src=x>\n~~~~\n'],
    ['HTML inside an indented code block', 'Para.\n\n    <script>alert(1)</script>\n'],
    ['HTML and javascript: inside inline code', 'Use `<script>` or `[x](javascript:y)` in text.\n'],
    ['allowlisted HTML with safe links', '<details><summary>Plan</summary>\n\n<a href="https://x.example/a?b=1#c">x</a> <a href="../other/">rel</a> <a href="mailto:ops@example.com">m</a>\n\n</details>\n'],
    ['a > inside a quoted attribute value', '<span title="a > b" class="x">y</span>\n'],
    ['a closed comment', '<!-- reviewer: Bo -->\nText.\n'],
    ['less-than in prose', 'a < b and 1<2, x <= y\n'],
    ['relative, fragment and protocol-relative targets', '[a](./a.md) [b](#top) [c](//cdn.example/x) [d](/releases/shop/1.0.0/) [e](path/with:colon)\n'],
    ['GFM autolink literals', 'www.example.com and ops@example.com and https://x.example\n'],
    ['curly braces and import lines are text in .md', 'import x from "y"\n\n{alert(1)}\n'],
    // A bare value runs to whitespace or `>`: onerror is part of src here, as a browser reads it.
    ['a slash inside a bare attribute value', '<div>\n<img src=x/onerror=alert(1)>\n</div>\n'],
    ['a mermaid diagram', '```mermaid\nflowchart LR\n  a["<img src=x onerror=alert(1)>"] --> b\n```\n'],
  ];
  it.each(cases)('%s', (_name, body) => {
    expect(scan(body)).toEqual([]);
  });
});

describe('a Markdown body without `<` or `]` is not parsed', () => {
  // Pieces that mean something to Markdown, GFM or a URL parser, none holding `<` or `]`.
  const pieces = ['[', '[x', '![', '(', ')', '(javascript:alert(1))', '(data:x)', '!', ':', 'javascript:', 'JavaScript:', 'data:', 'vbscript:',
    'www.', 'www.x.com', 'http://', 'https://a.b', 'ftp://a.b', 'mailto:', 'xmpp:', 'a@b.co', '@', '.', '/', '\\', '`', '```', '~~~', '*', '_', '#', '> ',
    '- ', '1. ', '    ', '\t', '\n', '\n\n', ' ', '&#60;', '&lt;', '&#93;', '&rsqb;', '&colon;', '{', '}', '|', '"', "'", '=', 'onerror=', 'script', 'img',
    '---', 'a', '中文', '：', '[^1'];
  const bodies = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((parts) => parts.join(''));

  it('when the parse of such a body finds nothing: 3,000 bodies of Markdown pieces', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        fc.pre(!mayFind(body, false));
        expect(parseAndScan(body, false)).toEqual({ findings: [], localImages: [] });
      }),
      { numRuns: 3000, seed: 20261125 },
    );
  });

  it('but one nested too deep is still refused, and `xmpp:`, `<`, `]` and .mdx are parsed', () => {
    expect(scan(`${'> '.repeat(200)}x\n`)).toEqual(['1:1 body nests block quotes or lists more than 256 columns deep (no record needs that many levels)']);
    for (const body of ['a xmpp:x@y.z', 'a < b', 'x]', 'XMPP:'] as const) expect(mayFind(body, false), body).toBe(true);
    expect(mayFind('plain text', true)).toBe(true);
    expect(mayFind('plain text: [a)(b) www.x.com', false)).toBe(false);
  });
});

describe('.mdx bodies: MDX is code, and only the HTML rules apply to its JSX', () => {
  it('allows import/export and {…} expressions (they are code, reviewed as code)', () => {
    expect(scan('import Chart from "../components/Chart.astro";\nexport const owner = "ops";\n\n{owner.toUpperCase()}\n\nText {1 + 1}.\n', true)).toEqual([]);
  });

  it('treats capitalised tags as portal components, not HTML', () => {
    expect(scan('<Callout kind="warn" onDismiss={x}>Careful</Callout>\n\n<ScRiPt />\n', true)).toEqual([]);
  });

  it('refuses HTML elements outside the allowlist and event attributes', () => {
    expect(scan('<script>alert(1)</script>\n\n<iframe src="https://x" />\n\n<div onClick={() => alert(1)}>x</div>\n', true)).toEqual([
      `1:1 raw HTML <script> is not allowed in a record body ${TAG}`,
      `3:1 raw HTML <iframe> is not allowed in a record body ${TAG}`,
      `5:1 ${EVENT('onClick', 'div')}`,
    ]);
  });

  it('checks literal URL values, of elements and of components', () => {
    expect(scan('<a href="javascript:alert(1)">a</a>\n\n<a href={"javascript:alert(1)"}>b</a>\n\n<LinkCard href="data:text/html,x" />\n\n<a href={url}>c</a>\n', true)).toEqual([
      `1:1 ${SCHEME('javascript')}`,
      `3:1 ${SCHEME('javascript')}`,
      `5:1 ${SCHEME('data')}`,
    ]);
  });

  it('refuses an attribute spread on an HTML element (it could carry an event attribute)', () => {
    expect(scan('<div {...props}>x</div>\n', true)).toEqual(['1:1 a {...spread} of attributes on <div> cannot be checked (write the attributes out)']);
  });

  it('checks Markdown links and leaves code alone', () => {
    expect(scan('[x](javascript:alert(1))\n\n```html\n<script>alert(1)</script>\n```\n\n`<iframe>`\n', true)).toEqual([`1:1 ${SCHEME('javascript')}`]);
  });

  it('reports a body that is not valid MDX at its line, as Astro would fail on it', () => {
    expect(scan('Intro.\n\n<div>\n\n{oops', true)).toEqual([
      '3:1 body is not valid MDX: Expected a closing tag for `<div>` (MDX is stricter than Markdown: close every tag, escape { and < as \\{ and &lt;, or rename the file to .md)',
    ]);
  });
});

describe('through the loader', () => {
  it('names the file, the file line and the field', async () => {
    const root = await fixtureCopy('valid', {
      'releases/shop/2.0.0.md': record('service: shop\nversion: "2.0.0"\nprocess: standard\nstatus: planned', 'Intro.\n\n<img src=x onerror=alert(1)>\n'),
      'retrospectives/x.mdx': record('title: x\nreleases: [shop@1.0.0]\ndate: 2026-03-14', '<a href="javascript:alert(1)">x</a>\n'),
    });
    expect(await problemsOf(root)).toEqual([
      `releases/shop/2.0.0.md:9:1  body  ${EVENT('onerror', 'img')}`,
      `retrospectives/x.mdx:6:1  body  ${SCHEME('javascript')}`,
    ]);
  });

  it('splits the frontmatter where Astro does, so no body text hides in what looks like YAML', async () => {
    // Astro ends the frontmatter at the first line starting with --- or +++. U+2028 is a line
    // break for a JavaScript `^` but not for Astro: a split there took "  ~~~" as the start of
    // the body (a fence, so the <script> after it read as code) while Astro rendered the <script>.
    const fields = 'service: shop\nversion: "2.0.0"\nprocess: standard\nstatus: planned';
    const root = await fixtureCopy('valid', {
      'releases/shop/2.0.0.md': `---\n${fields}\ntitle: x\u2028---\n  ~~~\n---\n<script>alert(1)</script>\n`,
      'releases/shop/2.0.1.md': `---\n${fields.replace('2.0.0', '2.0.1')}\n---<script>alert(1)</script>\n---\nBody.\n`,
      'releases/shop/2.0.2.md': `---\n${fields.replace('2.0.0', '2.0.2')}\n+++\n---\nBody.\n`,
    });
    expect(await problemsOf(root)).toEqual([
      `releases/shop/2.0.0.md:9:1  body  raw HTML <script> is not allowed in a record body ${TAG}`,
      'releases/shop/2.0.1.md:6:1  a line starting with `---` inside the frontmatter would end it for Astro: indent or quote this text, and close the frontmatter with a line `---` alone',
      'releases/shop/2.0.2.md:6:1  a line starting with `+++` inside the frontmatter would end it for Astro: indent or quote this text, and close the frontmatter with a line `---` alone',
    ]);
  });
});

describe('local images (Astro reads them from disk and publishes them)', () => {
  it('must stay inside the content folder, exist and be pictures', async () => {
    const root = await fixtureCopy('valid', {
      'attachments/shop/1.0.0/diagram.png': 'png',
      'releases/shop/2.0.0.md': record(
        'service: shop\nversion: "2.0.0"\nprocess: standard\nstatus: planned',
        [
          '![ok](../../attachments/shop/1.0.0/diagram.png) ![remote](https://img.example.com/a.png) ![site](/favicon.svg)',
          '![escape](../../../../../../etc/hostname.png)',
          '![missing](./nope.png)',
          '![not a picture](../../attachments/shop/1.0.0/001.sql)',
          '![by reference][img]',
          '',
          '[img]: ../../../outside.png',
          '',
        ].join('\n'),
      ),
    });
    const HINT = '(an image path is read relative to this record: keep images in the content folder, e.g. under attachments/)';
    expect(await problemsOf(root)).toEqual([
      `releases/shop/2.0.0.md:8:1  body  image ../../../../../../etc/hostname.png is outside the content folder ${HINT}`,
      `releases/shop/2.0.0.md:9:1  body  image ./nope.png: file releases/shop/nope.png does not exist ${HINT}`,
      `releases/shop/2.0.0.md:10:1  body  image ../../attachments/shop/1.0.0/001.sql is not a picture Astro can publish (avif, gif, jpeg, jpg, png, svg, tiff, webp) ${HINT}`,
      `releases/shop/2.0.0.md:11:1  body  image ../../../outside.png is outside the content folder ${HINT}`,
    ]);
  });

  it('may not reach outside through a symbolic link', async () => {
    const root = await fixtureCopy('valid', {
      'releases/shop/2.0.0.md': record('service: shop\nversion: "2.0.0"\nprocess: standard\nstatus: planned', '![x](../../attachments/link.png)\n'),
    });
    await symlink(path.join(REPO, 'public/favicon.svg'), path.join(root, 'attachments/link.png'));
    expect(await problemsOf(root)).toEqual([
      'releases/shop/2.0.0.md:7:1  body  image ../../attachments/link.png: attachments/link.png links outside the content folder (an image path is read relative to this record: keep images in the content folder, e.g. under attachments/)',
    ]);
  });
});

describe('frontmatter URLs are http(s) only', () => {
  const hostile = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', '" javascript:alert(1)"', '"java\\tscript:alert(1)"', '"data:text/html,<script>alert(1)</script>"', 'file:///etc/passwd', 'ftp://files.example.com/x', '//evil.example/x', '/relative/path'];
  const URL_MESSAGE = 'must be an absolute http: or https: URL';
  const places: [string, string, (url: string) => string, string][] = [
    ['site.yaml', 'site.yaml', (u) => `title: T\nlocale: en\nroles: { dev: D, lead: L, qa: Q, ops: O }\nenvironments: [{ id: test, title: Test }]\nbaseUrl: ${u}\n`, '5:10  baseUrl'],
    ['site.yaml links', 'site.yaml', (u) => `title: T\nlocale: en\nroles: { dev: D, lead: L, qa: Q, ops: O }\nenvironments: [{ id: test, title: Test }]\nlinks:\n  - { title: x, url: ${u} }\n`, '6:22  links.0.url'],
    ['service repo', 'services/shop.yaml', (u) => `name: Shop\nrepo: ${u}\n`, '2:7  repo'],
    ['service dashboards', 'services/shop.yaml', (u) => `name: Shop\ndashboards:\n  - { title: x, url: ${u} }\n`, '3:22  dashboards.0.url'],
    ['release links', 'releases/shop/1.1.0.mdx', (u) => record(`service: shop\nversion: "1.1.0"\nprocess: standard\nstatus: planned\nlinks: [{ title: x, url: ${u} }]`), '6:26  links.0.url'],
    ['release monitoring', 'releases/shop/1.1.0.mdx', (u) => record(`service: shop\nversion: "1.1.0"\nprocess: standard\nstatus: planned\nmonitoring: { dashboards: [{ title: x, url: ${u} }] }`), '6:45  monitoring.dashboards.0.url'],
    ['test report bug', 'test-reports/extra.md', (u) => record(`release: shop@1.0.0\ntitle: T\nstage: system\nverdict: pass\nbugs:\n  - { id: B-1, title: x, severity: D, status: closed, url: ${u} }`), '7:60  bugs.0.url'],
  ];
  it.each(places)('%s', async (_name, file, text, where) => {
    for (const url of hostile) {
      const problems = await problemsOf(await fixtureCopy('valid', { [file]: text(url) }));
      expect(problems, url).toEqual([`${file}:${where}  ${URL_MESSAGE}`]);
    }
  });
});
