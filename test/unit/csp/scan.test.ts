/**
 * The policy facts of a page (src/model/csp/page.ts reads them with the scanner of
 * src/model/html/scan.ts) against parse5's tree — what a browser builds: where the policy
 * <meta> is and whether it is in <head>, where a new one goes, what comes before it, inline
 * scripts and styles with their text, style attributes, event handlers, javascript: URLs and
 * diagram markers, on the markup that trips scanners. Offsets are compared where the page has
 * no CR (the scanner's are in the newline-normalised text).
 */
import { describe, expect, it } from 'vitest';
import { readCspFacts } from '../../../src/model/csp/page.ts';
import { treeCspFacts } from './tree-facts.ts';
import { readPage, readPageAndPolicy } from '../../../src/model/verify/html.ts';

const POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">`;

/** Whole pages: the head is where the scanner has to think like the tree builder. */
const PAGES: Record<string, string> = {
  'astro page': `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><script src="/a.js"></script>${POLICY}<style>.a{}</style><script type="module">x()</script></head><body><p>hi</p></body></html>`,
  'no head tag': `<!doctype html><meta charset=utf-8>${POLICY}<title>t</title><p style="color:red">x</p>`,
  'no head at all': `<p>text first</p>${POLICY}<script>late()</script>`,
  'text opens the body': `<!doctype html><html><head>${POLICY}</head>words <meta charset="utf-8"><script>y()</script>`,
  'whitespace does not': `<!doctype html>\n<html>\n  <meta charset="utf-8">\n  ${POLICY}\n<body>\n<style>b{}</style>`,
  'after </head>': `<!doctype html><html><head><title>t</title></head>\n${POLICY}<meta charset="utf-8"><body><p>x</p>`,
  'policy in the body': `<!doctype html><html><head><meta charset="utf-8"></head><body><div>${POLICY}</div></body></html>`,
  'two policies': `<head>${POLICY}<meta charset="utf-8">${POLICY.replace('self', 'none')}</head><body></body>`,
  'two heads': `<html><head><meta charset="utf-8"></head><head id="h2"><meta charset="utf-8"></head><body>${POLICY}</body>`,
  'template in head': `<html><head><template><div id="d"><script>t()</script></div></template><meta charset="utf-8">${POLICY}</head><body></body>`,
  'comment in head': `<html><head><!-- <script>no()</script> --><meta charset="utf-8">${POLICY}</head><body></body>`,
  'noscript in head': `<html><head><noscript><link rel="stylesheet" href="/ns.css"></noscript>${POLICY}</head><body></body>`,
  'link and style before the policy': `<html><head><link rel="stylesheet" href="/s.css"><style>a{}</style><link rel=icon href="/i.svg">${POLICY}</head><body></body>`,
  'crlf lines': `<html>\r\n<head>\r\n<meta charset="utf-8">\r\n${POLICY}\r\n</head>\r\n<body>\r\n<a href="javascript:x()">x</a>\r\n<p onclick="y()">y</p></body></html>`,
};

/** Body fragments, in a page whose head holds the policy. */
const BODIES: Record<string, string> = {
  'inline scripts': `<script>a()</script><script type="module">b()</script><script type="text/javascript">c()</script><script type="application/json">{"no":1}</script><script type=" Module ">d()</script><script src="/e.js">ignored()</script>`,
  'script escapes': `<script><!-- <script> </script> x --></script><script>if (a<b) s = "</scrip>";</script>`,
  'styles': `<style>.x{color:red}</style><div style="color: red" STYLE="dropped">x</div><span style>y</span>`,
  'event handlers': `<img src=x onerror="alert(1)"><div OnClick='z()' onmouseover>x</div><a on-click="no">n</a>`,
  'javascript urls': `<a href="javascript:a()">1</a><a href="  JavaScript:b()">2</a><a href="java\tscript:c()">3</a><a href="&#106;avascript:d()">4</a><form action="javascript:e()"><button formaction="javascript:f()">b</button></form><iframe src="javascript:g()"></iframe><a href="/javascript:no">5</a>`,
  'diagrams': `<figure data-diagram="flow"><pre>graph TD</pre></figure><pre data-language="mermaid">x</pre><code class="a language-mermaid">y</code>`,
  'diagram look-alikes': `<p>mermaid</p><pre data-language="js">x</pre><code class="language-mermaidx">y</code><div data-diagram>z</div>`,
  'foreign content': `<svg><script>s()</script><style>.svg{}</style><a xlink:href="javascript:h()">x</a><rect style="fill:red" onclick="i()"/></svg><math><mi onclick="j()">x</mi></math>`,
  'raw text hides markup': `<textarea><script>no()</script></textarea><title><style>no{}</style></title><noscript><p onclick="no()">n</p></noscript><xmp><a href="javascript:no()">x</a></xmp>`,
  'entities in attributes': `<p style="a&amp;b">x</p><a href="&#x6A;avascript&colon;k()">y</a><p onclick="&quot;">z</p>`,
  'cut off at the end': `<p onclick="ok()">x</p><p onclick="cut()"`,
};

function compare(html: string): void {
  const scanned = readCspFacts(html);
  // The verifier reads these facts and its link facts in one pass: the same facts as each read alone.
  expect(readPageAndPolicy(html)).toEqual({ page: readPage(html), policy: scanned });
  const tree = treeCspFacts(html);
  if (html.includes('\r')) {
    const withoutOffsets = (facts: typeof scanned) => ({ ...facts, insertAt: facts.insertAt !== undefined, metas: facts.metas.map(({ start: _s, end: _e, ...meta }) => meta) });
    expect(withoutOffsets(scanned)).toEqual(withoutOffsets(tree));
  } else {
    expect(scanned).toEqual(tree);
  }
}

describe('the policy facts the scanner reads are those of the parsed tree', () => {
  for (const [name, html] of Object.entries(PAGES)) it(`page: ${name}`, () => compare(html));
  for (const [name, body] of Object.entries(BODIES)) {
    it(`body: ${name}`, () => compare(`<!doctype html><html lang="en"><head><meta charset="utf-8">${POLICY}</head><body>\n${body}\n</body></html>`));
  }

  it('finds what the check relies on, in the page as a browser reads it', () => {
    const facts = readCspFacts(PAGES['after </head>']!);
    expect(facts.metas).toHaveLength(1);
    expect(facts.metas[0]!.inHead).toBe(true); // a <meta> after </head> still goes into the head
    expect(readCspFacts(PAGES['policy in the body']!).metas[0]!.inHead).toBe(false);
    expect(readCspFacts(PAGES['text opens the body']!).inlineScripts).toEqual([{ text: 'y()', line: 1 }]);
  });

  it('names a handler of a second <body> where it is written (the tree builder moves it onto the first)', () => {
    const html = `<!doctype html><html><head>${POLICY}</head><body>\n<p>x</p>\n<body onload="go()">`;
    expect(treeCspFacts(html).eventHandlers).toEqual([{ attribute: 'onload', element: 'body', line: 1 }]);
    expect(readCspFacts(html).eventHandlers).toEqual([{ attribute: 'onload', element: 'body', line: 3 }]);
  });
});
