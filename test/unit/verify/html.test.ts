/**
 * The link check's reader of a page (src/model/verify/html.ts, on the scanner of
 * src/model/html/scan.ts) against parse5's tree — what a browser builds — on markup that
 * trips naive scanners: quoting, entities, comments, raw-text elements and script escapes,
 * foreign content, tags cut off by the end of the page. Each
 * case must give the ids, links (with lines) and <base> that walking the parsed tree gives.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/model/verify/html.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'], area: ['href'], link: ['href'], use: ['href'], image: ['href'], img: ['src'], script: ['src'], iframe: ['src'],
  embed: ['src'], source: ['src'], track: ['src'], audio: ['src'], video: ['src', 'poster'], input: ['src'], object: ['data'],
  form: ['action'], blockquote: ['cite'], q: ['cite'], ins: ['cite'], del: ['cite'],
};

/** The facts read from parse5's tree (the verifier's implementation before the scanner). */
function fromTree(html: string) {
  const ids = new Set<string>();
  const links: { attribute: string; element: string; url: string; line: number }[] = [];
  let base: string | undefined;
  const trim = (s: string) => s.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  const stack: Node[] = [parse(html, { sourceCodeLocationInfo: true })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('tagName' in node) {
      const el = node as Element;
      const attr = (name: string) => el.attrs.find((a) => a.name === name && !a.prefix)?.value ?? el.attrs.find((a) => a.name === name)?.value;
      const line = el.sourceCodeLocation?.startLine ?? 1;
      const add = (attribute: string, url: string) => links.push({ attribute, element: el.tagName, url: trim(url), line });
      if (attr('id')) ids.add(attr('id')!);
      if (el.tagName === 'a' && attr('name')) ids.add(attr('name')!);
      if (el.tagName === 'base' && base === undefined && attr('href') !== undefined) base = trim(attr('href')!);
      for (const name of URL_ATTRIBUTES[el.tagName] ?? []) if (attr(name) !== undefined) add(name, attr(name)!);
      if ((el.tagName === 'img' || el.tagName === 'source') && attr('srcset') !== undefined) {
        for (const c of attr('srcset')!.split(',')) {
          const url = c.trim().split(/[\t\n\f\r ]+/)[0];
          if (url) add('srcset', url);
        }
      }
      if (el.tagName === 'meta' && attr('http-equiv')?.toLowerCase() === 'refresh') {
        const target = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+)\1\s*$/i.exec(attr('content') ?? '')?.[2];
        if (target) add('content', target);
      }
    }
    if ('content' in node) stack.push(node.content);
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push(node.childNodes[i]!);
  }
  return { ids: [...ids].sort(), links, base };
}

function scanned(html: string) {
  const facts = readPage(html);
  return { ids: [...facts.ids].sort(), links: facts.links, base: facts.base };
}

const CASES: Record<string, string> = {
  quoting: `<a href=/bare/ id=x>1</a><a href='/single/' ID="y">2</a><a HREF = "/spaced/" >3</a><a href="/first/" href="/second/">4</a>`,
  'odd attributes': `<a =x href="/eq/">1</a><a href="/q/"title="t">2</a><a/href="/slash/">3</a><a href>4</a><a href=>5</a><img src="/i.png"/>`,
  entities: `<a href="/a?x=1&amp;y=2">1</a><a href="/b?c&copy=3">2</a><a href="/&#x41;&#66;">3</a><a href=/u&lt;v>4</a><a id="&quot;q&quot;">5</a>`,
  comments: `<!-- <a href="/no/"> --><!--><a href="/yes1/"><!---><a href="/yes2/"><!-- x --!><a href="/yes3/"><!-- a -- b ---><a href="/yes4/"><!----><a href="/yes5/">`,
  'bogus comments and doctype': `<!DOCTYPE html><? <a href="/no/"> ?><a href="/yes/"></ <a href="/no2/"> ><a href="/yes2/"><!x <a href="/no3/">><a href="/yes3/">`,
  'raw text': `<title><a href="/no/"></title><textarea><a href="/no2/"></textarea ><style>a{} <a href="/no3/"></style><xmp><a href="/no4/"></xmp><noscript><a href="/no5/"></noscript><a href="/yes/">`,
  'script escapes': `<script>if (a<b) x = "</scrip>"; </script><a href="/yes1/"><script><!-- <script> </script> <a href="/no/"> </script> --></script><a href="/yes2/"><script><!--></script><a href="/yes3/"><script><!-- </SCRIPT><a href="/yes4/">`,
  'script src': `<script type="module" src="/_astro/a.js"></script><script src="/b.js"/><a href="/after/">`,
  'foreign content': `<svg><a href="/svg-a/"></a><use xlink:href="#sprite"/><image href="/img.svg"/><style><a href="/svg-style/"></style><title><a href="/svg-title/"></title></svg><a href="/html/">`,
  'foreign integration points': `<svg><foreignObject><div><a href="/fo/"></a></div><title>x</title></foreignObject><text id="t">y</text></svg><math><mi><a href="/mi/"></a></mi><annotation-xml encoding="text/html"><a href="/ax/"></a></annotation-xml></math>`,
  'cdata and exits': `<svg><![CDATA[ <a href="/no/"> ]]><p><a href="/exit/"></a></p></svg><![CDATA[ <a href="/yes/"> ]]>`,
  'image and base': `<base href="/docs/"><base href="/second/"><image src="/renamed.png"><img srcset="/1x.png 1x, /2x.png 2x" alt=""><source srcset=" /s.webp "><video src="/v.mp4" poster="/p.png"></video>`,
  refresh: `<meta http-equiv="Refresh" content="0; URL='/moved/'"><meta http-equiv="refresh" content="5"><object data="/o.pdf"></object><form action="/f/"></form><q cite="/c/">q</q>`,
  'template and names': `<template><span id="in-template"><a href="/t/">t</a></span></template><a name="legacy">x</a><a name="">y</a><p id="">z</p>`,
  lines: `<p>\n\n<a href="/l3/">x</a>\n<a\nhref="/l4/">y</a>\r\n<a href="/l6/">z</a>\r<a href="/l7/">w</a>`,
  'cut off at the end': `<a href="/ok/">x</a><a href="/cut/"`,
  'cut off quote': `<a href="/ok/">x</a><a href="/cut/>y</a>`,
  plaintext: `<a href="/before/"><plaintext><a href="/no/">`,
  'unclosed svg': `<svg><a href="/in-svg/"></a><div><a href="/html-again/"></a></div>`,
  'self-closed svg': `<svg/><title>t</title><a href="/after-svg/">`,
};

describe('the HTML scanner reads what the parsed tree holds', () => {
  for (const [name, body] of Object.entries(CASES)) {
    it(name, () => {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>`;
      expect(scanned(html)).toEqual(fromTree(html));
    });
  }

  it('checks a link once where the tree builder clones its element (misnested formatting elements)', () => {
    const html = '<a href="/x/"><div>text</a>more</div>';
    expect(fromTree(html).links.map((l) => l.url)).toEqual(['/x/', '/x/']);
    expect(scanned(html).links.map((l) => l.url)).toEqual(['/x/']);
  });

  it('keeps only what the link check needs', () => {
    expect(scanned('<a href=" /x/ " id="a">x</a><link rel="icon" href="/favicon.svg">')).toEqual({
      ids: ['a'],
      links: [
        { attribute: 'href', element: 'a', url: '/x/', line: 1 },
        { attribute: 'href', element: 'link', url: '/favicon.svg', line: 1 },
      ],
      base: undefined,
    });
  });
});
