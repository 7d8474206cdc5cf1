/** Entry point of JUnit XML ingestion: bytes or text in, a counted report or a tester-readable problem out. */
import type { JUnitParseOptions, JUnitProblem, JUnitReport, JUnitResult } from './types.ts';
import { ReportBuilder } from './build.ts';
import { decodeInput } from './decode.ts';
import { decodeAttribute, detach, parseSeconds, positionAt } from './text.ts';
import { documentParser, rawAttribute, startIndexOf, tagOf, type XmlNode } from './tree.ts';
import { checkWellFormed } from './wellformed.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_TEXT_CHARS = 64 * 1024;

const ROOTS: ReadonlySet<string> = new Set<JUnitReport['root']>(['testsuites', 'testsuite', 'testrun']);

function isRoot(tag: string): tag is JUnitReport['root'] {
  return ROOTS.has(tag);
}

function problemAt(message: string, text: string, index: number | undefined): JUnitResult {
  return { ok: false, problem: index === undefined ? { message } : { message, ...positionAt(text, index) } };
}

function buildReport(text: string, maxTextChars: number): JUnitResult {
  const tree: unknown = documentParser.parse(text);
  const root = Array.isArray(tree) ? (tree as XmlNode[]).find((node) => tagOf(node) !== undefined) : undefined;
  const tag = root && tagOf(root);
  if (!root || tag === undefined) return problemAt('not XML: no root element found', text, undefined);
  if (!isRoot(tag)) {
    return problemAt(
      `not a JUnit report: root element is <${tag}>, expected <testsuites>, <testsuite> or <testrun>`,
      text,
      startIndexOf(root),
    );
  }
  const rootName = rawAttribute(root, 'name');
  const builder = new ReportBuilder(text, maxTextChars, rootName ? detach(decodeAttribute(rootName)) : tag);
  if (tag === 'testsuite') builder.addSuite(root, ReportBuilder.topContext);
  else builder.walk([root], ReportBuilder.topContext);

  const report: JUnitReport = { root: tag, totals: builder.totals, suites: builder.suites };
  const time = parseSeconds(rawAttribute(root, 'time'));
  if (time !== undefined) report.time = time;
  return { ok: true, report };
}

/** Messages quote names cut from the document; a copy keeps a kept problem from pinning the whole text. */
function detachProblem(result: JUnitResult): JUnitResult {
  return result.ok ? result : { ok: false, problem: { ...result.problem, message: detach(result.problem.message) } };
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
  try {
    if (typeof xml !== 'string' && !(xml instanceof Uint8Array)) {
      return { ok: false, problem: { message: 'not a report: expected XML text or bytes' } };
    }
    const decoded = decodeInput(xml, options.maxBytes ?? DEFAULT_MAX_BYTES);
    if (!decoded.ok) return detachProblem(decoded);
    const problem = checkWellFormed(decoded.text);
    if (problem) return detachProblem({ ok: false, problem });
    return detachProblem(buildReport(decoded.text, options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS));
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
