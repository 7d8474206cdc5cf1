/**
 * The fast way to read a record's YAML: js-yaml, 10–20× quicker than the `yaml` library's
 * Document API on our frontmatter (5,000 release frontmatters of ~2 KB: 0.4–0.5 s against
 * 5.6–7.6 s), which made YAML most of `shiplog check`'s time. It keeps no positions, so it
 * is only the first try: a text it refuses, or one using a YAML feature where the two
 * libraries could differ, is read by the `yaml` library (yaml.ts), which stays the reference
 * for what a record means and for every message and position shown to an author.
 *
 * For the data to be the same, plain scalars resolve by the `yaml` library's YAML 1.2 core
 * schema rules, copied here (its tags' `test` and `resolve`, yaml 2.x `schema/core`), not by
 * js-yaml's own core schema, which also reads `0b1`, `1_000` and `.5e3`-style forms.
 * `test/unit/model/yaml-fast.test.ts` compares the two libraries on tricky scalars, on
 * generated documents and on every record of the sample and benchmark folders.
 */
import jsyaml from 'js-yaml';

const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  // js-yaml passes null for an empty value (`key:`), which is null in both libraries.
  resolve: (data: string | null) => data === null || /^(?:~|[Nn]ull|NULL)?$/.test(data),
  construct: () => null,
});

const boolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
});

const INT_DECIMAL = /^[-+]?[0-9]+$/;
const INT_OCTAL = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const intType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (INT_DECIMAL.test(data) || INT_OCTAL.test(data) || INT_HEX.test(data)),
  construct: (data: string) =>
    INT_OCTAL.test(data) ? parseInt(data.substring(2), 8) : INT_HEX.test(data) ? parseInt(data.substring(2), 16) : parseInt(data, 10),
});

const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const floatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (FLOAT_SPECIAL.test(data) || FLOAT_EXP.test(data) || FLOAT.test(data)),
  construct: (data: string) => {
    if (!FLOAT_SPECIAL.test(data)) return parseFloat(data);
    if (data.slice(-3).toLowerCase() === 'nan') return NaN;
    return data[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  },
});

/** In the `yaml` library's order: null, bool, int, float; strings, sequences and mappings come from failsafe. */
const CORE = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/**
 * Features read only by the reference parser: anchors and aliases (its alias limit guards
 * against alias bombs), tags, explicit `?` keys, directives, `__proto__` keys, null keys
 * (`~: x` is the key "" for the `yaml` library, "null" for js-yaml) and collections as keys
 * (`{{title}}`: "{ title }" against "[object Object]"), found as a `]` or `}` before `: `
 * (`[a, b]: c`) or a `[` or `{` right after `{` or `,` (`{ x: 1, [a] }`; `[{…}, {…}]` too,
 * where it is a value, not a key). Not `{}` or `{ }`: an empty mapping reads the same in both
 * and is common in early records (`checklist: {}`); a null key right before one (`{:{}}`) is
 * still caught. Also what the generated-text comparison caught js-yaml
 * reading differently or letting pass: a `#` glued to a quote, bracket or comma, a tab in a
 * line's indentation, block scalars with an indentation or chomping indicator (`|2`, `>+`),
 * and an empty `-` item. The test is loose on purpose: `*bold*` in a plain value only sends
 * the text the slow way.
 */
const REFERENCE_ONLY = /(?:^|[\s,[\]{}])[&*!]|\?(?:[\s,\]}]|$)|^%|__proto__|(?:^[ \t-]*|[[{,][ \t]*)(?:~|[Nn]ull|NULL)?[ \t]*:(?:[\s,[\]{}]|$)|[\]}][ \t]*:(?:\s|$)|[{,]\s*[[{]|(?:\{(?!\s*\})|,)\s*(?:~|[Nn]ull|NULL)?\s*[,}]|['"[\]{},]#|^ *\t|[|>][0-9+-]|^[ \t-]*-[ \t]*$/m;

/**
 * Whether a quoted string or a flow collection (`[…]`, `{…}`) goes on past the end of a line.
 * js-yaml accepts continuation lines that YAML requires to be indented and the reference
 * refuses (`a: 'x` then `b'` at column 0), so such texts go to the reference. Loose in the
 * same direction as REFERENCE_ONLY: an apostrophe after a space (`rock 'n roll`) or a stray
 * `[` in a plain value counts as open — slower, never wrong.
 */
export function spansLines(text: string): boolean {
  let depth = 0;
  let quote = 0; // 0, or the char code of the open quote
  let previous = 0x0a;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 0x0a) return true;
      if (quote === 0x22 && c === 0x5c) {
        if (text.charCodeAt(i + 1) === 0x0a) return true; // an escaped line break
        i += 1; // \x in a double-quoted string
      }
      else if (c === quote) {
        if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i += 1; // '' in a single-quoted string
        else quote = 0;
      }
    } else if (c === 0x0a) {
      if (depth > 0) return true;
    } else if ((c === 0x22 || c === 0x27) && QUOTE_MAY_OPEN.has(previous)) {
      quote = c;
    } else if (c === 0x23 && (previous === 0x20 || previous === 0x09 || previous === 0x0a)) {
      const newline = text.indexOf('\n', i); // a comment: skip to its line's end
      if (newline === -1) break;
      i = newline - 1;
    } else if (c === 0x5b || c === 0x7b) depth += 1;
    else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    previous = text.charCodeAt(i);
  }
  return depth > 0 || quote !== 0;
}

/** Characters after which a quote may open a quoted scalar: line start, blanks and the indicators. */
const QUOTE_MAY_OPEN = new Set([0x0a, 0x0d, 0x20, 0x09, 0x5b, 0x7b, 0x2c, 0x3a, 0x2d, 0x3f, 0xfeff]);

/** The text's data, or undefined when the reference parser has to read it. */
export function fastYamlData(text: string): { data: unknown } | undefined {
  if (REFERENCE_ONLY.test(text) || spansLines(text)) return undefined;
  try {
    return { data: jsyaml.load(text, { schema: CORE, json: false }) };
  } catch {
    // Refused (a syntax error, a duplicate key, several documents): the reference parser reports it.
    return undefined;
  }
}
