/**
 * What the link check needs from one built HTML page: the ids a `#fragment` can target and
 * every URL the page links to or loads, read with the tokenizer-exact scanner of
 * src/model/html/scan.ts. test/unit/verify/html.test.ts compares the facts with parse5's tree.
 */
import { attributeOf, bothVisitors, LineCounter, normalizeNewlines, scanHtml, type HtmlVisitor, type ScannedTag } from '../html/scan.ts';
import { cspFactsVisitor, type PageCspFacts } from '../csp/page.ts';

export interface PageLink {
  /** The attribute as written in the page (`href`, `src`, `srcset`, `content` of a refresh). */
  attribute: string;
  element: string;
  /** The URL, entities decoded, surrounding whitespace removed. */
  url: string;
  /** 1-based line of the element in the page. */
  line: number;
}

export interface PageFacts {
  /** `id` attributes, and `name` of `<a>` (both are fragment targets). */
  ids: Set<string>;
  links: PageLink[];
  /** The page's `<base href>`, when it has one. */
  base?: string;
  /** Whether an element carries `data-pagefind-body` (the page asks to be in the search index). */
  searchBody: boolean;
}

/** Attributes holding one URL, by element. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  use: ['href'],
  image: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  source: ['src'],
  track: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  input: ['src'],
  object: ['data'],
  form: ['action'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};
const SRCSET_ELEMENTS = new Set(['img', 'source']);
const ASCII_WHITESPACE = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;


export function readPage(source: string): PageFacts {
  const text = normalizeNewlines(source);
  const { facts, visitor } = pageFactsVisitor(new LineCounter(text));
  scanHtml(text, visitor);
  return facts;
}

/**
 * The link facts and the Content-Security-Policy facts (src/model/csp/page.ts) in one pass
 * of the scanner: the verifier needs both of every page, and the scan is most of its time.
 */
export function readPageAndPolicy(source: string): { page: PageFacts; policy: PageCspFacts } {
  const text = normalizeNewlines(source);
  const lines = new LineCounter(text);
  const page = pageFactsVisitor(lines);
  const policy = cspFactsVisitor(text, lines);
  scanHtml(text, bothVisitors(page.visitor, policy.visitor));
  return { page: page.facts, policy: policy.facts };
}

function pageFactsVisitor(lines: LineCounter): { facts: PageFacts; visitor: HtmlVisitor } {
  const facts: PageFacts = { ids: new Set(), links: [], searchBody: false };
  const link = (element: string, attribute: string, url: string, at: number) => {
    facts.links.push({ attribute, element, url: url.replace(ASCII_WHITESPACE, ''), line: lines.lineOf(at) });
  };
  const visitor: HtmlVisitor = {
    startTag: ({ name: element, attrs, foreign, start }: ScannedTag) => {
      if (!facts.searchBody && attributeOf(attrs, 'data-pagefind-body', foreign) !== undefined) facts.searchBody = true;
      const id = attributeOf(attrs, 'id', foreign);
      if (id !== undefined && id !== '') facts.ids.add(id);
      if (element === 'a') {
        const name = attributeOf(attrs, 'name', foreign);
        if (name !== undefined && name !== '') facts.ids.add(name);
      }
      if (element === 'base' && facts.base === undefined) {
        const href = attributeOf(attrs, 'href', foreign);
        if (href !== undefined) facts.base = href.replace(ASCII_WHITESPACE, '');
      }
      const urlAttributes = URL_ATTRIBUTES[element];
      if (urlAttributes) {
        for (const name of urlAttributes) {
          const value = attributeOf(attrs, name, foreign);
          if (value !== undefined) link(element, name, value, start);
        }
      }
      if (SRCSET_ELEMENTS.has(element)) {
        const srcset = attributeOf(attrs, 'srcset', foreign);
        if (srcset !== undefined) {
          for (const candidate of srcset.split(',')) {
            const url = candidate.trim().split(/[\t\n\f\r ]+/)[0];
            if (url) link(element, 'srcset', url, start);
          }
        }
      }
      if (element === 'meta' && attributeOf(attrs, 'http-equiv', foreign)?.toLowerCase() === 'refresh') {
        const target = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+)\1\s*$/i.exec(attributeOf(attrs, 'content', foreign) ?? '')?.[2];
        if (target) link(element, 'content', target, start);
      }
    },
  };
  return { facts, visitor };
}
