/**
 * `check` asks validateJUnit whether a JUnit file is usable; the portal parses it with
 * parseJUnit. The two must give the same verdict and the same problem for every input, or the
 * check would pass a file the portal cannot count (or refuse one it can).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJUnit, validateJUnit } from '../../../src/model/junit/parse.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/junit');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/junit');

const xmlIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.xml'))
    .map((name) => path.join(dir, name));
const FILES = [...xmlIn(path.join(CORPUS, 'files')), ...xmlIn(path.join(CORPUS, 'invalid')), ...xmlIn(FIXTURES)];

/** parseJUnit's answer reduced to what validateJUnit answers. */
function verdictOf(input: string | Uint8Array) {
  const parsed = parseJUnit(input);
  return parsed.ok ? { ok: true } : { ok: false, problem: parsed.problem };
}

describe('validateJUnit', () => {
  it('agrees with parseJUnit on every corpus and fixture file, valid or not', () => {
    expect(FILES.length).toBeGreaterThan(90);
    let refused = 0;
    for (const file of FILES) {
      const bytes = readFileSync(file);
      const verdict = validateJUnit(bytes);
      expect(verdict, path.relative(REPO_ROOT, file)).toEqual(verdictOf(bytes));
      if (!verdict.ok) refused += 1;
    }
    // The invalid/ files and the fixtures' broken ones are refused, so both branches were compared.
    expect(refused).toBeGreaterThanOrEqual(11);
  });

  it('names the root element it refuses, prefix dropped as the parser drops it', () => {
    const verdict = validateJUnit('<!-- <testsuites> --><x:report><testsuite/></x:report>');
    expect(verdict).toEqual(verdictOf('<!-- <testsuites> --><x:report><testsuite/></x:report>'));
    expect(verdict).toMatchObject({ ok: false, problem: { message: expect.stringContaining('root element is <report>'), line: 1, column: 22 } });
    expect(validateJUnit('<?xml version="1.0"?>\n<j:testsuites xmlns:j="urn:x"/>')).toEqual({ ok: true });
  });

  it('agrees with parseJUnit on cut and altered corpus files', () => {
    const sources = FILES.map((file) => readFileSync(file, 'latin1')).filter((text) => text.length < 200_000);
    const edit = fc.record({
      source: fc.nat({ max: sources.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.constantFrom('', '<', '>', '&', '&amp;', '"', '/>', '</testsuite>', '<testcase name="x">', ']]>', '<!DOCTYPE x>', 'x:', '<?pi?>', '\u0001'),
      truncate: fc.boolean(),
    });
    fc.assert(
      fc.property(edit, ({ source, at, cut, insert, truncate }) => {
        const text = sources[source]!;
        const i = at % (text.length + 1);
        const altered = truncate ? text.slice(0, i) : text.slice(0, i) + insert + text.slice(i + cut);
        expect(validateJUnit(altered)).toEqual(verdictOf(altered));
      }),
      { numRuns: 400, seed: 20261125 },
    );
  });
});
