/** `npm run gate` as a child process: exit 0 may enter, 1 blocked or broken content, 2 unknown release/stage or usage. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, fixtureCopy } from '../helpers.ts';
import { BASE, RELEASE, releaseWith } from './gate-fixture.ts';

function gate(...args: string[]) {
  const run = spawnSync(process.execPath, ['src/cli/gate.ts', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const FIXTURE = path.join(FIXTURES, BASE);
const NO_PM = '  - { role: pm, name: Di, decision: approved, at: 2026-03-10T10:00:00+08:00 }\n';
const readyWithoutPm = () => fixtureCopy(BASE, { [RELEASE]: releaseWith(['status: released', 'status: ready'], [NO_PM, '']) });

describe('npm run gate', { timeout: 60_000 }, () => {
  it('exits 0 when every stage before the go-live stage holds', () => {
    const run = gate('shop@1.0.0', '--content', FIXTURE);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('may enter Go live (go-live): shop@1.0.0 (released), 7 of 8 items before it hold\n');
  });

  it('exits 1 listing each blocking item with its reason', async () => {
    const root = await readyWithoutPm();
    const run = gate('shop@1.0.0', '--content', root);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      'may not enter Go live (go-live): shop@1.0.0 (ready), 1 blocking item\n' +
        '  ✗ Approve (approve) · approvals [pm]: Approved by lead and pm\n' +
        '      failing: no decision from pm\n',
    );
    expect(gate('shop@1.0.0', '--stage', 'approve', '--content', root).status).toBe(0);
  });

  it('prints a stable JSON object with --json', async () => {
    const run = gate('shop@1.0.0', '--json', '--content', await readyWithoutPm());
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as Record<string, unknown> & { stages: { id: string; position: string; holds: boolean; items: unknown[] }[] };
    expect(Object.keys(out)).toEqual(['release', 'status', 'stage', 'allowed', 'blocking', 'waived', 'stages']);
    expect(out).toMatchObject({ release: 'shop@1.0.0', status: 'ready', stage: 'go-live', allowed: false, waived: [] });
    expect(out['blocking']).toEqual([
      { stage: 'approve', item: 'approvals', text: 'Approved by lead and pm', owner: 'pm', required: true, rule: 'approvals', state: 'failing', reason: 'no decision from pm', by: null, note: null },
    ]);
    expect(out.stages.map((s) => [s.id, s.position, s.holds, s.items.length])).toEqual([
      ['test', 'passed', true, 4],
      ['approve', 'current', false, 4],
      ['go-live', 'not-reached', true, 2],
      ['after', 'follow-up', true, 2],
    ]);
  });

  it('lists waived items in the JSON', async () => {
    const root = await fixtureCopy(BASE, { [RELEASE]: releaseWith(['  smoke: { state: done, by: Bo, at: 2026-03-11 }', '  smoke: { state: waived, by: Cy, note: No staging this time }']) });
    const out = JSON.parse(gate('shop@1.0.0', '--json', '--content', root).stdout) as { allowed: boolean; waived: unknown[] };
    expect(out.allowed).toBe(true);
    expect(out.waived).toEqual([
      { stage: 'approve', item: 'smoke', text: 'Staging smoke test', owner: 'qa', required: true, rule: null, state: 'waived', reason: 'waived by Cy: No staging this time', by: 'Cy', note: 'No staging this time' },
    ]);
  });

  it('exits 2 for an unknown release or stage, with a did-you-mean', () => {
    const release = gate('shop@1.0.1', '--content', FIXTURE);
    expect(release.status).toBe(2);
    expect(release.stderr).toBe('gate: unknown release "shop@1.0.1" (did you mean `shop@1.0.0`?)\n');
    const stage = gate('shop@1.0.0', '--stage', 'go-liv', '--content', FIXTURE);
    expect(stage.status).toBe(2);
    expect(stage.stderr).toBe('gate: process standard has no stage "go-liv" (did you mean `go-live`?)\n');
    expect(gate('shop', '--content', FIXTURE).stderr).toMatch(/^gate: "shop" is not a release reference/);
  });

  it('exits 2 with the usage for bad arguments', () => {
    for (const args of [[], ['--nope', 'shop@1.0.0'], ['a@1', 'b@2']]) {
      const run = gate(...args, '--content', FIXTURE);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('usage: npm run gate --');
    }
  });

  it('exits 1 printing the content problems as `npm run check` does, never a stack trace', async () => {
    const root = await fixtureCopy(BASE, { [RELEASE]: releaseWith(['  launch-plan: done\n', '']) });
    const run = gate('shop@1.0.0', '--content', root);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('releases/shop/1.0.0.md:5:9  checklist.launch-plan  shop@1.0.0: stage Test (test) item launch-plan fails: not done yet');
    expect(run.stderr).toContain('1 problem in the content folder');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
