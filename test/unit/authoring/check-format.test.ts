/**
 * `npm run check -- --format json | github` on the broken fixture, pinned; the default text
 * output is unchanged by the option.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { githubAnnotation } from '../../../src/cli/output.ts';
import { REPO } from '../helpers.ts';
import { runAsync } from './cli.ts';

const BROKEN = 'test/fixtures/broken';
type Run = Awaited<ReturnType<typeof runAsync>>;
const runs: Record<'json' | 'jsonValid' | 'github' | 'plain' | 'text' | 'xml', Run> = {} as never;

// Every command once, all at the same time (each is a separate Node process).
beforeAll(async () => {
  const [json, jsonValid, github, plain, text, xml] = await Promise.all([
    runAsync('shiplog', ['check', '--content', BROKEN, '--format', 'json']),
    runAsync('shiplog', ['check', '--content', 'test/fixtures/valid', '--format', 'json']),
    runAsync('shiplog', ['check', '--content', BROKEN, '--format', 'github']),
    runAsync('shiplog', ['check', '--content', BROKEN]),
    runAsync('shiplog', ['check', '--content', BROKEN, '--format', 'text']),
    runAsync('shiplog', ['check', '--content', BROKEN, '--format', 'xml']),
  ]);
  Object.assign(runs, { json, jsonValid, github, plain, text, xml });
}, 60_000);

describe('check --format json', () => {
  it('prints one stable object: ok, records, problems with file relative to the content folder', () => {
    const r = runs.json;
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { ok: boolean; records: number; problems: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(['ok', 'records', 'problems']);
    expect(report.ok).toBe(false);
    expect(report.records).toBe(8);
    expect(report.problems[0]).toEqual({
      file: 'processes/standard.md',
      line: 13,
      column: 9,
      field: 'stages.1.checklist.0.roles',
      message: 'is required with rule: approvals (the roles that must approve)',
    });
    expect(report.problems.map((p) => `${String(p['file'])}:${String(p['line'])}:${String(p['column'])} ${String(p['field'])} | ${String(p['message'])}${p['hint'] ? ` | ${String(p['hint'])}` : ''}`)).toMatchInlineSnapshot(`
      [
        "processes/standard.md:13:9 stages.1.checklist.0.roles | is required with rule: approvals (the roles that must approve)",
        "release:1:1  | is not part of a content folder | did you mean \`releases\`?",
        "releases/notes.txt:1:1  | is not a record: releases/ holds .md or .mdx files | rename it, or prefix the name with _ to keep it out of the portal",
        "releases/pay-1.md:2:1 actual | is required when status is released (what happened)",
        "releases/pay-1.md:2:1 baseline | needs commit or tag when status is released",
        "releases/pay-1.md:2:1 plan.rollback.steps | are required when status is released (回滚方案)",
        "releases/pay-1.md:2:1 window | is required when status is released",
        "releases/pay-1.md:3:10 version | is a number, but a version must be a string | quote it: version: "1.10"",
        "releases/pay-1.md:6:7 type | must be one of: standard, hotfix, temporary | did you mean \`hotfix\`?",
        "releases/pay-2.md:6:35 window.end | 2026-05-01 is before window.start 2026-05-02",
        "releases/pay-2.md:9:68 plan.components.0.dependsOn | dependsOn forms a cycle: a → b → a | a component cannot wait, directly or not, for itself",
        "releases/pay-2.md:12:15 plan.dbScripts.0.file | file attachments/missing.sql does not exist | paths are relative to the content folder, e.g. attachments/<service>/<version>/001.sql",
        "releases/pay-2.md:12:50 plan.dbScripts.0.rollback | file attachments/missing_rollback.sql does not exist | paths are relative to the content folder, e.g. attachments/<service>/<version>/001.sql",
        "releases/pay-2.md:14:1 body | raw HTML <script> is not allowed in a record body | use Markdown, or a tag such as <details>, <table>, <span>",
        "releases/pay-2.md:16:1 body | link target with scheme javascript: is not allowed | use http:, https:, mailto: or a relative path",
        "retrospectives/r1.md:1:1  | has no frontmatter: a record starts with a line \`---\`, its YAML fields, and another \`---\`",
        "services/Bad_Name.yaml:1:1  | file name "Bad_Name" is not a valid id | use lowercase letters, digits and -, e.g. payment-gateway",
        "services/pay.yaml:2:7 repo | must be an absolute http: or https: URL",
        "test-reports/t1.md:5:10 verdict | must be one of: pass, fail, conditional | did you mean \`pass\`?",
      ]
    `);
  });

  it('says ok with no problems on a clean folder', () => {
    const r = runs.jsonValid;
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, records: 8, problems: [] });
  });
});

describe('check --format github', () => {
  it('prints one ::error annotation per problem, file relative to the working directory', () => {
    const r = runs.github;
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toMatchInlineSnapshot(`
      [
        "::error file=test/fixtures/broken/processes/standard.md,line=13,col=9,title=Shiplog%3A stages.1.checklist.0.roles::is required with rule: approvals (the roles that must approve)",
        "::error file=test/fixtures/broken/release,line=1,col=1,title=Shiplog::is not part of a content folder (did you mean \`releases\`?)",
        "::error file=test/fixtures/broken/releases/notes.txt,line=1,col=1,title=Shiplog::is not a record: releases/ holds .md or .mdx files (rename it, or prefix the name with _ to keep it out of the portal)",
        "::error file=test/fixtures/broken/releases/pay-1.md,line=2,col=1,title=Shiplog%3A actual::is required when status is released (what happened)",
        "::error file=test/fixtures/broken/releases/pay-1.md,line=2,col=1,title=Shiplog%3A baseline::needs commit or tag when status is released",
        "::error file=test/fixtures/broken/releases/pay-1.md,line=2,col=1,title=Shiplog%3A plan.rollback.steps::are required when status is released (回滚方案)",
        "::error file=test/fixtures/broken/releases/pay-1.md,line=2,col=1,title=Shiplog%3A window::is required when status is released",
        "::error file=test/fixtures/broken/releases/pay-1.md,line=3,col=10,title=Shiplog%3A version::is a number, but a version must be a string (quote it: version: "1.10")",
        "::error file=test/fixtures/broken/releases/pay-1.md,line=6,col=7,title=Shiplog%3A type::must be one of: standard, hotfix, temporary (did you mean \`hotfix\`?)",
        "::error file=test/fixtures/broken/releases/pay-2.md,line=6,col=35,title=Shiplog%3A window.end::2026-05-01 is before window.start 2026-05-02",
        "::error file=test/fixtures/broken/releases/pay-2.md,line=9,col=68,title=Shiplog%3A plan.components.0.dependsOn::dependsOn forms a cycle: a → b → a (a component cannot wait, directly or not, for itself)",
        "::error file=test/fixtures/broken/releases/pay-2.md,line=12,col=15,title=Shiplog%3A plan.dbScripts.0.file::file attachments/missing.sql does not exist (paths are relative to the content folder, e.g. attachments/<service>/<version>/001.sql)",
        "::error file=test/fixtures/broken/releases/pay-2.md,line=12,col=50,title=Shiplog%3A plan.dbScripts.0.rollback::file attachments/missing_rollback.sql does not exist (paths are relative to the content folder, e.g. attachments/<service>/<version>/001.sql)",
        "::error file=test/fixtures/broken/releases/pay-2.md,line=14,col=1,title=Shiplog%3A body::raw HTML <script> is not allowed in a record body (use Markdown, or a tag such as <details>, <table>, <span>)",
        "::error file=test/fixtures/broken/releases/pay-2.md,line=16,col=1,title=Shiplog%3A body::link target with scheme javascript: is not allowed (use http:, https:, mailto: or a relative path)",
        "::error file=test/fixtures/broken/retrospectives/r1.md,line=1,col=1,title=Shiplog::has no frontmatter: a record starts with a line \`---\`, its YAML fields, and another \`---\`",
        "::error file=test/fixtures/broken/services/Bad_Name.yaml,line=1,col=1,title=Shiplog::file name "Bad_Name" is not a valid id (use lowercase letters, digits and -, e.g. payment-gateway)",
        "::error file=test/fixtures/broken/services/pay.yaml,line=2,col=7,title=Shiplog%3A repo::must be an absolute http: or https: URL",
        "::error file=test/fixtures/broken/test-reports/t1.md,line=5,col=10,title=Shiplog%3A verdict::must be one of: pass, fail, conditional (did you mean \`pass\`?)",
      ]
    `);
    expect(r.stderr).toMatch(/^19 problems in 9 files \(checked 8 records in \d+ ms\)\n$/);
  });

  it('escapes what the workflow command syntax reserves', () => {
    const line = githubAnnotation(
      { file: 'releases/a,b.md', line: 3, column: 7, field: 'x', message: 'two\nlines, 100%', hint: 'a: b' },
      path.join(REPO, 'content'),
      REPO,
    );
    expect(line).toBe('::error file=content/releases/a%2Cb.md,line=3,col=7,title=Shiplog%3A x::two%0Alines, 100%25 (a: b)');
  });
});

describe('check --format text', () => {
  it('is the default output, byte for byte', () => {
    const { plain, text } = runs;
    const untimed = (s: string) => s.replace(/in \d+ ms/, 'in N ms');
    expect(untimed(text.stderr)).toBe(untimed(plain.stderr));
    expect(text.stdout).toBe(plain.stdout);
    expect(plain.stderr.split('\n')[0]).toBe(
      'test/fixtures/broken/processes/standard.md:13:9  stages.1.checklist.0.roles  is required with rule: approvals (the roles that must approve)',
    );
  });

  it('refuses an unknown format (exit 2)', () => {
    const r = runs.xml;
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^--format must be one of text, json, github, with the check command\n/);
  });
});
