/**
 * Keeps Astro's content data store cheap to load at scale. Astro ships the store to the page
 * renderer as one module, `export default JSON.parse("<the whole store>")`: one JavaScript
 * string literal of every entry's data and rendered HTML (156 MB at 10,000 releases). V8's
 * cost to compile a string literal grows faster than its length: measured on this machine,
 * 12 MB took 1.5 s and 118 MB took 189 s, paid by the first page that reads a collection.
 * The same text cut into literals of at most LITERAL_CHARS, joined at run time, compiles
 * in 7 s at 118 MB (0.8 s at 12 MB). The module's value is unchanged: the same string goes
 * to the same JSON.parse. Any other shape of the module (a future Astro) is left as it is.
 */
import type { Plugin } from 'vite';

const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';
const LITERAL_CHARS = 256 * 1024;
const PREFIX = 'export default JSON.parse(';

/** The module's code with its one big literal cut into several, or undefined when it has another shape or is small. */
export function splitStoreLiteral(code: string, limit = LITERAL_CHARS): string | undefined {
  if (code.length <= limit) return undefined;
  // No regular expression over the whole text: a backtracking match of 100+ MB can overflow.
  let body = code.trimEnd();
  if (body.endsWith(';')) body = body.slice(0, -1);
  if (!body.startsWith(PREFIX) || !body.endsWith(')')) return undefined;
  let text: unknown;
  try {
    text = JSON.parse(body.slice(PREFIX.length, -1));
  } catch {
    return undefined;
  }
  if (typeof text !== 'string') return undefined;
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += limit) parts.push(JSON.stringify(text.slice(at, at + limit)));
  return `export default JSON.parse([\n${parts.join(',\n')}\n].join(''));\n`;
}

export function dataStoreModule(): Plugin {
  return {
    name: 'shiplog:data-store-module',
    enforce: 'post',
    transform(code, id) {
      if (id !== RESOLVED_DATA_STORE_ID) return undefined;
      const split = splitStoreLiteral(code);
      return split === undefined ? undefined : { code: split, map: { mappings: '' } };
    },
  };
}
