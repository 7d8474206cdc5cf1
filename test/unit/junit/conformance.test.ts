/**
 * The shared JUnit corpus (../shared/corpus/junit, see its README): every build of Shiplog must
 * count each file exactly as manifest.json's `expected` and reject every file in invalid/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblem, parseJUnit } from '../../../src/model/junit/parse.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/junit');

interface Counts {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

interface ManifestEntry {
  file: string;
  expected: Counts | null;
  parse_error?: string;
  observations?: { root?: string; flaky_or_rerun_testcases?: number };
}

const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as ManifestEntry[];
const invalidFiles = readdirSync(path.join(CORPUS, 'invalid')).map((name) => `invalid/${name}`);
const isInvalid = (entry: ManifestEntry): boolean => entry.file.startsWith('invalid/');

/** Passed-on-retry counts checked by hand; the manifest only says how many testcases carry retry elements. */
const FLAKY_BY_HAND: Readonly<Record<string, number>> = {
  'files/mikepenz__marathon-flakyfailure.xml': 1,
  'files/jenkins-junit__surefire-flaky-gh237.xml': 1,
  'files/jenkins-junit__surefire-rerunfailure-gh237.xml': 0,
  'files/surefire__flaky-quarkus.xml': 1,
  'files/quickjunit__basic-report.xml': 1,
  'files/scacap__surefire-suite-excerpt.xml': 2,
};

const parseCorpusFile = (file: string) => parseJUnit(readFileSync(path.join(CORPUS, file)));

describe('JUnit corpus manifest', () => {
  it('lists every corpus file, 80 reports and 11 invalid files', () => {
    const listed = new Set(manifest.map((entry) => entry.file));
    const onDisk = [...readdirSync(path.join(CORPUS, 'files')).map((name) => `files/${name}`), ...invalidFiles];
    expect([...listed].sort()).toEqual(onDisk.sort());
    expect(manifest.filter((entry) => !isInvalid(entry))).toHaveLength(80);
    expect(invalidFiles).toHaveLength(11);
  });

  it('marks no file in files/ with a parse_error', () => {
    expect(manifest.filter((entry) => !isInvalid(entry) && entry.parse_error !== undefined)).toEqual([]);
  });
});

describe.each(manifest.map((entry) => ({ ...entry, label: entry.file })))('$label', (entry) => {
  if (isInvalid(entry)) {
    it('is rejected with a message', () => {
      const result = parseCorpusFile(entry.file);
      expect(result.ok, 'an invalid file was accepted').toBe(false);
      if (!result.ok) expect(result.problem.message.trim()).not.toBe('');
    });
    return;
  }

  it('counts exactly the manifest totals', () => {
    const result = parseCorpusFile(entry.file);
    if (!result.ok) throw new Error(describeProblem(result.problem));
    const { tests, passed, failed, errors, skipped, flaky } = result.report.totals;
    expect({ tests, passed, failed, errors, skipped }).toEqual(entry.expected);
    expect(result.report.root).toBe(entry.observations?.root);

    const carryingRetries = entry.observations?.flaky_or_rerun_testcases ?? 0;
    expect(flaky).toBeLessThanOrEqual(carryingRetries);
    expect(flaky).toBe(FLAKY_BY_HAND[entry.file] ?? 0);
    const sumOfSuites = result.report.suites.reduce((sum, suite) => sum + suite.totals.tests, 0);
    expect(sumOfSuites).toBe(tests);
  });
});

describe('invalid/ files', () => {
  it.each(invalidFiles)('%s is rejected', (file) => {
    const result = parseCorpusFile(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message.length).toBeGreaterThan(0);
  });

  it('are rejected with the reason a tester needs', () => {
    const messages = Object.fromEntries(
      invalidFiles.map((file) => {
        const result = parseCorpusFile(file);
        return [path.basename(file), result.ok ? 'accepted' : describeProblem(result.problem)];
      }),
    );
    expect(messages).toMatchObject({
      'enricomi__empty-file.xml': 'file is empty',
      'enricomi__non-junit-root.xml': expect.stringContaining('root element is <suites>'),
      'enricomi__not-xml.xml': expect.stringMatching(/^not XML/),
      'enricomi__truncated.xml': expect.stringContaining('unclosed tag <skipped>'),
      'jenkins-junit__xxe-external-entity.xml': expect.stringContaining('refuses for safety'),
      'mikepenz__surefire-unclosed-cdata.xml': expect.stringContaining('unclosed CDATA section'),
      'mikepenz__web-test-runner-placeholder.xml': expect.stringContaining('"<" inside the value of attribute time'),
      'xunitviewer__bacon.xml': expect.stringMatching(/^not XML/),
      'xunitviewer__bare-testcase-bad-attr.xml': expect.stringContaining('"<" inside the value of attribute message'),
      'xunitviewer__lt-in-attribute.xml': expect.stringContaining('"<" inside the value of attribute message'),
      'xunitviewer__utf16-bad-encoding-label.xml': expect.stringContaining('"UTF-16 LE" is not a valid encoding name'),
    });
  });
});

describe('corpus details the totals do not show', () => {
  it('decodes entities in enricomi__xml-entities.xml', () => {
    const result = parseCorpusFile('files/enricomi__xml-entities.xml');
    if (!result.ok) throw new Error(describeProblem(result.problem));
    const cases = result.report.suites.flatMap((suite) => suite.cases);
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'Test with "quotes" in the test name',
        "Test with 'apostrophe' in the test name",
        'Test with & in the test name',
        'Test with < and > in the test name',
      ]),
    );
    expect(cases.map((c) => c.message)).toContain('A message with < and >');
  });

  it('reads "2,503.1" as a time in jenkins-junit__time-comma-nested.xml', () => {
    const result = parseCorpusFile('files/jenkins-junit__time-comma-nested.xml');
    if (!result.ok) throw new Error(describeProblem(result.problem));
    const times = [...result.report.suites.map((s) => s.time), ...result.report.suites.flatMap((s) => s.cases.map((c) => c.time))];
    expect(times).toContain(2503.1);
  });
});
