/**
 * The loader on small fixture folders: each class of bad input gives a problem naming
 * file, line, column and field, with a hint where one helps.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/model/load.ts';
import { FIXTURES, fixtureCopy, problemsOf, record } from '../helpers.ts';
import path from 'node:path';

const RELEASE = 'releases/shop/2.0.0.md';
/** A valid planned release of the fixture, plus `more` frontmatter lines. */
const planned = (more = '') => record(`service: shop\nversion: "2.0.0"\nprocess: standard\nstatus: planned\n${more}`);

describe('the valid fixture', () => {
  it('loads every record with no problem', async () => {
    const { problems, content, recordCount } = await loadContent(path.join(FIXTURES, 'valid'));
    expect(problems).toEqual([]);
    expect(recordCount).toBe(8);
    expect([...content.releaseByRef.keys()]).toEqual(['shop@1.0.0', 'shop@1.1.0']);
    expect(content.site?.data.timezone).toBe('Asia/Shanghai');
    expect(content.releaseByRef.get('shop@1.0.0')?.bodyLine).toBe(25);
  });
});

describe('one problem of each class', () => {
  const cases: [string, Record<string, string | null>, string[]][] = [
    [
      'malformed YAML',
      { [RELEASE]: record('service: shop\nversion: "2.0.0\nprocess: standard') },
      ['releases/shop/2.0.0.md:3:10  YAML syntax: Missing closing "quote'],
    ],
    [
      'missing required field',
      { [RELEASE]: record('service: shop\nversion: "2.0.0"\nstatus: planned') },
      ['releases/shop/2.0.0.md:2:1  process  is required'],
    ],
    [
      'wrong enum, with a suggestion',
      { [RELEASE]: planned('type: hotfixx') },
      ['releases/shop/2.0.0.md:6:7  type  must be one of: standard, hotfix, temporary (did you mean `hotfix`?)'],
    ],
    [
      'unknown key, with a suggestion',
      { [RELEASE]: planned('sumary: 新增退款对账能力') },
      ['releases/shop/2.0.0.md:6:1  sumary  is not a known field (did you mean `summary`?)'],
    ],
    [
      'unknown key with nothing close',
      { [RELEASE]: planned('owner_team: 交易组') },
      ['releases/shop/2.0.0.md:6:1  owner_team  is not a known field (keep free-form data under `extra:`)'],
    ],
    [
      'bad date',
      { [RELEASE]: planned('window: { start: 2026-02-30, end: 2026-03-01 }') },
      ['releases/shop/2.0.0.md:6:18  window.start  2026-02-30 is not a calendar date'],
    ],
    [
      'date-time without offset',
      { [RELEASE]: planned('window: { start: "2026-03-01 22:00", end: 2026-03-01T23:00:00+08:00 }') },
      ['releases/shop/2.0.0.md:6:18  window.start  2026-03-01 22:00 has no offset: write 2026-03-01T22:00+08:00 (or Z), or a date alone'],
    ],
    [
      'numeric version',
      { [RELEASE]: record('service: shop\nversion: 1.10\nprocess: standard\nstatus: planned') },
      ['releases/shop/2.0.0.md:3:10  version  is a number, but a version must be a string (quote it: version: "1.10")'],
    ],
    [
      'duplicate service@version',
      { 'releases/shop/copy.md': record('service: shop\nversion: "1.0.0"\nprocess: standard\nstatus: planned') },
      ['releases/shop/copy.md:3:10  version  release shop@1.0.0 is already defined in releases/shop/1.0.0.md (each service@version has exactly one record)'],
    ],
    [
      'unknown service',
      { [RELEASE]: record('service: shopp\nversion: "2.0.0"\nprocess: standard\nstatus: planned') },
      ['releases/shop/2.0.0.md:2:10  service  unknown service "shopp" (did you mean `shop`?)'],
    ],
    [
      'unknown process',
      { [RELEASE]: record('service: shop\nversion: "2.0.0"\nprocess: express\nstatus: planned') },
      ['releases/shop/2.0.0.md:4:10  process  unknown process "express" (add processes/express.md)'],
    ],
    [
      'unknown role',
      { [RELEASE]: planned('people: { dev: Ann, qa2: Bo }') },
      ['releases/shop/2.0.0.md:6:21  people.qa2  role "qa2" is not defined in site.yaml roles (did you mean `qa`?)'],
    ],
    [
      'unknown release ref',
      { 'retrospectives/x.md': record('title: x\nreleases: [shop@1.0.1]\ndate: 2026-03-14') },
      ['retrospectives/x.md:3:12  releases.0  unknown release "shop@1.0.1" (did you mean `shop@1.0.0`?)'],
    ],
    [
      'unknown checklist item id',
      { [RELEASE]: planned('checklist: { launch-plann: done }') },
      ['releases/shop/2.0.0.md:6:14  checklist.launch-plann  "launch-plann" is not a checklist item of process standard (did you mean `launch-plan`?)'],
    ],
    [
      'unknown dependsOn',
      { [RELEASE]: planned('plan:\n  components:\n    - { id: api, title: API, kind: service, action: deploy, dependsOn: [dbb] }\n    - { id: db, title: DB, kind: database, action: migrate }') },
      ['releases/shop/2.0.0.md:8:73  plan.components.0.dependsOn.0  component "dbb" is not in this release\'s plan (did you mean `db`?)'],
    ],
    [
      'a dependsOn cycle, named',
      {
        [RELEASE]: planned(
          'plan:\n  components:\n    - { id: api, title: API, kind: service, action: deploy, dependsOn: [web] }\n' +
            '    - { id: db, title: DB, kind: database, action: migrate, dependsOn: [api] }\n' +
            '    - { id: web, title: Web, kind: frontend, action: deploy, dependsOn: [db] }',
        ),
      },
      ['releases/shop/2.0.0.md:8:72  plan.components.0.dependsOn  dependsOn forms a cycle: api → web → db → api (a component cannot wait, directly or not, for itself)'],
    ],
    [
      'path escaping the folder',
      { [RELEASE]: planned('plan:\n  dbScripts:\n    - { file: ../../etc/passwd, irreversible: true, reason: x }') },
      ['releases/shop/2.0.0.md:8:15  plan.dbScripts.0.file  must be a path inside the content folder (no leading / and no ..)'],
    ],
    [
      'missing attachment',
      { [RELEASE]: planned('plan:\n  dbScripts:\n    - { file: attachments/shop/2.0.0/001.sql, irreversible: true, reason: x }') },
      ['releases/shop/2.0.0.md:8:15  plan.dbScripts.0.file  file attachments/shop/2.0.0/001.sql does not exist (paths are relative to the content folder, e.g. attachments/<service>/<version>/001.sql)'],
    ],
    [
      'required-by-status fields missing',
      { [RELEASE]: record('service: shop\nversion: "2.0.0"\nprocess: standard\nstatus: rolled-back') },
      [
        'releases/shop/2.0.0.md:2:1  actual  is required when status is rolled-back (what happened)',
        'releases/shop/2.0.0.md:2:1  baseline  needs commit or tag when status is rolled-back',
        'releases/shop/2.0.0.md:2:1  plan.rollback.steps  are required when status is rolled-back (回滚方案)',
        'releases/shop/2.0.0.md:2:1  rolledBack  is required when status is rolled-back',
        'releases/shop/2.0.0.md:2:1  window  is required when status is rolled-back',
      ],
    ],
    [
      'end before start',
      { [RELEASE]: planned('window: { start: 2026-03-12T22:00:00+08:00, end: 2026-03-12T21:00:00+08:00 }') },
      ['releases/shop/2.0.0.md:6:50  window.end  2026-03-12T21:00:00+08:00 is before window.start 2026-03-12T22:00:00+08:00'],
    ],
  ];

  it.each(cases)('%s', async (_name, patch, expected) => {
    expect(await problemsOf(await fixtureCopy('valid', patch))).toEqual(expected);
  });
});

describe('a folder with many problems', () => {
  it('reports every problem in one run, each with file, line and field', async () => {
    const problems = await problemsOf(path.join(FIXTURES, 'broken'));
    expect(problems).toEqual([
      'processes/standard.md:13:9  stages.1.checklist.0.roles  is required with rule: approvals (the roles that must approve)',
      'release:1:1  is not part of a content folder (did you mean `releases`?)',
      'releases/notes.txt:1:1  is not a record: releases/ holds .md or .mdx files (rename it, or prefix the name with _ to keep it out of the portal)',
      'releases/pay-1.md:2:1  actual  is required when status is released (what happened)',
      'releases/pay-1.md:2:1  baseline  needs commit or tag when status is released',
      'releases/pay-1.md:2:1  plan.rollback.steps  are required when status is released (回滚方案)',
      'releases/pay-1.md:2:1  window  is required when status is released',
      'releases/pay-1.md:3:10  version  is a number, but a version must be a string (quote it: version: "1.10")',
      'releases/pay-1.md:6:7  type  must be one of: standard, hotfix, temporary (did you mean `hotfix`?)',
      'releases/pay-2.md:6:35  window.end  2026-05-01 is before window.start 2026-05-02',
      'releases/pay-2.md:9:68  plan.components.0.dependsOn  dependsOn forms a cycle: a → b → a (a component cannot wait, directly or not, for itself)',
      'releases/pay-2.md:12:15  plan.dbScripts.0.file  file attachments/missing.sql does not exist (paths are relative to the content folder, e.g. attachments/<service>/<version>/001.sql)',
      'releases/pay-2.md:12:50  plan.dbScripts.0.rollback  file attachments/missing_rollback.sql does not exist (paths are relative to the content folder, e.g. attachments/<service>/<version>/001.sql)',
      'releases/pay-2.md:14:1  body  raw HTML <script> is not allowed in a record body (use Markdown, or a tag such as <details>, <table>, <span>)',
      'releases/pay-2.md:16:1  body  link target with scheme javascript: is not allowed (use http:, https:, mailto: or a relative path)',
      'retrospectives/r1.md:1:1  has no frontmatter: a record starts with a line `---`, its YAML fields, and another `---`',
      'services/Bad_Name.yaml:1:1  file name "Bad_Name" is not a valid id (use lowercase letters, digits and -, e.g. payment-gateway)',
      'services/pay.yaml:2:7  repo  must be an absolute http: or https: URL',
      'test-reports/t1.md:5:10  verdict  must be one of: pass, fail, conditional (did you mean `pass`?)',
    ]);
  });
});

describe('rules across valid records', () => {
  it('checks status claims of a process and of a release', async () => {
    const process = record(`title: P
stages:
  - { id: a, title: A, statuses: [planned, testing, cancelled] }
  - { id: b, title: B, statuses: [testing, staging, ready, deploying, released] }`);
    const problems = await problemsOf(await fixtureCopy('valid', { 'processes/partial.md': process, [RELEASE]: planned().replace('process: standard', 'process: partial').replace('status: planned', 'status: rolled-back\nwindow: { start: 2026-01-01, end: 2026-01-01 }\nactual: { start: 2026-01-01 }\nbaseline: { tag: v2 }\nrolledBack: { at: 2026-01-01, reason: x }\nplan: { rollback: { steps: [x] } }') }));
    expect(problems).toEqual([
      'processes/partial.md:4:3  stages  no stage claims status rolled-back (list each status under the `statuses` of the stage a release is in then)',
      'processes/partial.md:4:53  stages.0.statuses.2  cancelled belongs to no stage (remove it: a cancelled release is in no stage)',
      'processes/partial.md:5:35  stages.1.statuses.0  status testing is already claimed by stage a (each status is claimed by exactly one stage)',
      'releases/shop/2.0.0.md:5:9  status  no stage of process partial claims status rolled-back',
    ]);
  });

  it('checks a test report: environment, deferred bugs, JUnit well-formedness', async () => {
    const report = record(`release: shop@1.0.0
title: Regression
stage: regression
verdict: pass
environment: staging
junit: [attachments/shop/1.0.0/broken.xml]
bugs:
  - { id: BUG-9, title: Slow export, severity: C, status: deferred }`);
    const problems = await problemsOf(await fixtureCopy('valid', {
      'test-reports/regression.md': report,
      'attachments/shop/1.0.0/broken.xml': '<testsuites><testsuite name="a"><testcase name="x"></testsuite>',
    }));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('test-reports/regression.md:6:14  environment  environment "staging" is not one of site.yaml environments (defined: test)');
    expect(problems[1]).toMatch(/^test-reports\/regression\.md:7:9  junit\.0  attachments\/shop\/1\.0\.0\/broken\.xml:1:\d+ is not a usable JUnit report: /);
    expect(problems[2]).toBe('test-reports/regression.md:9:59  bugs.0.status  deferred bug BUG-9 is not in the knownIssues of shop@1.0.0 (add { title, severity: C, ticket: BUG-9 } to knownIssues in releases/shop/1.0.0.md)');
  });

  it('ignores files and folders whose name starts with _', async () => {
    const root = await fixtureCopy('valid', { 'releases/_drafts/broken.md': 'not even frontmatter', 'releases/shop/_next.md': '---\nfoo: 1\n---\n' });
    expect(await problemsOf(root)).toEqual([]);
  });

  it('reports a missing site.yaml and a missing content folder', async () => {
    expect(await problemsOf(await fixtureCopy('valid', { 'site.yaml': null }))).toEqual([
      'site.yaml:1:1  is missing: every content folder has one site.yaml (title, roles, …)',
    ]);
    expect((await problemsOf('/nonexistent/shiplog'))[0]).toMatch(/^\.:1:1 {2}content folder \/nonexistent\/shiplog does not exist/);
  });
});

describe('hostile input', () => {
  it('refuses a YAML alias bomb quickly, naming the file', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i += 1) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const started = Date.now();
    const problems = await problemsOf(await fixtureCopy('valid', { 'services/bomb.yaml': bomb.join('\n') }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems).toEqual(['services/bomb.yaml:1:1  too many YAML aliases (more than 50 expansions): refused to protect the build']);
  });

  it('treats __proto__ and constructor as unknown keys, not as object internals', async () => {
    const problems = await problemsOf(await fixtureCopy('valid', { 'services/proto.yaml': 'name: x\n__proto__: { polluted: true }\nconstructor: 1\n' }));
    expect(problems).toEqual([
      'services/proto.yaml:2:1  __proto__  is not a known field (keep free-form data under `extra:`)',
      'services/proto.yaml:3:1  constructor  is not a known field (keep free-form data under `extra:`)',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('does not support merge keys', async () => {
    const problems = await problemsOf(await fixtureCopy('valid', { 'services/merge.yaml': 'base: &b { name: x }\n<<: *b\n' }));
    expect(problems).toContain('services/merge.yaml:2:1  <<  is not a known field (YAML merge keys are not supported: write the fields out)');
  });

  it('refuses binary files and oversized records', async () => {
    const problems = await problemsOf(await fixtureCopy('valid', {
      'releases/shop/binary.md': '---\n\u0000\u0001\u0002',
      'releases/shop/huge.md': `---\ntitle: x\n---\n${'x'.repeat(3 * 1024 * 1024)}`,
    }));
    expect(problems).toEqual([
      'releases/shop/binary.md:1:1  is not a text file (it contains NUL bytes)',
      'releases/shop/huge.md:1:1  is 3.0 MiB; a record may be at most 2 MiB (move large content into attachments/)',
    ]);
  });

  it('rejects duplicate keys at the second one', async () => {
    const problems = await problemsOf(await fixtureCopy('valid', { 'services/dup.yaml': 'name: a\nteam: x\nname: b\n' }));
    expect(problems).toEqual(['services/dup.yaml:3:1  YAML syntax: Map keys must be unique']);
  });
});
