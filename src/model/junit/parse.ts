/** Entry point of JUnit XML ingestion: bytes or text in, a counted report or a tester-readable problem out. */
import type { JUnitParseOptions, JUnitProblem, JUnitReport, JUnitResult } from './types.ts';
import { ReportBuilder } from './build.ts';
import { decodeInput } from './decode.ts';
import { decodeAttribute, detach, parseSeconds, positionAt } from './text.ts';
import { documentParser, rawAttribute, startIndexOf, tagOf, type XmlNode } from './tree.ts';
import { scanWellFormed, type RootElement } from './wellformed.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_TEXT_CHARS = 64 * 1024;

const ROOTS: ReadonlySet<string> = new Set<JUnitReport['root']>(['testsuites', 'testsuite', 'testrun']);

function isRoot(tag: string): tag is JUnitReport['root'] {
  return ROOTS.has(tag);
}

function problemAt(message: string, text: string, index: number | undefined): JUnitResult {
  return { ok: false, problem: index === undefined ? { message } : { message, ...positionAt(text, index) } };
}

function notJUnit(tag: string, text: string, at: number | undefined): JUnitResult {
  return problemAt(`not a JUnit report: root element is <${tag}>, expected <testsuites>, <testsuite> or <testrun>`, text, at);
}

/** The root's name as the document parser reads it: it drops a namespace prefix (removeNSPrefix). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function buildReport(text: string, maxTextChars: number): JUnitResult {
  const tree: unknown = documentParser.parse(text);
  const root = Array.isArray(tree) ? (tree as XmlNode[]).find((node) => tagOf(node) !== undefined) : undefined;
  const tag = root && tagOf(root);
  if (!root || tag === undefined) return problemAt('not XML: no root element found', text, undefined);
  if (!isRoot(tag)) return notJUnit(tag, text, startIndexOf(root));
  const rootName = rawAttribute(root, 'name');
  const builder = new ReportBuilder(text, maxTextChars, rootName ? detach(decodeAttribute(rootName)) : tag);
  if (tag === 'testsuite') builder.addSuite(root, ReportBuilder.topContext);
  else builder.walk([root], ReportBuilder.topContext);

  const report: JUnitReport = { root: tag, totals: builder.totals, suites: builder.suites };
  const time = parseSeconds(rawAttribute(root, 'time'));
  if (time !== undefined) report.time = time;
  return { ok: true, report };
}

/**
 * V8 keeps the subject of the last successful regex match reachable (RegExp.input / RegExp.$_),
 * which would pin the whole document in memory until some other regex matches.
 */
function releaseLastMatch(): void {
  /^/.exec('');
}

/**
 * Parses one JUnit XML report. Never throws: unreadable input comes back as `{ ok: false }`.
 * Counting follows spec/records.md "JUnit counting"; a DOCTYPE is refused before anything is parsed.
 */
export function parseJUnit(xml: string | Uint8Array, options: JUnitParseOptions = {}): JUnitResult {
  return guarded(() => {
    const scanned = scan(xml, options);
    if (!scanned.ok) return scanned;
    return buildReport(scanned.text, options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS);
  });
}

/**
 * parseJUnit's verdict without building the report: whether the file is a usable JUnit report
 * and, if not, the very problem parseJUnit gives. `check` needs no more, and the tree that
 * fast-xml-parser builds was two thirds of the parse time (test/unit/junit/validate.test.ts
 * holds the two to the same answers).
 */
export function validateJUnit(xml: string | Uint8Array, options: JUnitParseOptions = {}): JUnitVerdict {
  return guarded(() => {
    const scanned = scan(xml, options);
    if (!scanned.ok) return scanned;
    const tag = localName(scanned.root.name);
    return isRoot(tag) ? { ok: true } : notJUnit(tag, scanned.text, scanned.root.at);
  });
}

/** Whether a file is a usable report, and the problem when it is not. */
export type JUnitVerdict = { ok: true } | { ok: false; problem: JUnitProblem };

type Scanned = { ok: true; text: string; root: RootElement } | { ok: false; problem: JUnitProblem };

/** Decoding and the well-formedness scan, which refuses a DOCTYPE before anything is parsed. */
function scan(xml: string | Uint8Array, options: JUnitParseOptions): Scanned {
  if (typeof xml !== 'string' && !(xml instanceof Uint8Array)) {
    return { ok: false, problem: { message: 'not a report: expected XML text or bytes' } };
  }
  const decoded = decodeInput(xml, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) return decoded;
  const scanned = scanWellFormed(decoded.text);
  return 'problem' in scanned ? { ok: false, problem: scanned.problem } : { ok: true, text: decoded.text, root: scanned.root };
}

/** Never throws, and a problem kept never pins the document. */
function guarded<R extends JUnitVerdict>(run: () => R): R | { ok: false; problem: JUnitProblem } {
  try {
    const result = run();
    return result.ok ? result : { ok: false, problem: { ...result.problem, message: detach(result.problem.message) } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { message: `could not read the report: ${reason}` } };
  } finally {
    releaseLastMatch();
  }
}

/** "message (line 3, column 7)" for logs and build errors. */
export function describeProblem(problem: JUnitProblem): string {
  if (problem.line === undefined) return problem.message;
  const column = problem.column === undefined ? '' : `, column ${problem.column}`;
  return `${problem.message} (line ${problem.line}${column})`;
}
