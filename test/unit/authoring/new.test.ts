/**
 * `npm run new` end to end, without a terminal: each kind in a copy of the valid fixture,
 * then the folder still passes `npm run check`; refusals; missing flags named.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, fixtureCopy } from '../helpers.ts';
import { noTerminal } from '../../../src/cli/new/ask.ts';
import { runNew } from '../../../src/cli/new/run.ts';
import { NOW, run } from './cli.ts';

describe('npm run new, one record of each kind, no terminal', () => {
  let root: string;
  const created = (out: string) => /^created (.+)$/m.exec(out)?.[1];
  const read = (file: string) => readFile(path.join(root, file), 'utf8');

  beforeAll(async () => {
    root = await fixtureCopy('valid');
  });

  it('release: next minor version, the process for the type, people from the last staffed release', async () => {
    const r = run('new', ['release', '--content', root, '--service', 'shop']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(created(r.stdout)).toMatch(/releases\/shop\/1\.2\.0\.md$/);
    expect(r.stdout).toContain('filled in: version 1.2.0 (after 1.1.0)');
    expect(r.stdout).toContain('checked with the folder: no problems in the new file');
    const text = await read('releases/shop/1.2.0.md');
    expect(text).toContain('version: "1.2.0"');
    expect(text).toContain('process: standard');
    expect(text).toMatch(/people:\n {2}dev: Ann\n {2}qa: Bo\n/);
    expect(text).toMatch(/previous: "1\.0\.0" +# version to roll back to/);
    expect(text).toContain('#   launch-plan: pending'); // the process's manual checklist items, as a hint
  });

  it('release: the version given as a flag; summary and title written as YAML', async () => {
    const r = run('new', ['release', '--content', root, '--service', 'billing', '--version', '0.1.0', '--title', 'Billing: first', '--summary', 'First cut']);
    expect(r.status).toBe(0);
    const text = await read('releases/billing/0.1.0.md');
    expect(text).toContain('title: "Billing: first"');
    expect(text).toContain('summary: First cut');
    expect(text).toContain('# people:\n#   dev: TODO'); // no earlier release to copy people from
    expect(text).not.toContain('baseline:');
  });

  it('hotfix: patch bump of the version in production', async () => {
    const r = run('new', ['hotfix', '--content', root, '--service', 'shop']);
    expect(r.status).toBe(0);
    expect(created(r.stdout)).toMatch(/releases\/shop\/1\.0\.1\.md$/);
    const text = await read('releases/shop/1.0.1.md');
    expect(text).toContain('type: hotfix');
    expect(text).toContain('kind: fix');
  });

  it('test-report: next round, tester from the release, dates today in site.timezone', async () => {
    const r = run('new', ['test-report', '--content', root, '--release', 'shop@1.0.0', '--stage', 'system', '--environment', 'test']);
    expect(r.status).toBe(0);
    expect(created(r.stdout)).toMatch(/test-reports\/shop\/1\.0\.0-system-r2\.md$/);
    const text = await read('test-reports/shop/1.0.0-system-r2.md');
    expect(text).toContain('title: Shop 1.0.0 System test report');
    expect(text).toMatch(/round: 2 /);
    expect(text).toContain('tester: Bo');
    expect(text).toContain('start: 2026-11-24\nend: 2026-11-24');
    expect(r.stdout).toMatch(/left to fill in \(\d+\):\n.*verdict: conditional +# TODO/);
  });

  it('retrospective: in the folder of its year, outcome and participants from the release', async () => {
    const r = run('new', ['retrospective', '--content', root, '--release', 'shop@1.0.0', '--date', '2026-03-14']);
    expect(r.status).toBe(0);
    expect(created(r.stdout)).toMatch(/retrospectives\/2026\/03-shop-1\.0\.0\.md$/);
    const text = await read('retrospectives/2026/03-shop-1.0.0.md');
    expect(text).toContain('releases: [shop@1.0.0]');
    expect(text).toContain('date: 2026-03-14');
    expect(text).toContain('participants: [Ann, Bo]');
    expect(text).toMatch(/outcome: success +#/);
  });

  it('service: services/<id>.yaml (no schema comment for a folder outside the repository)', async () => {
    const r = run('new', ['service', '--content', root, '--id', 'payments', '--name', 'Payments', '--repo', 'https://git.example.com/pay']);
    expect(r.status).toBe(0);
    const text = await read('services/payments.yaml');
    expect(text).toContain('name: Payments\n');
    expect(text).toContain('repo: https://git.example.com/pay\n');
    // The fixture copy lies outside the repository: no machine-specific schema path is written.
    expect(text).not.toContain('yaml-language-server');
  });

  it('process: processes/<id>.md, owners mapped onto the site roles', async () => {
    const r = run('new', ['process', '--content', root, '--id', 'express', '--title', 'Express lane']);
    expect(r.status).toBe(0);
    const text = await read('processes/express.md');
    expect(text).toContain('title: Express lane');
    expect(text).toContain('# Express lane');
    expect(text).toContain('roles: [lead]');
  });

  it('leaves a folder that passes npm run check', () => {
    const r = run('shiplog', ['check', '--content', root]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^checked 15 records in \d+ ms: no problems\n$/);
    expect(r.status).toBe(0);
  });
});

describe('npm run new refuses and explains', () => {
  it('never overwrites a file: exit 1 with the existing path', async () => {
    const root = await fixtureCopy('valid');
    const first = run('new', ['test-report', '--content', root, '--release', 'shop@1.0.0', '--stage', 'smoke', '--round', '1']);
    expect(first.status).toBe(0);
    const file = path.join(root, 'test-reports/shop/1.0.0-smoke-r1.md');
    const before = await readFile(file, 'utf8');
    const again = run('new', ['test-report', '--content', root, '--release', 'shop@1.0.0', '--stage', 'smoke', '--round', '1', '--verdict', 'pass']);
    expect(again.status).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(`new: refused: ${path.relative(REPO, file)} already exists (nothing was overwritten)\n`);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('without a terminal, a missing flag is named instead of waiting for input (exit 2)', async () => {
    const root = await fixtureCopy('valid');
    const r = run('new', ['release', '--content', root]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('new release: missing --service: there is no terminal to ask on, so pass it as a flag\n(npm run new -- --help lists the flags)\n');
  });
});

/** The same command in this process, without a terminal (the child-process tests above cover the entry). */
async function newHere(args: string[], env: NodeJS.ProcessEnv = {}, templatesDir?: string) {
  let stdout = '';
  let stderr = '';
  const sink = (write: (s: string) => void) => ({ write: (chunk: string) => (write(chunk), true), isTTY: false }) as unknown as NodeJS.WriteStream;
  const status = await runNew({
    argv: args,
    ask: noTerminal,
    out: sink((s) => (stdout += s)),
    err: sink((s) => (stderr += s)),
    env: { NO_COLOR: '1', SHIPLOG_NOW: NOW, ...env },
    cwd: REPO,
    ...(templatesDir ? { templatesDir } : {}),
  });
  return { status, stdout, stderr };
}

describe('npm run new, each refusal', () => {
  it('refuses a release that exists under another file name', async () => {
    const valid = await readFile(path.join(FIXTURES, 'valid/releases/shop/1.0.0.md'), 'utf8');
    const root = await fixtureCopy('valid', { 'releases/shop/1.0.0.md': null, 'releases/old/shop-one.md': valid });
    const r = await newHere(['release', '--content', root, '--service', 'shop', '--version', '1.0.0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`new: refused: release shop@1.0.0 already exists in ${path.relative(REPO, path.join(root, 'releases/old/shop-one.md'))} (nothing was written)\n`);
  });

  it.each([
    [['release', '--service', 'billing'], '--version'], // billing has no release to propose from
    [['test-report', '--release', 'shop@1.0.0'], '--stage'],
    [['test-report', '--stage', 'system'], '--release'],
    [['retrospective'], '--release'],
    [['service', '--id', 'pay'], '--name'],
    [['process', '--title', 'Express'], '--id'],
  ])('new %j names the missing flag %s (exit 2)', async (args, flag) => {
    const root = await fixtureCopy('valid');
    const r = await newHere([...args, '--content', root]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`new ${args[0]}: missing ${flag}: there is no terminal to ask on, so pass it as a flag\n(npm run new -- --help lists the flags)\n`);
  });

  it('rejects values it cannot use, with a suggestion', async () => {
    const root = await fixtureCopy('valid');
    const r = await newHere(['release', '--content', root, '--service', 'shopp']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('new release: --service shopp: no such service (did you mean `shop`?)');
    const stage = await newHere(['test-report', '--content', root, '--release', 'shop@1.0.0', '--stage', 'sytem']);
    expect(stage.status).toBe(2);
    expect(stage.stderr).toContain('--stage sytem: must be one of system, integration');
    expect(stage.stderr).toContain('(did you mean `system`?)');
    const version = await newHere(['release', '--content', root, '--service', 'shop', '--version', '1..2/x']);
    expect(version.status).toBe(2);
    expect(version.stderr).toContain('--version 1..2/x is not a version');
  });

  it('rejects an unknown kind and a flag of another kind (exit 2, usage)', async () => {
    const root = await fixtureCopy('valid');
    const kind = await newHere(['relase', '--content', root]);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toMatch(/^new: unknown kind "relase": one of release, hotfix, test-report, retrospective, service, process\n\nusage: npm run new/);
    const flag = await newHere(['service', '--content', root, '--id', 'x', '--name', 'X', '--stage', 'system']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/^new: --stage does not apply to service\n/);
  });

  it('reads the content folder from SHIPLOG_CONTENT', async () => {
    const root = await fixtureCopy('valid');
    const r = await newHere(['service', '--id', 'pay', '--name', 'Pay'], { SHIPLOG_CONTENT: root });
    expect(r.status).toBe(0);
    expect(await readFile(path.join(root, 'services/pay.yaml'), 'utf8')).toContain('name: Pay');
  });

  it('prints the problems of a record it wrote, and exits 1 (the file stays for fixing)', async () => {
    const root = await fixtureCopy('valid');
    const templates = await fixtureCopy('valid', { 'en/service.yaml': 'name: {{name}}\nowner: nobody\n' });
    const r = await newHere(['service', '--content', root, '--id', 'pay', '--name', 'Pay'], {}, templates);
    expect(r.status).toBe(1);
    const shown = path.relative(REPO, path.join(root, 'services/pay.yaml'));
    expect(r.stderr).toBe(
      `${shown}:2:1  owner  is not a known field (keep free-form data under \`extra:\`)\n` +
        `new: ${shown} was written but has 1 problem: fix it, then run npm run check\n`,
    );
  });
});
