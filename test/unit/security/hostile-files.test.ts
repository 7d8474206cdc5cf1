/**
 * Hostile files in a content folder are refused, or read safely, within seconds, with a
 * problem naming the file: YAML alias and nesting bombs, a YAML file with very many keys,
 * an XML billion-laughs and an external-entity file, and 20 MB / 51 MB JUnit reports.
 * Each case prints how long the loader took; the time bound is only a guard against hangs.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/model/load.ts';
import { parseJUnit } from '../../../src/model/junit/parse.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { fixtureCopy, record } from '../helpers.ts';

const HANG_GUARD_MS = 10_000;
const MiB = 1024 * 1024;

/** Temp content folders (some hold 20-50 MB files): removed after the run. */
const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** Loads `root`, prints and bounds the time, and returns the problems as printed. */
async function timedProblems(label: string, root: string): Promise<string[]> {
  roots.push(root);
  const started = performance.now();
  const { problems } = await loadContent(root);
  const ms = Math.round(performance.now() - started);
  console.log(`hostile file: ${label} handled in ${ms} ms`);
  expect(ms).toBeLessThan(HANG_GUARD_MS);
  return problems.map(formatProblem);
}

/** A test report of shop@1.0.0 that points at `xml` (a path in the content folder). */
const reportOf = (xml: string) => record(`release: shop@1.0.0\ntitle: Security scan\nstage: security\nverdict: pass\njunit: [${xml}]`);

describe('YAML', () => {
  it('refuses an alias bomb (a billion laughs) in a record frontmatter', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of [...'bcdefghi'].entries()) lines.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`);
    const root = await fixtureCopy('valid', { 'releases/shop/bomb.md': record(`service: shop\nversion: "6.6.6"\nprocess: standard\nstatus: planned\nextra:\n  ${lines.join('\n  ')}`) });
    expect(await timedProblems('YAML alias bomb', root)).toEqual([
      'releases/shop/bomb.md:2:1  too many YAML aliases (more than 50 expansions): refused to protect the build',
    ]);
  });

  it('refuses flow collections nested a million deep', async () => {
    const root = await fixtureCopy('valid', { 'services/deep.yaml': `name: x\nextra: ${'['.repeat(1_000_000)}` });
    expect(await timedProblems('YAML [[[… a million deep', root)).toEqual([
      'services/deep.yaml:2:72  YAML nested more than 64 levels deep ([ or { inside each other): refused to protect the build',
    ]);
  });

  it('refuses block mappings nested 1,500 deep', async () => {
    const deep = Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 2)}k:`).join('\n');
    const root = await fixtureCopy('valid', { 'services/deep.yaml': `name: x\nextra:\n${deep}` });
    expect(await timedProblems('YAML block nesting 1,500 deep', root)).toEqual([
      'services/deep.yaml:258:1  YAML indented or nested more than 256 columns deep: refused to protect the build',
    ]);
  });

  it('refuses block sequences nested 100,000 deep on one line (they exhausted the heap)', async () => {
    const root = await fixtureCopy('valid', { 'services/deep.yaml': `name: x\nextra:\n  ${'- '.repeat(100_000)}x\n` });
    expect(await timedProblems('YAML `- - - …` 100,000 deep', root)).toEqual([
      'services/deep.yaml:3:1  YAML indented or nested more than 256 columns deep: refused to protect the build',
    ]);
  });

  it('keeps __proto__ and constructor under the free-form extra: as plain data', async () => {
    const root = await fixtureCopy('valid', {
      'services/proto.yaml': 'name: x\nextra:\n  __proto__: { polluted: yes }\n  constructor: { prototype: { polluted: yes } }\n  list: [{ __proto__: { polluted: yes } }]\n',
    });
    roots.push(root);
    const { content, problems } = await loadContent(root);
    expect(problems).toEqual([]);
    const extra = content.services.get('proto')?.data.extra as Record<string, unknown>;
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect((extra as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf((extra['list'] as object[])[0])).toBe(Object.prototype);
  });

  it('reads a record with 50,000 keys in linear time (the duplicate-key check used to be quadratic)', async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}`).join('\n');
    const root = await fixtureCopy('valid', { 'services/wide.yaml': `name: x\nextra:\n${keys}\n  k7: again\n` });
    expect(await timedProblems('YAML with 50,000 keys', root)).toEqual(['services/wide.yaml:50003:3  YAML syntax: Map keys must be unique']);
  });
});

describe('Markdown and MDX bodies', () => {
  const fields = 'service: shop\nversion: "6.6.6"\nprocess: standard\nstatus: planned';

  it('refuses block quotes nested 500,000 deep (the renderer takes minutes on them)', async () => {
    const root = await fixtureCopy('valid', { 'releases/shop/deep.md': record(fields, `Intro.\n\n${'> '.repeat(500_000)}deep\n`) });
    expect(await timedProblems('Markdown `> > > …` 500,000 deep', root)).toEqual([
      'releases/shop/deep.md:9:1  body  body nests block quotes or lists more than 256 columns deep (no record needs that many levels)',
    ]);
  });

  it('refuses an .mdx body with 20,000 JSX paragraphs (quadratic for the MDX compiler)', async () => {
    const root = await fixtureCopy('valid', { 'releases/shop/many.mdx': record(fields, '<span>x</span>\n\n'.repeat(20_000)) });
    expect(await timedProblems('MDX with 20,000 elements', root)).toEqual([
      'releases/shop/many.mdx:7:1  body  body has 40000 tags and {expressions}; an .mdx body may have at most 5000 (MDX compiles each one to code: write long content as .md, or move long code samples into attachments/)',
    ]);
  });
});

describe('JUnit XML', () => {
  it('refuses a billion-laughs file at its DOCTYPE, expanding nothing', async () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i += 1) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n ${entities.join('\n ')}\n]>\n<testsuite name="&lol9;"><testcase name="x"/></testsuite>\n`;
    const root = await fixtureCopy('valid', { 'attachments/shop/1.0.0/lol.xml': xml, 'test-reports/lol.md': reportOf('attachments/shop/1.0.0/lol.xml') });
    expect(await timedProblems('XML billion laughs', root)).toEqual([
      'test-reports/lol.md:6:9  junit.0  attachments/shop/1.0.0/lol.xml:2:1 is not a usable JUnit report: declares a DTD/entities (<!DOCTYPE …>), which Shiplog refuses for safety',
    ]);
  });

  it('refuses an external entity (XXE) without reading the file it names', async () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<testsuite name="&xxe;"/>\n';
    const root = await fixtureCopy('valid', { 'attachments/shop/1.0.0/xxe.xml': xml, 'test-reports/xxe.md': reportOf('attachments/shop/1.0.0/xxe.xml') });
    expect(await timedProblems('XML external entity', root)).toEqual([
      'test-reports/xxe.md:6:9  junit.0  attachments/shop/1.0.0/xxe.xml:2:1 is not a usable JUnit report: declares a DTD/entities (<!DOCTYPE …>), which Shiplog refuses for safety',
    ]);
  });

  it('reads a 20 MB report with a huge system-out, keeping only the start of the text', async () => {
    const root = await fixtureCopy('valid', { 'test-reports/big.md': reportOf('attachments/shop/1.0.0/big.xml') });
    const file = path.join(root, 'attachments/shop/1.0.0/big.xml');
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="load"><testcase name="t1" classname="load.Big"><system-out>';
    const tail = '</system-out></testcase><testcase name="t2"><failure message="boom">trace</failure></testcase></testsuite></testsuites>\n';
    const out = 'log line 0123456789 &amp; more\n'.repeat(Math.ceil((20 * MiB) / 32));
    await writeFile(file, head + out + tail);

    expect(await timedProblems('20 MB JUnit report', root)).toEqual([]);
    const started = performance.now();
    const parsed = parseJUnit(new Uint8Array(await import('node:fs/promises').then((fs) => fs.readFile(file))));
    console.log(`hostile file: 20 MB JUnit report parsed in ${Math.round(performance.now() - started)} ms`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report.totals).toMatchObject({ tests: 2, passed: 1, failed: 1 });
    const systemOut = parsed.report.suites[0]?.cases[0]?.systemOut ?? '';
    expect(systemOut.length).toBeLessThan(70_000);
    expect(systemOut).toMatch(/… \[truncated \d+ chars\]$/);
  });

  it('refuses a 20 MB report cut off in the middle, naming the file and the unclosed tag', async () => {
    const root = await fixtureCopy('valid', { 'test-reports/cut.md': reportOf('attachments/shop/1.0.0/cut.xml') });
    const cases = '<testcase name="case" classname="a.B"><system-out>some output</system-out></testcase>\n'.repeat(Math.ceil((20 * MiB) / 84));
    await writeFile(path.join(root, 'attachments/shop/1.0.0/cut.xml'), `<testsuite name="cut">\n${cases}<testcase name="last"><system-o`);
    const problems = await timedProblems('20 MB JUnit report, truncated', root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^test-reports\/cut\.md:6:9 {2}junit\.0 {2}attachments\/shop\/1\.0\.0\/cut\.xml:\d+:\d+ is not a usable JUnit report: not well-formed XML: /);
  });

  it('refuses a report over the 50 MB limit without parsing it', async () => {
    const root = await fixtureCopy('valid', { 'test-reports/huge.md': reportOf('attachments/shop/1.0.0/huge.xml') });
    await writeFile(path.join(root, 'attachments/shop/1.0.0/huge.xml'), `<testsuite name="x">${' '.repeat(51 * MiB)}</testsuite>`);
    expect(await timedProblems('51 MB JUnit report', root)).toEqual([
      'test-reports/huge.md:6:9  junit.0  attachments/shop/1.0.0/huge.xml is not a usable JUnit report: larger than 50 MB, the limit for a JUnit report',
    ]);
  });
});

describe('an oversized JUnit file', () => {
  it('is refused by its size before it is read', async () => {
    const { fixtureCopy, problemsOf } = await import('../helpers.ts');
    const { open } = await import('node:fs/promises');
    const path = await import('node:path');
    const root = await fixtureCopy('valid', {
      'test-reports/huge.md': '---\nrelease: shop@1.0.0\ntitle: Huge\nstage: system\nverdict: pass\njunit: [attachments/huge.xml]\n---\n',
    });
    // A sparse 3 GiB file: reading it whole would throw (over 2 GiB) or exhaust memory.
    const handle = await open(path.join(root, 'attachments/huge.xml'), 'w');
    await handle.truncate(3 * 1024 * 1024 * 1024);
    await handle.close();
    expect(await problemsOf(root)).toEqual([
      'test-reports/huge.md:6:9  junit.0  attachments/huge.xml is not a usable JUnit report: larger than 50 MB, the limit for a JUnit report',
    ]);
  });
});
