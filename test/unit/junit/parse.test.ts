import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblem, parseJUnit } from '../../../src/model/junit/parse.ts';
import type { JUnitCase, JUnitReport, JUnitResult } from '../../../src/model/junit/types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/junit');
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

function report(result: JUnitResult): JUnitReport {
  if (!result.ok) throw new Error(`expected a report, got: ${describeProblem(result.problem)}`);
  return result.report;
}

function problem(result: JUnitResult) {
  if (result.ok) throw new Error('expected a problem, got a report');
  return result.problem;
}

const allCases = (r: JUnitReport): JUnitCase[] => r.suites.flatMap((s) => s.cases);
const caseNamed = (r: JUnitReport, name: string): JUnitCase => {
  const found = allCases(r).find((c) => c.name === name);
  if (!found) throw new Error(`no testcase ${name}`);
  return found;
};
const suite = (body: string, attrs = ''): string => `<testsuite name="s"${attrs}>${body}</testsuite>`;

describe('status of a testcase', () => {
  const r = report(
    parseJUnit(
      suite(`
        <testcase name="p"/>
        <testcase name="f"><failure message="m" type="T">body</failure></testcase>
        <testcase name="e"><error message="em" type="ET">trace</error></testcase>
        <testcase name="s"><skipped message="why"/></testcase>`),
    ),
  );

  it('is passed, failed, error or skipped by its direct result child', () => {
    expect(allCases(r).map((c) => [c.name, c.status])).toEqual([
      ['p', 'passed'],
      ['f', 'failed'],
      ['e', 'error'],
      ['s', 'skipped'],
    ]);
    expect(r.totals).toEqual({ tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1, flaky: 0 });
  });

  it('keeps message, type and body of the deciding element', () => {
    expect(caseNamed(r, 'f')).toMatchObject({ message: 'm', type: 'T', text: 'body' });
    expect(caseNamed(r, 'e')).toMatchObject({ message: 'em', type: 'ET', text: 'trace' });
    expect(caseNamed(r, 's')).toMatchObject({ message: 'why' });
    expect(caseNamed(r, 's').text).toBeUndefined();
    expect(caseNamed(r, 'p')).toEqual({ name: 'p', status: 'passed', flaky: false, line: 2 });
  });

  it('lets failure beat error and error beat skipped', () => {
    const multi = report(
      parseJUnit(
        suite(`
          <testcase name="fes"><skipped/><error message="e"/><failure message="f1">one</failure><failure message="f2">two</failure></testcase>
          <testcase name="es"><skipped message="s"/><error message="e">err</error></testcase>`),
      ),
    );
    expect(caseNamed(multi, 'fes')).toMatchObject({ status: 'failed', message: 'f1', text: 'one\n\ntwo' });
    expect(caseNamed(multi, 'es')).toMatchObject({ status: 'error', message: 'e', text: 'err' });
  });

  it('ignores attributes such as status="disabled" and suite tests= claims', () => {
    const r2 = report(
      parseJUnit(
        suite('<testcase name="a" status="disabled"/><testcase name="b" result="skipped"/>', ' tests="10" failures="3"'),
      ),
    );
    expect(r2.totals).toEqual({ tests: 2, passed: 2, failed: 0, errors: 0, skipped: 0, flaky: 0 });
  });

  it('counts repeated testcase names once each', () => {
    const r2 = report(parseJUnit(suite('<testcase name="a"/><testcase name="a"/><testcase name="a"><failure/></testcase>')));
    expect(r2.totals).toMatchObject({ tests: 3, passed: 2, failed: 1 });
  });
});

describe('retry elements (flakyFailure, flakyError, rerunFailure, rerunError)', () => {
  const r = report(parseJUnit(fixture('retries.xml')));

  it('never change the status; only-retry testcases passed and are flaky', () => {
    expect(allCases(r).map((c) => [c.name, c.status, c.flaky])).toEqual([
      ['passed on retry', 'passed', true],
      ['passed after flaky errors', 'passed', true],
      ['rerun only', 'passed', true],
      ['failed on every rerun', 'failed', false],
      ['error with flaky history', 'error', false],
      ['skipped with flaky history', 'skipped', false],
      ['plain pass', 'passed', false],
    ]);
    expect(r.totals).toEqual({ tests: 7, passed: 4, failed: 1, errors: 1, skipped: 1, flaky: 3 });
    expect(r.suites[0]?.totals).toEqual(r.totals);
  });

  it('takes the message of the real <failure>, not of the reruns', () => {
    expect(caseNamed(r, 'failed on every rerun')).toMatchObject({ message: 'final', text: 'final failure' });
    expect(caseNamed(r, 'passed on retry').message).toBeUndefined();
  });
});

describe('document structure', () => {
  const r = report(parseJUnit(fixture('nested-suites.xml')));

  it('counts every testcase at any depth, and no result element outside a testcase', () => {
    expect(r.root).toBe('testsuites');
    expect(r.totals).toEqual({ tests: 7, passed: 4, failed: 1, errors: 1, skipped: 1, flaky: 0 });
    expect(r.time).toBe(3.5);
  });

  it('flattens suites in document order with their enclosing path', () => {
    expect(r.suites.map((s) => [s.name, s.path, s.cases.map((c) => c.name)])).toEqual([
      ['all', [], ['stray before', 'stray after']],
      ['outer', [], ['o1', 'o2', 'o2 sub']],
      ['inner', ['outer'], ['i1', 'i1']],
    ]);
  });

  it('gives each suite the totals of its own cases, which sum to the report totals', () => {
    expect(r.suites.map((s) => s.totals.tests)).toEqual([2, 3, 2]);
    expect(r.suites.find((s) => s.name === 'outer')?.totals).toEqual({
      tests: 3,
      passed: 3,
      failed: 0,
      errors: 0,
      skipped: 0,
      flaky: 0,
    });
  });

  it('reads suite attributes, properties and system-out', () => {
    const outer = r.suites.find((s) => s.name === 'outer');
    expect(outer).toMatchObject({
      time: 2,
      timestamp: '2024-05-01T10:00:00',
      hostname: 'ci-1',
      properties: { os: 'linux', jdk: '21' },
      systemOut: 'outer suite log',
    });
  });

  it('records the source line of each testcase', () => {
    expect(allCases(r).map((c) => c.line)).toEqual([4, 28, 13, 22, 23, 15, 18]);
  });

  it('accepts a single <testsuite> root and an Eclipse <testrun> root', () => {
    expect(report(parseJUnit('<testsuite name="only"><testcase name="a"/></testsuite>')).suites).toHaveLength(1);
    const eclipse = report(
      parseJUnit('<testrun name="p" tests="9"><testsuite name="S"><testcase name="a"><error/></testcase></testsuite></testrun>'),
    );
    expect(eclipse).toMatchObject({ root: 'testrun', totals: { tests: 1, errors: 1 } });
  });

  it('puts testcases directly under the root into one synthetic suite named after the root', () => {
    const r2 = report(parseJUnit('<testsuites><testcase name="a"/><testsuite name="s"/><testcase name="b"/></testsuites>'));
    expect(r2.suites.map((s) => [s.name, s.cases.length])).toEqual([
      ['testsuites', 2],
      ['s', 0],
    ]);
  });

  it('uses local names, so namespaced reports count the same', () => {
    const r2 = report(
      parseJUnit('<j:testsuites xmlns:j="urn:x"><j:testsuite name="n"><j:testcase name="a"><j:skipped/></j:testcase></j:testsuite></j:testsuites>'),
    );
    expect(r2.totals).toMatchObject({ tests: 1, skipped: 1 });
  });

  it('still counts a testcase hidden inside system-out or a failure body', () => {
    const r2 = report(
      parseJUnit(
        suite('<testcase name="a"><failure>x<testcase name="in failure"/>y</failure></testcase>\n<system-out>\n<testcase name="in output"/></system-out>'),
      ),
    );
    expect(r2.totals).toMatchObject({ tests: 3, failed: 1, passed: 2 });
    expect(caseNamed(r2, 'a').text).toBe('xy');
    expect(caseNamed(r2, 'in output').line).toBe(3);
  });

  it('rejects other roots with the root name and its position', () => {
    expect(problem(parseJUnit('<?xml version="1.0"?>\n<html><body/></html>'))).toEqual({
      message: 'not a JUnit report: root element is <html>, expected <testsuites>, <testsuite> or <testrun>',
      line: 2,
      column: 1,
    });
  });
});

describe('safety', () => {
  it('refuses the billion-laughs DTD without expanding anything', () => {
    const started = performance.now();
    expect(problem(parseJUnit(fixture('billion-laughs.xml')))).toEqual({
      message: 'declares a DTD/entities (<!DOCTYPE …>), which Shiplog refuses for safety',
      line: 2,
      column: 1,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses external entities and any DOCTYPE, even after comments or in lower case', () => {
    for (const xml of [
      '<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuite name="&x;"/>',
      '<?xml version="1.0"?><!-- c --><!doctype testsuite><testsuite/>',
      '<!DOCTYPE testsuite SYSTEM "http://127.0.0.1:1/junit.dtd"><testsuite/>',
    ]) {
      expect(problem(parseJUnit(xml)).message).toContain('refuses for safety');
    }
  });

  it('treats an undeclared entity as an error instead of expanding it', () => {
    expect(problem(parseJUnit(suite('<testcase name="&xxe;"/>'))).message).toContain('undefined entity &xxe;');
  });

  it('accepts "<!DOCTYPE" as text inside CDATA', () => {
    const r = report(parseJUnit(suite('<testcase name="a"><system-out><![CDATA[<!DOCTYPE html><html>]]></system-out></testcase>')));
    expect(caseNamed(r, 'a').systemOut).toBe('<!DOCTYPE html><html>');
  });

  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 42, {}, new Uint8Array([0xff, 0xfe, 0x00])]) {
      const result = parseJUnit(input as unknown as string);
      expect(result.ok).toBe(false);
      expect(problem(result).message).not.toBe('');
    }
  });
});

describe('text', () => {
  it('decodes the predefined entities and character references in attributes and text', () => {
    const r = report(
      parseJUnit(
        suite(
          '<testcase name="a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#233; &#x1F600;"><failure message="expected &lt;1&gt;">x &lt; y &amp;&amp; z</failure></testcase>',
        ),
      ),
    );
    expect(allCases(r)[0]).toMatchObject({
      name: `a <b> & "c" 'd' é 😀`,
      message: 'expected <1>',
      text: 'x < y && z',
    });
  });

  it('decodes exactly once, so an escaped reference stays a reference', () => {
    const r = report(parseJUnit(suite('<testcase name="&amp;lt;"><failure message="&amp;amp;">&amp;#60;</failure></testcase>')));
    expect(allCases(r)[0]).toMatchObject({ name: '&lt;', message: '&amp;', text: '&#60;' });
  });

  it('keeps CDATA verbatim and drops comments', () => {
    const r = report(parseJUnit(suite('<testcase name="a"><error>one <![CDATA[&lt; <two>]]><!-- hidden --> three</error></testcase>')));
    expect(allCases(r)[0]?.text).toBe('one &lt; <two> three');
  });

  it('reads literal newlines in attribute values as spaces but keeps &#10;', () => {
    const r = report(parseJUnit(suite('<testcase name="a"><failure message="line1\n  line2&#10;line3"/></testcase>')));
    expect(allCases(r)[0]?.message).toBe('line1   line2\nline3');
  });

  it('keeps astral characters intact', () => {
    const r = report(parseJUnit(suite('<testcase name="𝄞 clef 🧪"><system-out>🚀 out</system-out></testcase>')));
    expect(allCases(r)[0]).toMatchObject({ name: '𝄞 clef 🧪', systemOut: '🚀 out' });
  });

  it('caps kept text and says how much was cut, without splitting a surrogate pair', () => {
    const long = 'x'.repeat(9) + '😀' + 'y'.repeat(100);
    const r = report(
      parseJUnit(suite(`<testcase name="a"><failure message="${long}">${long}</failure><system-out>${long}</system-out></testcase>`), {
        maxTextChars: 10,
      }),
    );
    const c = allCases(r)[0];
    expect(c?.text).toBe(`xxxxxxxxx… [truncated ${long.length - 9} chars]`);
    expect(c?.systemOut).toBe(c?.text);
    expect(c?.message).toBe(c?.text);
  });

  it('caps a 20 MB system-out at the default 64 KiB', () => {
    const huge = 'log line\n'.repeat(2_300_000);
    const r = report(parseJUnit(suite(`<testcase name="a"><system-out>${huge}</system-out></testcase>`)));
    const out = allCases(r)[0]?.systemOut ?? '';
    expect(out.length).toBeLessThan(64 * 1024 + 50);
    expect(out).toMatch(/… \[truncated \d+ chars\]$/);
  });

  it('keeps system-out and system-err of cases and suites, joining repeated blocks', () => {
    const r = report(
      parseJUnit(
        suite(
          '<testcase name="a"><system-out>\n    first\n</system-out><system-out>second</system-out><system-err>err</system-err></testcase><system-err>suite err</system-err>',
        ),
      ),
    );
    expect(allCases(r)[0]).toMatchObject({ systemOut: '    first\n\nsecond', systemErr: 'err' });
    expect(r.suites[0]?.systemErr).toBe('suite err');
  });
});

describe('properties', () => {
  it('reads value attributes and bodies; the first of a name wins; nameless ones are skipped', () => {
    const r = report(
      parseJUnit(
        suite(
          '<properties><property name="a" value="1"/><property name="b"> two </property><property value="x"/></properties><properties><property name="a" value="again"/><property name="c"/></properties>',
        ),
      ),
    );
    expect(r.suites[0]?.properties).toEqual({ a: '1', b: 'two', c: '' });
  });
});

describe('time attributes', () => {
  it.each([
    ['1.5', 1.5],
    [' 2 ', 2],
    ['8.7e-05', 8.7e-5],
    ['2,503.1', 2503.1],
    ['1,234,567', 1234567],
    ['0,25', 0.25],
    ['-345345', undefined],
    ['time', undefined],
    ['', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    ['1.2.3', undefined],
  ])('time="%s" reads as %s', (raw, seconds) => {
    const r = report(parseJUnit(suite(`<testcase name="a" time="${raw}"/>`, ` time="${raw}"`)));
    expect(allCases(r)[0]?.time).toBe(seconds);
    expect(r.suites[0]?.time).toBe(seconds);
  });

  it('leaves time undefined when the attribute is missing', () => {
    const r = report(parseJUnit(suite('<testcase name="a"/>')));
    expect(allCases(r)[0]).not.toHaveProperty('time');
    expect(r).not.toHaveProperty('time');
  });
});

describe('encodings and line ends', () => {
  it('reads UTF-8 with a byte order mark, as bytes and as a string', () => {
    const bytes = fixture('utf8-bom.xml');
    expect(report(parseJUnit(bytes)).suites[0]?.name).toBe('bom é');
    expect(report(parseJUnit(bytes.toString('utf8'))).suites[0]?.name).toBe('bom é');
  });

  it('reads UTF-16 with a byte order mark (little and big endian)', () => {
    const le = fixture('utf16le-bom.xml');
    expect(report(parseJUnit(le))).toMatchObject({ suites: [{ name: 'utf16 é 😀' }], totals: { skipped: 1 } });
    const be = Buffer.from(le);
    be.swap16();
    expect(report(parseJUnit(be)).suites[0]?.name).toBe('utf16 é 😀');
  });

  it('honours a declared ISO-8859-1 encoding', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><testsuite name="caf\xe9"/>', 'latin1');
    expect(report(parseJUnit(bytes)).suites[0]?.name).toBe('café');
  });

  it('rejects bytes that are not valid UTF-8, pointing at the first bad one', () => {
    const bytes = Buffer.concat([Buffer.from('<testsuite>\n<testcase name="'), Buffer.from([0xc3, 0x28]), Buffer.from('"/></testsuite>')]);
    expect(problem(parseJUnit(bytes))).toMatchObject({ message: 'not valid UTF-8 text', line: 2 });
  });

  it('rejects an unknown declared encoding', () => {
    expect(problem(parseJUnit(Buffer.from('<?xml version="1.0" encoding="klingon"?><testsuite/>'))).message).toBe(
      'unsupported encoding "klingon" in the XML declaration',
    );
  });

  it('counts lines the same with CRLF line ends and returns \\n in text', () => {
    const r = report(parseJUnit('<testsuite>\r\n<testcase name="a">\r\n<failure>x\r\ny</failure></testcase>\r\n<testcase name="b"/></testsuite>'));
    expect(allCases(r).map((c) => c.line)).toEqual([2, 5]);
    expect(allCases(r)[0]?.text).toBe('x\ny');
  });
});

describe('not well-formed or unusable input', () => {
  it.each([
    ['', 'file is empty', undefined, undefined],
    [' \n\t ', 'file is empty (only whitespace)', undefined, undefined],
    ['bacon', 'not XML: text "bacon" where the root element should start', 1, 1],
    ['<?xml version="1.0"?>\n<!-- only a comment -->', 'not XML: no root element found', 2, 24],
    [
      '<testsuite>\n  <testcase name="a">',
      'not well-formed XML: unclosed tag <testcase>: the file ends (line 2, column 22) before </testcase> (truncated?)',
      2,
      3,
    ],
    ['<testsuite>\n<testcase name="a', 'not well-formed XML: the file ends inside the value of attribute name in <testcase> (truncated?)', 2, 16],
    ['<testsuite>\n<testcase', 'not well-formed XML: the file ends inside the start tag <testcase> (truncated?)', 2, 1],
    [
      '<testsuite>\n<testcase>\n</testsuite>',
      'not well-formed XML: end tag </testsuite> does not match <testcase> opened at line 2, column 1',
      3,
      1,
    ],
    ['<testsuite></testcase>', 'not well-formed XML: end tag </testcase> does not match <testsuite> opened at line 1, column 1', 1, 12],
    ['<testsuite>\n<testcase time="<<computed>>"/></testsuite>', 'not well-formed XML: "<" inside the value of attribute time in <testcase> (it must be written &lt;)', 2, 17],
    ['<testsuite><system-out><![CDATA[abc</system-out></testsuite>', 'not well-formed XML: unclosed CDATA section: no "]]>" before the end of the file (truncated?)', 1, 24],
    ['<testsuite><!-- abc </testsuite>', 'not well-formed XML: unclosed comment: no "-->" before the end of the file', 1, 12],
    ['<testsuite>a & b</testsuite>', 'not well-formed XML: "&" that does not start an entity reference (a literal "&" must be written &amp;)', 1, 14],
    ['<testsuite>&nbsp;</testsuite>', 'not well-formed XML: undefined entity &nbsp; (without a DTD only &lt; &gt; &amp; &quot; &apos; and &#…; exist)', 1, 12],
    ['<testsuite>&#0;</testsuite>', 'not well-formed XML: &#0; is not a valid XML character', 1, 12],
    ['<testsuite>a < b</testsuite>', 'not well-formed XML: "<" not followed by a tag name (a literal "<" must be written &lt;)', 1, 14],
    ['<testsuite/>\n<testsuite/>', 'not well-formed XML: a second root element <testsuite> after the first one ended', 2, 1],
    ['<testsuite/>\nextra', 'not well-formed XML: text "extra" after the end of the root element', 2, 1],
    ['<testsuite a="1" a="2"/>', 'not well-formed XML: attribute a appears twice in <testsuite>', 1, 18],
    ['<testsuite a=1/>', 'not well-formed XML: the value of attribute a in <testsuite> is not in quotes', 1, 14],
    ['<testsuite a="1"b="2"/>', 'not well-formed XML: missing space before "b="2"/>" in the start tag <testsuite>', 1, 17],
    ['<testsuite disabled/>', 'not well-formed XML: attribute disabled in <testsuite> has no value (expected disabled="…")', 1, 20],
    ['<testsuite>\n<?xml version="1.0"?></testsuite>', 'not well-formed XML: an XML declaration <?xml …?> is only allowed at the very start of the file', 2, 1],
    ['<?xml version="1.0" encoding="UTF-16 LE"?><testsuite/>', 'not well-formed XML: malformed XML declaration: "UTF-16 LE" is not a valid encoding name', 1, 31],
    ['<testsuite>\u001b[31mred</testsuite>', 'not well-formed XML: character U+001B is not allowed in XML (control characters and lone surrogates cannot appear, even escaped)', 1, 12],
    ['<testsuite>]]></testsuite>', 'not well-formed XML: "]]>" is not allowed in text (outside a CDATA section)', 1, 12],
  ])('%j → %s', (xml, message, line, column) => {
    const expected = line === undefined ? { message } : { message, line, column };
    expect(problem(parseJUnit(xml))).toEqual(expected);
  });

  it('reports the file truncated on disk with the line of the unclosed tag', () => {
    expect(problem(parseJUnit(fixture('truncated.xml')))).toMatchObject({ line: 4, column: 5 });
  });

  it('refuses elements nested deeper than 256 levels', () => {
    const deep = '<testsuite>'.repeat(300) + '</testsuite>'.repeat(300);
    expect(problem(parseJUnit(deep)).message).toBe('not well-formed XML: elements nested more than 256 levels deep');
  });

  it('refuses input over maxBytes, 50 MB by default', () => {
    expect(problem(parseJUnit('<testsuite/>', { maxBytes: 5 })).message).toBe('larger than 5 bytes, the limit for a JUnit report');
    expect(problem(parseJUnit(new Uint8Array(50 * 1024 * 1024 + 1))).message).toBe(
      'larger than 50 MB, the limit for a JUnit report',
    );
  });

  it('describes a problem with its position', () => {
    expect(describeProblem({ message: 'm', line: 3, column: 7 })).toBe('m (line 3, column 7)');
    expect(describeProblem({ message: 'm' })).toBe('m');
  });
});
